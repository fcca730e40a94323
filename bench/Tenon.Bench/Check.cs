namespace Tenon.Bench;

/// <summary>A workload's result was wrong: the engine does not get a time for it.</summary>
public sealed class CheckFailedException(string message) : Exception(message);

public static class Check
{
    public static void That(bool condition, string what)
    {
        if (!condition) throw new CheckFailedException(what);
    }

    public static void Equal(long expected, long? actual, string what)
    {
        if (actual != expected) throw new CheckFailedException($"{what}: expected {expected}, got {actual?.ToString() ?? "NULL"}");
    }

    public static long Long(object? value) =>
        value is null ? throw new CheckFailedException("unexpected NULL") : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace Tenon.Conformance;

/// <summary>
/// tests/pg-regress/floors.txt: per regression file, the number of matching statements Tenon
/// must not fall below. Lines are <c>name matched</c>; <c>#</c> starts a comment.
/// </summary>
public static class ConformanceFloors
{
    public static Dictionary<string, int> Read(string path)
    {
        var floors = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!File.Exists(path)) return floors;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0) continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            floors[parts[0]] = int.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        return floors;
    }

    public static void Write(string path, IReadOnlyDictionary<string, int> floors)
    {
        var lines = new List<string>
        {
            "# Minimum number of statements per PostgreSQL regression file whose output must match PostgreSQL 15's exactly.",
            "# Raised by `dotnet run --project tools/Tenon.Conformance -- --update-floors`; the test suite fails below a floor.",
        };
        lines.AddRange(floors.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value.ToString(CultureInfo.InvariantCulture)}"));
        File.WriteAllLines(path, lines);
    }
}

namespace Tenon.Data;

/// <summary>
/// The named in-memory databases of this process. A name's database exists while at least one
/// connection to it is open (as SQLite's shared-cache memory databases do), so tests and
/// applications can share one database between connections without it outliving them.
/// </summary>
internal static class InMemoryDatabases
{
    private static readonly object Gate = new();
    private static readonly Dictionary<string, (Database Database, int Users)> Named = new(StringComparer.Ordinal);

    public const string PrivateName = ":memory:";

    /// <summary>Opens the database a Data Source names; pair every call with <see cref="Release"/>.</summary>
    public static Database Acquire(string dataSource)
    {
        if (dataSource == PrivateName) return Database.OpenInMemory();
        Validate(dataSource);
        lock (Gate)
        {
            var entry = Named.TryGetValue(dataSource, out var e) ? e : (Database.OpenInMemory(), 0);
            Named[dataSource] = (entry.Item1, entry.Item2 + 1);
            return entry.Item1;
        }
    }

    public static void Release(string dataSource)
    {
        if (dataSource == PrivateName) return;
        lock (Gate)
        {
            if (!Named.TryGetValue(dataSource, out var e)) return;
            if (e.Users <= 1) Named.Remove(dataSource);
            else Named[dataSource] = (e.Database, e.Users - 1);
        }
    }

    /// <summary>Rejects what cannot be served yet with a message that says why.</summary>
    public static void Validate(string dataSource)
    {
        if (dataSource == PrivateName) return;
        if (dataSource.Length == 0)
            throw new ArgumentException("The connection string has no Data Source; use \"Data Source=:memory:\" or \"Data Source=name\" for a named in-memory database.");
        foreach (var c in dataSource)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                throw new NotSupportedException(
                    $"Data Source \"{dataSource}\" looks like a file path; Tenon has no file storage yet. " +
                    "Use \":memory:\" for a private in-memory database or a plain name (letters, digits, '_', '-') for a named shared in-memory database.");
    }
}

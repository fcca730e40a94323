namespace Tenon.Data;

/// <summary>
/// The named in-memory databases and the open file databases of this process. A name's database
/// exists while at least one connection to it is open (as SQLite's shared-cache memory databases
/// do), so tests and applications can share one database between connections without it
/// outliving them. A file database (any Data Source that is not :memory: or a plain name) is
/// opened by its first connection and closed (checkpointed, lock released) by its last.
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
        var key = Key(dataSource);
        lock (Gate)
        {
            var entry = Named.TryGetValue(key, out var e) ? e
                : (IsFilePath(dataSource) ? Database.Open(dataSource) : Database.OpenInMemory(), 0);
            Named[key] = (entry.Item1, entry.Item2 + 1);
            return entry.Item1;
        }
    }

    public static void Release(string dataSource)
    {
        if (dataSource == PrivateName) return;
        var key = Key(dataSource);
        lock (Gate)
        {
            if (!Named.TryGetValue(key, out var e)) return;
            if (e.Users <= 1)
            {
                Named.Remove(key);
                e.Database.Dispose();
            }
            else Named[key] = (e.Database, e.Users - 1);
        }
    }

    /// <summary>Rejects an empty Data Source with a message that says what to write.</summary>
    public static void Validate(string dataSource)
    {
        if (dataSource.Length == 0)
            throw new ArgumentException("The connection string has no Data Source; use \"Data Source=:memory:\", \"Data Source=name\" for a named in-memory database, or a file path such as \"Data Source=app.tenon\".");
    }

    /// <summary>Anything but :memory: and a plain name (letters, digits, '_', '-') is a file path.</summary>
    public static bool IsFilePath(string dataSource) =>
        dataSource != PrivateName && !dataSource.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    // Two spellings of one file share one Database (it can be opened only once).
    private static string Key(string dataSource) => IsFilePath(dataSource) ? "file:" + Path.GetFullPath(dataSource) : dataSource;
}

using System.Diagnostics;
using Tenon.Errors;

namespace Tenon.Server;

/// <summary>
/// The named databases of one <see cref="PgServer"/>, as in a PostgreSQL cluster: <c>postgres</c>
/// always exists, CREATE DATABASE adds empty in-memory databases and DROP DATABASE removes them.
/// It counts the connections to each database, so that a database in use is not dropped.
/// (The ADO.NET provider's named in-memory databases are a separate, reference-counted registry:
/// they vanish with their last connection, where these live until dropped.)
/// </summary>
public sealed class DatabaseRegistry : IDatabaseCluster
{
    /// <summary>The database that always exists, and that clients connect to by default.</summary>
    public const string DefaultName = "postgres";

    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _databases = new(StringComparer.Ordinal);

    internal sealed class Entry(Database database)
    {
        public Database Database { get; } = database;
        public int Connections { get; set; }
    }

    /// <param name="postgres">The database named <c>postgres</c>.</param>
    /// <param name="dropWait">How long DROP DATABASE waits for other connections to leave before failing (PostgreSQL waits 5 seconds).</param>
    public DatabaseRegistry(Database postgres, TimeSpan? dropWait = null)
    {
        _databases[DefaultName] = new Entry(postgres);
        DropWait = dropWait ?? TimeSpan.FromSeconds(5);
    }

    public TimeSpan DropWait { get; }

    /// <summary>The names of the databases, in no particular order.</summary>
    public IReadOnlyList<string> Names
    {
        get { lock (_gate) return _databases.Keys.ToList(); }
    }

    public bool Exists(string name)
    {
        lock (_gate) return _databases.ContainsKey(name);
    }

    /// <summary>The database of that name, or null; for embedding programs and tests.</summary>
    public Database? Find(string name)
    {
        lock (_gate) return _databases.TryGetValue(name, out var e) ? e.Database : null;
    }

    public void Create(string name)
    {
        lock (_gate)
        {
            if (_databases.ContainsKey(name))
                throw new TenonException(SqlState.DuplicateDatabase, $"database \"{name}\" already exists");
            _databases[name] = new Entry(Database.OpenInMemory());
        }
    }

    public bool Drop(string name)
    {
        var clock = Stopwatch.StartNew();
        lock (_gate)
        {
            while (true)
            {
                if (!_databases.TryGetValue(name, out var e)) return false;
                if (e.Connections == 0)
                {
                    _databases.Remove(name);
                    return true;
                }
                // Connections that are just closing (psql's \c leaves its old one behind) get time to go.
                var left = DropWait - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                    throw new TenonException(SqlState.ObjectInUse, $"database \"{name}\" is being accessed by other users",
                        e.Connections == 1
                            ? "There is 1 other session using the database."
                            : $"There are {e.Connections} other sessions using the database.");
                Monitor.Wait(_gate, left);
            }
        }
    }

    /// <summary>Counts a connection to <paramref name="name"/>; null when there is no such database.</summary>
    internal Lease? Attach(string name)
    {
        lock (_gate)
        {
            if (!_databases.TryGetValue(name, out var e)) return null;
            e.Connections++;
            return new Lease(this, e);
        }
    }

    private void Detach(Entry e)
    {
        lock (_gate)
        {
            e.Connections--;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>One connection's hold on its database; disposing it lets DROP DATABASE proceed.</summary>
    internal sealed class Lease : IDisposable
    {
        private readonly DatabaseRegistry _registry;
        private readonly Entry _entry;
        private int _disposed;

        internal Lease(DatabaseRegistry registry, Entry entry)
        {
            _registry = registry;
            _entry = entry;
        }

        public Database Database => _entry.Database;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) _registry.Detach(_entry);
        }
    }
}

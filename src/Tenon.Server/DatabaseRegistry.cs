using System.Diagnostics;
using Tenon.Errors;

namespace Tenon.Server;

/// <summary>
/// The named databases of one <see cref="PgServer"/>, as in a PostgreSQL cluster: <c>postgres</c>
/// always exists, CREATE DATABASE adds databases (empty or copied from a template) and DROP
/// DATABASE removes them. In memory by default; with a data directory
/// (<see cref="OpenDirectory"/>) each database is a durable file database there, and all of
/// them come back when a server opens the directory again. It counts the connections to each
/// database, so that a database in use is neither dropped nor copied, and can terminate them
/// (DROP DATABASE … WITH (FORCE)).
/// (The ADO.NET provider's named in-memory databases are a separate, reference-counted registry:
/// they vanish with their last connection, where these live until dropped.)
/// </summary>
public sealed class DatabaseRegistry : IDatabaseCluster, IDisposable
{
    /// <summary>The database that always exists, and that clients connect to by default.</summary>
    public const string DefaultName = "postgres";

    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _databases = new(StringComparer.Ordinal);
    // Names being created (a file copy takes a while): taken, but not connectable yet.
    private readonly HashSet<string> _creating = new(StringComparer.Ordinal);
    private readonly DatabaseFiles? _files;
    private readonly DatabaseOptions? _fileOptions;
    private bool _disposed;

    internal sealed class Entry(Database database)
    {
        public Database Database { get; } = database;
        public List<Lease> Leases { get; } = new();
        public int Connections => Leases.Count;
    }

    /// <param name="postgres">The database named <c>postgres</c>.</param>
    /// <param name="dropWait">How long DROP DATABASE waits for other connections to leave before failing (PostgreSQL waits 5 seconds).</param>
    public DatabaseRegistry(Database postgres, TimeSpan? dropWait = null)
    {
        _databases[DefaultName] = new Entry(postgres);
        DropWait = dropWait ?? TimeSpan.FromSeconds(5);
    }

    private DatabaseRegistry(DatabaseFiles files, DatabaseOptions? options, TimeSpan? dropWait)
    {
        _files = files;
        _fileOptions = options;
        DropWait = dropWait ?? TimeSpan.FromSeconds(5);
    }

    /// <summary>
    /// The databases kept as files in <paramref name="directory"/> (created when missing): every
    /// <c>NAME.tenon</c> there is opened (and recovered), and <c>postgres</c> is created when it
    /// is not there. Refused with 55006 while another process serves the directory. Dispose the
    /// registry to close them all.
    /// </summary>
    public static DatabaseRegistry OpenDirectory(string directory, DatabaseOptions? options = null, TimeSpan? dropWait = null)
    {
        var files = DatabaseFiles.Open(directory);
        var registry = new DatabaseRegistry(files, options, dropWait);
        try
        {
            foreach (var name in files.Names())
                registry._databases[name] = new Entry(Database.Open(files.PathOf(name), options));
            if (!registry._databases.ContainsKey(DefaultName))
                registry._databases[DefaultName] = new Entry(Database.Open(files.PathOf(DefaultName), options));
        }
        catch
        {
            registry.Dispose();
            throw;
        }
        return registry;
    }

    public TimeSpan DropWait { get; }

    /// <summary>The data directory, or null when the databases live in memory.</summary>
    public string? DataDirectory => _files?.Directory;

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

    /// <summary>Adds an empty database (what CREATE DATABASE does).</summary>
    public void Create(string name) => Create(name, null, DefaultName);

    public void Create(string name, string? template, string askingDatabase)
    {
        Entry? source = null;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_databases.ContainsKey(name) || _creating.Contains(name))
                throw new TenonException(SqlState.DuplicateDatabase, $"database \"{name}\" already exists");
            if (template is not null)
            {
                if (!_databases.TryGetValue(template, out source))
                    throw new TenonException(SqlState.InvalidCatalogName, $"template database \"{template}\" does not exist");
                WaitForOthersToLeave(source, template == askingDatabase ? 1 : 0, n => new TenonException(SqlState.ObjectInUse,
                    $"source database \"{template}\" is being accessed by other users", OtherSessions(n)));
                if (_databases.ContainsKey(name) || _creating.Contains(name))
                    throw new TenonException(SqlState.DuplicateDatabase, $"database \"{name}\" already exists");
            }
            _creating.Add(name);
        }
        Database? created = null;
        try
        {
            created = MakeDatabase(name, source?.Database);
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                _databases[name] = new Entry(created);
            }
        }
        catch
        {
            created?.Dispose();
            throw;
        }
        finally
        {
            lock (_gate) _creating.Remove(name);
        }
    }

    /// <summary>A new database: empty or a copy of <paramref name="template"/>'s committed state, in memory or as a file.</summary>
    private Database MakeDatabase(string name, Database? template)
    {
        if (_files is null) return template?.CopyInMemory() ?? Database.OpenInMemory();
        var path = _files.PathOf(name);
        // Left over by a database of this name that vanished halfway (removed by hand, say): not ours to reuse.
        if (File.Exists(path))
            throw new TenonException("58P02", $"could not create database \"{name}\": file \"{path}\" already exists");
        template?.Backup(path);
        return Database.Open(path, _fileOptions);
    }

    public bool Drop(string name, bool force)
    {
        Entry? e;
        lock (_gate)
        {
            if (!_databases.TryGetValue(name, out e)) return false;
            if (force)
                foreach (var lease in e.Leases.ToList())
                    lease.Terminate();
            WaitForOthersToLeave(e, 0, n => new TenonException(SqlState.ObjectInUse,
                $"database \"{name}\" is being accessed by other users", OtherSessions(n)));
            // Someone else dropped it while we waited.
            if (!_databases.TryGetValue(name, out var now) || now != e) return false;
            _databases.Remove(name);
        }
        if (_files is not null)
        {
            e.Database.Close(checkpoint: false);
            try
            {
                _files.Delete(name);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new TenonException("58030", $"could not remove the files of database \"{name}\": {ex.Message}");
            }
        }
        return true;
    }

    private static string OtherSessions(int n) =>
        n == 1 ? "There is 1 other session using the database." : $"There are {n} other sessions using the database.";

    /// <summary>
    /// Waits (up to <see cref="DropWait"/>, as PostgreSQL waits 5 seconds) until at most
    /// <paramref name="allowed"/> connections use the database; connections that are just
    /// closing (psql's \c leaves its old one behind) get time to go. Caller holds the lock.
    /// </summary>
    private void WaitForOthersToLeave(Entry e, int allowed, Func<int, TenonException> error)
    {
        var clock = Stopwatch.StartNew();
        while (e.Connections > allowed)
        {
            var left = DropWait - clock.Elapsed;
            if (left <= TimeSpan.Zero) throw error(e.Connections - allowed);
            Monitor.Wait(_gate, left);
        }
    }

    /// <summary>Counts a connection to <paramref name="name"/>; null when there is no such database.</summary>
    internal Lease? Attach(string name, Action? terminate = null)
    {
        lock (_gate)
        {
            if (!_databases.TryGetValue(name, out var e)) return null;
            var lease = new Lease(this, e, terminate);
            e.Leases.Add(lease);
            return lease;
        }
    }

    private void Detach(Lease lease, Entry e)
    {
        lock (_gate)
        {
            e.Leases.Remove(lease);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Closes the file databases (each checkpointed) and frees the data directory; in memory, nothing to do.</summary>
    public void Dispose()
    {
        List<Entry> entries;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            entries = _databases.Values.ToList();
        }
        if (_files is null) return;
        foreach (var e in entries) e.Database.Dispose();
        _files.Dispose();
    }

    /// <summary>One connection's hold on its database; disposing it lets DROP DATABASE proceed.</summary>
    internal sealed class Lease : IDisposable
    {
        private readonly DatabaseRegistry _registry;
        private readonly Entry _entry;
        private readonly Action? _terminate;
        private int _disposed;

        internal Lease(DatabaseRegistry registry, Entry entry, Action? terminate)
        {
            _registry = registry;
            _entry = entry;
            _terminate = terminate;
        }

        public Database Database => _entry.Database;

        /// <summary>Asks the connection to end (FATAL 57P01); it releases the lease as it closes.</summary>
        public void Terminate() => _terminate?.Invoke();

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) _registry.Detach(this, _entry);
        }
    }
}

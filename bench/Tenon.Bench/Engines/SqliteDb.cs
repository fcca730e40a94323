using Microsoft.Data.Sqlite;

namespace Tenon.Bench.Engines;

/// <summary>
/// SQLite in process through Microsoft.Data.Sqlite with foreign keys enforced. Either <c>:memory:</c>,
/// or a file in WAL mode with <c>synchronous=FULL</c> (every commit is fsynced: durable).
/// Parameters are named <c>$1..$n</c>, which SQLite accepts as they are written in the workloads.
/// </summary>
public sealed class SqliteDb : IBenchDb
{
    private readonly SqliteConnection _connection;
    private readonly string? _file;

    private SqliteDb(string name, string? file)
    {
        Name = name;
        _file = file;
        var builder = new SqliteConnectionStringBuilder { DataSource = file ?? ":memory:", Pooling = false };
        _connection = new SqliteConnection(builder.ConnectionString);
        _connection.Open();
        Exec("PRAGMA foreign_keys = ON");
        if (file is not null)
        {
            Exec("PRAGMA journal_mode = WAL");
            Exec("PRAGMA synchronous = FULL");
        }
        if (Convert.ToInt64(Prepare("PRAGMA foreign_keys").Scalar()) != 1)
            throw new InvalidOperationException("SQLite did not enable foreign keys");
    }

    public static SqliteDb InMemory() => new("SQLite :memory:", null);

    /// <summary>A fresh database file in <paramref name="directory"/>, removed on dispose.</summary>
    public static SqliteDb WalFile(string directory)
    {
        Directory.CreateDirectory(directory);
        return new SqliteDb("SQLite WAL FULL", Path.Combine(directory, $"bench-{Guid.NewGuid():N}.db"));
    }

    public string Name { get; }
    public Dialect Dialect => Dialect.Sqlite;
    public bool Durable => _file is not null;

    public void Exec(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public IBenchCommand Prepare(string sql) => new Command(_connection, sql);

    /// <remarks>
    /// SQLite reports an insert or update without parent as SQLITE_CONSTRAINT_FOREIGNKEY (787), but
    /// a refused ON DELETE RESTRICT as SQLITE_CONSTRAINT_TRIGGER (1811, it runs as a trigger) with
    /// the same message.
    /// </remarks>
    public bool IsForeignKeyViolation(Exception e) =>
        e is SqliteException { SqliteErrorCode: 19 } se &&
        (se.SqliteExtendedErrorCode == 787 || se.Message.Contains("FOREIGN KEY constraint failed", StringComparison.Ordinal));

    public void Dispose()
    {
        _connection.Dispose();
        if (_file is null) return;
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            if (File.Exists(f)) File.Delete(f);
    }

    private sealed class Command(SqliteConnection connection, string sql) : IBenchCommand
    {
        private SqliteCommand? _cmd;

        private SqliteCommand Bind(object?[] args)
        {
            if (_cmd is null)
            {
                _cmd = connection.CreateCommand();
                _cmd.CommandText = sql;
                for (var i = 0; i < args.Length; i++) _cmd.Parameters.Add(new SqliteParameter("$" + (i + 1), args[i] ?? DBNull.Value));
                _cmd.Prepare();
                return _cmd;
            }
            for (var i = 0; i < args.Length; i++) _cmd.Parameters[i].Value = args[i] ?? DBNull.Value;
            return _cmd;
        }

        public int Execute(params object?[] args) => Bind(args).ExecuteNonQuery();

        public List<object?[]> Query(params object?[] args)
        {
            using var reader = Bind(args).ExecuteReader();
            return DataReaders.ReadAll(reader);
        }

        public void Dispose() => _cmd?.Dispose();
    }
}

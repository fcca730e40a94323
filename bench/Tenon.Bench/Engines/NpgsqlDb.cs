using Npgsql;

namespace Tenon.Bench.Engines;

/// <summary>
/// A PostgreSQL-protocol server through Npgsql over loopback TCP: the private PostgreSQL 15, or
/// Tenon's own wire server. Commands use positional <c>$n</c> parameters and are prepared on the
/// server at their first execution (PostgreSQL's extended protocol), as a tuned application would.
/// </summary>
public sealed class NpgsqlDb : IBenchDb
{
    private readonly NpgsqlConnection _connection;

    public NpgsqlDb(string name, string connectionString, bool durable)
    {
        Name = name;
        Durable = durable;
        _connection = new NpgsqlConnection(connectionString);
        _connection.Open();
    }

    public string Name { get; }
    public Dialect Dialect => Dialect.Postgres;
    public bool Durable { get; }

    public void Exec(string sql)
    {
        using var cmd = new NpgsqlCommand(sql, _connection);
        cmd.ExecuteNonQuery();
    }

    public IBenchCommand Prepare(string sql) => new Command(_connection, sql);

    public bool IsForeignKeyViolation(Exception e) => e is PostgresException { SqlState: "23503" };

    public void Dispose() => _connection.Dispose();

    private sealed class Command(NpgsqlConnection connection, string sql) : IBenchCommand
    {
        private NpgsqlCommand? _cmd;

        private NpgsqlCommand Bind(object?[] args)
        {
            if (_cmd is null)
            {
                _cmd = new NpgsqlCommand(sql, connection);
                foreach (var a in args) _cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
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

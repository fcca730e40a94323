using Tenon.Data;
using Tenon.Errors;

namespace Tenon.Bench.Engines;

/// <summary>
/// Tenon in memory through its ADO.NET provider (<see cref="TenonConnection"/>, prepared
/// <see cref="TenonCommand"/>s with positional parameters): the client path of Dapper and EF Core,
/// and the one SQLite is measured through (Microsoft.Data.Sqlite), so this column is the like-for-like
/// comparison of the two in-process engines; "Tenon" is the same engine through its Session API.
/// </summary>
public sealed class TenonAdoDb : IBenchDb
{
    public const string EngineName = "Tenon ADO.NET";

    private readonly TenonConnection _connection;

    public TenonAdoDb()
    {
        // A private in-memory database per instance, as TenonDb's.
        _connection = new TenonConnection("Data Source=:memory:");
        _connection.Open();
    }

    public string Name => EngineName;
    public Dialect Dialect => Dialect.Postgres;
    public bool Durable => false;

    public void Exec(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public IBenchCommand Prepare(string sql) => new Command(_connection, sql);

    public bool IsForeignKeyViolation(Exception e) => e is TenonException { SqlState: "23503" };

    public void Dispose() => _connection.Dispose();

    private sealed class Command(TenonConnection connection, string sql) : IBenchCommand
    {
        private TenonCommand? _cmd;

        private TenonCommand Bind(object?[] args)
        {
            if (_cmd is null)
            {
                _cmd = connection.CreateCommand();
                _cmd.CommandText = sql;
                for (var i = 0; i < args.Length; i++) _cmd.Parameters.AddWithValue(args[i]);
                _cmd.Prepare();
                return _cmd;
            }
            for (var i = 0; i < args.Length; i++) _cmd.Parameters[i].Value = args[i];
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

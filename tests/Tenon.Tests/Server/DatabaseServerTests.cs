using Npgsql;
using Tenon.Server;

namespace Tenon.Tests.Server;

/// <summary>
/// A server whose DROP DATABASE waits briefly for other sessions, with helpers to connect to a
/// database by name and run one statement: shared by the tests of named databases.
/// </summary>
public abstract class DatabaseServerTests : IDisposable
{
    private protected TestServer TestServer { get; } = new(new PgServerOptions { DropDatabaseWait = TimeSpan.FromMilliseconds(300) });

    public void Dispose()
    {
        TestServer.Dispose();
        GC.SuppressFinalize(this);
    }

    protected NpgsqlConnection Open(string database = "postgres")
    {
        var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestServer.ConnectionString) { Database = database }.ConnectionString);
        c.Open();
        return c;
    }

    protected static object? Scalar(NpgsqlConnection c, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, c);
        return cmd.ExecuteScalar();
    }

    protected static PostgresException Fails(NpgsqlConnection c, string sql) =>
        Assert.Throws<PostgresException>(() => Scalar(c, sql));
}

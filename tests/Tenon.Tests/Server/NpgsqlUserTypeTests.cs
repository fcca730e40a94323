using Npgsql;

namespace Tenon.Tests.Server;

/// <summary>
/// Enum types and domains through Npgsql: its type loading sees them in pg_type/pg_enum, an enum
/// column arrives with the enum's own type oid and reads as a string (text and binary), and a
/// domain column arrives as its base type, as PostgreSQL sends them.
/// </summary>
public sealed class NpgsqlUserTypeTests : IDisposable
{
    private readonly TestServer _server = new();

    public void Dispose() => _server.Dispose();

    /// <summary>With <paramref name="loadTypes"/>, Npgsql's full type loading (the shared test connection string turns it off).</summary>
    private NpgsqlConnection Open(bool loadTypes = false)
    {
        var c = new NpgsqlConnection(loadTypes ? _server.ConnectionString.Replace("Server Compatibility Mode=NoTypeLoading;", "") : _server.ConnectionString);
        c.Open();
        return c;
    }

    private static void Exec(NpgsqlConnection c, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void Enum_columns_carry_the_enum_oid_and_read_as_strings()
    {
        using (var setup = Open())
        {
            Exec(setup, "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
            Exec(setup, "CREATE DOMAIN posint AS int CHECK (VALUE > 0)");
            Exec(setup, "CREATE TABLE t (m mood, p posint)");
            Exec(setup, "INSERT INTO t VALUES ('happy', 3), ('sad', 1)");
        }
        // A new connection loads the types, user enums and domains included.
        using var c = Open(loadTypes: true);
        uint moodOid;
        using (var cmd = new NpgsqlCommand("SELECT oid FROM pg_type WHERE typname = 'mood'", c))
            moodOid = (uint)cmd.ExecuteScalar()!;
        using (var cmd = new NpgsqlCommand("SELECT m, p FROM t ORDER BY m", c))
        using (var r = cmd.ExecuteReader())
        {
            Assert.Equal(moodOid, r.GetDataTypeOID(0));
            Assert.Equal(23u, r.GetDataTypeOID(1));
            Assert.True(r.Read());
            Assert.Equal("sad", r.GetString(0));
            Assert.Equal(1, r.GetInt32(1));
            Assert.True(r.Read());
            Assert.Equal("happy", r.GetFieldValue<string>(0));
            Assert.Equal(3, r.GetInt32(1));
        }
        // Parameters: a string bound to an enum-typed placeholder.
        using (var cmd = new NpgsqlCommand("SELECT count(*) FROM t WHERE m > $1::mood", c))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = "ok" });
            Assert.Equal(1L, cmd.ExecuteScalar());
        }
        // Domain checks reach the client as PostgreSQL's error.
        using (var cmd = new NpgsqlCommand("INSERT INTO t VALUES ('ok', $1)", c))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = 0 });
            var ex = Assert.Throws<PostgresException>(() => cmd.ExecuteNonQuery());
            Assert.Equal("23514", ex.SqlState);
            Assert.Equal("value for domain posint violates check constraint \"posint_check\"", ex.MessageText);
        }
    }
}

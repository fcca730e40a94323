using Npgsql;

namespace Tenon.Tests.Server;

/// <summary>
/// Who a wire session is: a startup user that is no role of the database behaves as a superuser of
/// that name (Tenon's server accepts any user name); a startup user that is a role gets that role's
/// privileges, and is_superuser is reported as PostgreSQL reports it.
/// </summary>
public sealed class RoleLoginTests : IDisposable
{
    private readonly TestServer _server = new();

    public void Dispose() => _server.Dispose();

    private NpgsqlConnection Open(string user)
    {
        var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Username = user, Pooling = false }.ConnectionString);
        c.Open();
        return c;
    }

    private static object? Scalar(NpgsqlConnection c, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, c);
        return cmd.ExecuteScalar();
    }

    [Fact]
    public void A_startup_user_that_is_no_role_is_a_superuser_of_that_name()
    {
        using var c = Open("tester");
        Assert.Equal("tester", Scalar(c, "SELECT current_user"));
        Assert.Equal("tester", Scalar(c, "SELECT session_user"));
        Scalar(c, "CREATE ROLE regress_login_reader LOGIN");
        Scalar(c, "CREATE TABLE secret (a int)");
        Assert.Equal("postgres", Scalar(c, "SELECT pg_get_userbyid(relowner)::text FROM pg_class WHERE relname = 'secret'"));
        Assert.Equal(true, Scalar(c, "SELECT has_table_privilege('secret', 'delete')"));
        Assert.Equal("on", c.PostgresParameters["is_superuser"]);
    }

    [Fact]
    public void A_startup_user_that_is_a_role_has_its_privileges_only()
    {
        using (var admin = Open("postgres"))
        {
            Scalar(admin, "CREATE ROLE regress_login_reader LOGIN");
            Scalar(admin, "CREATE TABLE open_t (a int); INSERT INTO open_t VALUES (1)");
            Scalar(admin, "CREATE TABLE closed_t (a int)");
            Scalar(admin, "GRANT SELECT ON open_t TO regress_login_reader");
        }
        using var c = Open("regress_login_reader");
        Assert.Equal("regress_login_reader", Scalar(c, "SELECT current_user"));
        Assert.Equal("off", c.PostgresParameters["is_superuser"]);
        Assert.Equal(1, Scalar(c, "SELECT a FROM open_t"));
        var denied = Assert.Throws<PostgresException>(() => Scalar(c, "SELECT a FROM closed_t"));
        Assert.Equal("42501", denied.SqlState);
        Assert.Equal("permission denied for table closed_t", denied.MessageText);
        var notAllowed = Assert.Throws<PostgresException>(() => Scalar(c, "SET SESSION AUTHORIZATION postgres"));
        Assert.Equal("permission denied to set session authorization", notAllowed.MessageText);
        // A prepared statement's kept plan is checked again after REVOKE.
        using var cmd = new NpgsqlCommand("SELECT a FROM open_t", c);
        cmd.Prepare();
        Assert.Equal(1, cmd.ExecuteScalar());
        using (var admin = Open("postgres")) Scalar(admin, "REVOKE SELECT ON open_t FROM regress_login_reader");
        Assert.Equal("42501", Assert.Throws<PostgresException>(() => cmd.ExecuteScalar()).SqlState);
    }
}

using Tenon.Errors;
using Xunit;

namespace Tenon.Tests.Engine;

public sealed class ExtensionTests
{
    private readonly Session _s = Database.OpenInMemory().CreateSession();

    private object? Scalar(string sql) => _s.ExecuteSingle(sql).Rows[0][0];

    private List<string> Extensions() => _s.ExecuteSingle("SELECT extname FROM pg_extension ORDER BY extname").Rows.Select(r => (string)r[0]!).ToList();

    [Fact]
    public void UuidOsspFunctionsExistOnlyWhileInstalled()
    {
        Assert.Equal("42883", Assert.Throws<TenonException>(() => _s.ExecuteSingle("SELECT uuid_nil()")).SqlState);
        _s.ExecuteSingle("BEGIN");
        _s.ExecuteSingle("CREATE EXTENSION \"uuid-ossp\"");
        Assert.Equal(["plpgsql", "uuid-ossp"], Extensions());
        Assert.Equal(Guid.Empty, Scalar("SELECT uuid_nil()"));
        _s.ExecuteSingle("ROLLBACK");
        Assert.Equal(["plpgsql"], Extensions());
    }

    [Fact]
    public void NameBasedUuidsMatchPostgres()
    {
        _s.ExecuteSingle("CREATE EXTENSION \"uuid-ossp\"");
        Assert.Equal(new Guid("19ba4b6f-bdcc-54aa-b683-2d6e53e02865"), Scalar("SELECT uuid_generate_v5(uuid_ns_url(), 'https://www.postgresql.org/')"));
        Assert.Equal(new Guid("9073926b-929f-31c2-abc9-fad77ae3e8eb"), Scalar("SELECT uuid_generate_v3(uuid_ns_dns(), 'example.com')"));
    }

    [Fact]
    public void TimeBasedUuidsAreVersionOneAndDistinct()
    {
        _s.ExecuteSingle("CREATE EXTENSION \"uuid-ossp\"");
        var ids = Enumerable.Range(0, 50).Select(_ => (Guid)Scalar("SELECT uuid_generate_v1()")!).ToList();
        Assert.Equal(50, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal('1', id.ToString()[14]));
        Assert.All(ids, id => Assert.Contains(id.ToString()[19], "89ab"));
        var mc = (Guid)Scalar("SELECT uuid_generate_v1mc()")!;
        Assert.Equal(1, mc.ToByteArray(bigEndian: true)[10] & 1);
    }

    [Fact]
    public void DropExtensionUsedByADefaultNeedsCascade()
    {
        _s.ExecuteSingle("CREATE EXTENSION \"uuid-ossp\"");
        _s.ExecuteSingle("CREATE TABLE t (a uuid DEFAULT uuid_generate_v4(), b uuid DEFAULT uuid_generate_v5(uuid_ns_url(), 'x'))");
        var e = Assert.Throws<TenonException>(() => _s.ExecuteSingle("DROP EXTENSION \"uuid-ossp\""));
        Assert.Equal("2BP01", e.SqlState);
        Assert.Equal("default value for column a of table t depends on function uuid_generate_v4()\n"
            + "default value for column b of table t depends on function uuid_generate_v5(uuid,text)", e.Detail);
        _s.ExecuteSingle("DROP EXTENSION \"uuid-ossp\" CASCADE");
        _s.ExecuteSingle("INSERT INTO t DEFAULT VALUES");
        Assert.Null(Scalar("SELECT a FROM t"));
    }

    [Fact]
    public void ExtensionsJoinTheirNamespace()
    {
        _s.ExecuteSingle("CREATE EXTENSION pgcrypto");
        var rows = _s.ExecuteSingle("SELECT e.extname, n.nspname, e.extversion FROM pg_catalog.pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace ORDER BY 1").Rows;
        Assert.Equal(new object?[] { "pgcrypto", "public", "1.3" }, rows[0]);
        Assert.Equal(new object?[] { "plpgsql", "pg_catalog", "1.0" }, rows[1]);
    }
}

using Tenon.Types;

namespace Tenon.Tests.Engine;

/// <summary>
/// Parameter types that Describe (extended-protocol Parse with no declared types, as node-postgres
/// and psycopg-style clients send it) infers for INSERT, UPDATE and DELETE: what PostgreSQL 15
/// reports for the same statements in pg_prepared_statements.parameter_types.
/// </summary>
public sealed class DescribeParameterTests
{
    private readonly Session _s = Database.OpenInMemory().CreateSession();

    public DescribeParameterTests() =>
        _s.ExecuteSingle("CREATE TABLE t (i int PRIMARY KEY, n numeric(5,2), s varchar(10), ts timestamptz)");

    private string[] Types(string sql) =>
        _s.Describe(sql, []).ParameterTypes.Select(t => t.DisplayName).ToArray();

    [Theory]
    [InlineData("INSERT INTO t (i, n, s) VALUES ($1, $2, $3)", "integer,numeric,character varying")]
    [InlineData("INSERT INTO t VALUES ($1, $2) RETURNING i + $3", "integer,numeric,integer")]
    [InlineData("UPDATE t SET s = $1, n = $2 WHERE i = $3 RETURNING s", "character varying,numeric,integer")]
    [InlineData("INSERT INTO t (i, n) SELECT $1, $2", "integer,numeric")]
    [InlineData("INSERT INTO t (i, s) SELECT i + 1, $2 FROM t WHERE i = $1", "integer,character varying")]
    [InlineData("INSERT INTO t (i, s) VALUES ($1, $2) ON CONFLICT (i) DO UPDATE SET s = $3", "integer,character varying,character varying")]
    [InlineData("DELETE FROM t WHERE i = $1", "integer")]
    [InlineData("SELECT * FROM t WHERE n > $1 AND ts < $2 AND i + 1 = $3", "numeric,timestamp with time zone,integer")]
    public void DmlParametersTakeTheirContextsTypes(string sql, string expected) =>
        Assert.Equal(expected.Split(','), Types(sql));

    [Fact]
    public void DescribingDmlChangesNothing()
    {
        _s.ExecuteSingle("INSERT INTO t (i) VALUES (1)");
        var d = _s.Describe("DELETE FROM t WHERE i = $1 RETURNING i, s", []);
        Assert.Equal(["i", "s"], d.Columns!.Select(c => c.Name));
        _s.Describe("INSERT INTO t (i) SELECT i + 1 FROM t", []);
        Assert.Equal(1L, _s.ExecuteSingle("SELECT count(*) FROM t").Rows[0][0]);
        _s.ExecuteSingle("CREATE SEQUENCE seq");
        _s.Describe("INSERT INTO t (i) VALUES (nextval('seq')) RETURNING i", []);
        _s.Describe("UPDATE t SET i = nextval('seq') WHERE i = $1", []);
        Assert.Equal(1L, _s.ExecuteSingle("SELECT nextval('seq')").Rows[0][0]);
    }

    [Fact]
    public void UntypedStringsOfAnInsertSelectTakeTheColumnTypes()
    {
        _s.ExecuteSingle("INSERT INTO t (i, n) SELECT '5', '1.234'");
        Assert.Equal(new object?[] { 5, "1.23" },
            _s.ExecuteSingle("SELECT i, n::text FROM t").Rows[0]);
    }
}

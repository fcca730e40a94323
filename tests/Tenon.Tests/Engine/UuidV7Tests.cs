using Tenon.Types;
using Xunit;

namespace Tenon.Tests.Engine;

/// <summary>The PostgreSQL 17/18 UUID functions (uuidv7, uuidv4, uuid_extract_*), which schemas such as Pagila use for keys.</summary>
public sealed class UuidV7Tests
{
    private readonly Session _s = Database.OpenInMemory().CreateSession();

    private object? Scalar(string sql) => _s.ExecuteSingle(sql).Rows[0][0];

    [Fact]
    public void KeysMadeOneAfterAnotherSortInOrderAndCarryTheirTime()
    {
        _s.ExecuteSingle("CREATE TABLE t (n int, id uuid PRIMARY KEY DEFAULT uuidv7())");
        _s.ExecuteSingle("INSERT INTO t (n) SELECT g FROM generate_series(1, 2000) g");
        Assert.Equal(true, Scalar("SELECT bool_and(n = rn) FROM (SELECT n, row_number() OVER (ORDER BY id) AS rn FROM t) s"));
        Assert.Equal(2000L, Scalar("SELECT count(DISTINCT id) FROM t"));
        Assert.Equal(true, Scalar("SELECT bool_and(uuid_extract_version(id) = 7) FROM t"));
        var stamp = (PgTimestampTz)Scalar("SELECT uuid_extract_timestamp(uuidv7())")!;
        Assert.InRange((DateTime.UtcNow - stamp.ToDateTime()).TotalSeconds, -1, 60);
    }

    [Fact]
    public void ShiftMovesTheTimestamp()
    {
        Assert.Equal(true, Scalar("SELECT abs(extract(epoch FROM uuid_extract_timestamp(uuidv7('-1 year')) - (now() - interval '1 year'))) < 60"));
        Assert.Equal(true, Scalar("SELECT uuidv7('-1 hour') < uuidv7()"));
    }

    [Fact]
    public void ExtractFunctionsFollowTheRfc()
    {
        Assert.Equal((short)4, Scalar("SELECT uuid_extract_version(gen_random_uuid())"));
        Assert.Equal((short)4, Scalar("SELECT uuid_extract_version(uuidv4())"));
        // PostgreSQL's documented example of a version 1 UUID.
        Assert.Equal("2022-02-22 19:22:22+00", _s.FormatValue(Scalar("SELECT uuid_extract_timestamp('C232AB00-9414-11EC-B3C8-9F6BDECED846')")!, SqlType.Timestamptz));
        Assert.Null(Scalar("SELECT uuid_extract_timestamp(gen_random_uuid())"));
        Assert.Null(Scalar("SELECT uuid_extract_version('11111111-1111-1111-c111-111111111111')"));
        Assert.Null(Scalar("SELECT uuid_extract_version(NULL)"));
    }
}

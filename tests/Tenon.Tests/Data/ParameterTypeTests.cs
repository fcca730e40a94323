using System.Data;
using Tenon.Data;
using Tenon.Errors;

namespace Tenon.Tests.Data;

/// <summary>Every supported CLR parameter type goes into a typed column and comes back unchanged.</summary>
public class ParameterTypeTests : DataTestBase
{
    private T RoundTrip<T>(string sqlType, T value)
    {
        Exec($"CREATE TABLE t (v {sqlType})");
        Assert.Equal(1, Exec("INSERT INTO t VALUES ($1)", value));
        using var cmd = Command("SELECT v FROM t WHERE v = $1", value);
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        var back = r.GetFieldValue<T>(0);
        Assert.False(r.Read());
        return back;
    }

    [Fact] public void Bool() => Assert.True(RoundTrip("boolean", true));
    [Fact] public void Short() => Assert.Equal((short)-12, RoundTrip("smallint", (short)-12));
    [Fact] public void Int() => Assert.Equal(123456789, RoundTrip("integer", 123456789));
    [Fact] public void Long() => Assert.Equal(9_000_000_000_000L, RoundTrip("bigint", 9_000_000_000_000L));
    [Fact] public void IntIntoBigint() => Assert.Equal(42L, RoundTrip("bigint", 42L) + RoundTripInto<long>("bigint", 0));
    [Fact] public void Double() => Assert.Equal(3.14159265358979, RoundTrip("double precision", 3.14159265358979));
    [Fact] public void Float() => Assert.Equal(2.5f, RoundTrip("real", 2.5f));
    [Fact] public void Decimal() => Assert.Equal(12345.6789m, RoundTrip("numeric(12,4)", 12345.6789m));
    [Fact] public void DecimalKeepsScale() => Assert.Equal("1.50", RoundTrip("numeric", 1.50m).ToString(System.Globalization.CultureInfo.InvariantCulture));
    [Fact] public void String() => Assert.Equal("héllo 'world'", RoundTrip("text", "héllo 'world'"));
    [Fact] public void Varchar() => Assert.Equal("abc", RoundTrip("varchar(10)", "abc"));
    [Fact] public void Guid() { var g = System.Guid.NewGuid(); Assert.Equal(g, RoundTrip("uuid", g)); }
    [Fact] public void Bytes() => Assert.Equal(new byte[] { 0, 1, 255, 16 }, RoundTrip("bytea", new byte[] { 0, 1, 255, 16 }));
    [Fact] public void DateOnly() => Assert.Equal(new System.DateOnly(2024, 2, 29), RoundTrip("date", new System.DateOnly(2024, 2, 29)));
    [Fact] public void TimeOnly() => Assert.Equal(new System.TimeOnly(13, 14, 15, 250), RoundTrip("time", new System.TimeOnly(13, 14, 15, 250)));

    [Fact]
    public void TimeReadsAsTimeSpanByDefault()
    {
        Exec("CREATE TABLE t (v time(0))");
        Exec("INSERT INTO t VALUES ($1), ('24:00')", new System.TimeOnly(8, 30, 0, 600));
        using var r = Command("SELECT v FROM t ORDER BY v").ExecuteReader();
        Assert.Equal(typeof(TimeSpan), r.GetFieldType(0));
        Assert.Equal("time(0) without time zone", r.GetDataTypeName(0));
        Assert.True(r.Read());
        Assert.Equal(new TimeSpan(8, 30, 1), r.GetValue(0));
        Assert.True(r.Read());
        Assert.Equal(TimeSpan.FromDays(1), r.GetTimeSpan(0));
        // 24:00:00 is a valid time but not a TimeOnly.
        Assert.Throws<InvalidCastException>(() => r.GetFieldValue<System.TimeOnly>(0));
    }

    [Fact]
    public void DateTimeUnspecifiedIntoTimestamp()
    {
        var dt = new DateTime(2024, 5, 6, 7, 8, 9, 123, DateTimeKind.Unspecified).AddTicks(4560);
        var back = RoundTrip("timestamp", dt);
        Assert.Equal(dt, back);
        Assert.Equal(DateTimeKind.Unspecified, back.Kind);
    }

    [Fact]
    public void DateTimeUtcIntoTimestamptz()
    {
        var dt = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        var back = RoundTrip("timestamptz", dt);
        Assert.Equal(dt, back);
        Assert.Equal(DateTimeKind.Utc, back.Kind);
    }

    [Fact]
    public void DateTimeOffsetIntoTimestamptz()
    {
        var dto = new DateTimeOffset(2024, 5, 6, 9, 8, 9, TimeSpan.FromHours(2));
        var back = RoundTrip("timestamptz", dto);
        Assert.Equal(dto, back);
        Assert.Equal(TimeSpan.Zero, back.Offset);
    }

    [Fact] public void TimeSpanIntoInterval() => Assert.Equal(new TimeSpan(1, 2, 3, 4, 5), RoundTrip("interval", new TimeSpan(1, 2, 3, 4, 5)));

    private T RoundTripInto<T>(string sqlType, int value)
    {
        Exec($"CREATE TABLE u (v {sqlType})");
        Exec("INSERT INTO u VALUES ($1)", value);
        using var cmd = Command("SELECT v FROM u WHERE v = $1", value);
        return (T)cmd.ExecuteScalar()!;
    }

    [Fact]
    public void StringParameterTakesTheTypeOfItsContext()
    {
        Exec("CREATE TABLE t (id int, d date, ts timestamptz, u uuid, n numeric)");
        Exec("INSERT INTO t VALUES ($1, $2, $3, $4, $5)", "7", "2024-01-02", "2024-01-02 03:04:05+00", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "1.25");
        using var cmd = Command("SELECT id, d, ts, u, n FROM t WHERE id = $1", "7");
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(7, r.GetInt32(0));
        Assert.Equal(new DateTime(2024, 1, 2), r.GetDateTime(1));
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), r.GetDateTime(2));
        Assert.Equal(System.Guid.Parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), r.GetGuid(3));
        Assert.Equal(1.25m, r.GetDecimal(4));
    }

    [Fact]
    public void MalformedStringParameterFailsLikeALiteral()
    {
        Exec("CREATE TABLE t (id int)");
        var ex = Assert.Throws<TenonException>(() => Exec("INSERT INTO t VALUES ($1)", "x"));
        Assert.Equal("22P02", ex.SqlState);
        Assert.Equal("invalid input syntax for type integer: \"x\"", ex.MessageText);
    }

    [Fact]
    public void NullsOfEveryKind()
    {
        Exec("CREATE TABLE t (a int, b text, c timestamptz, d uuid, e bytea, f numeric)");
        Assert.Equal(1, Exec("INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6)", null, DBNull.Value, null, null, null, DBNull.Value));
        using var r = Command("SELECT * FROM t").ExecuteReader();
        Assert.True(r.Read());
        for (var i = 0; i < 6; i++)
        {
            Assert.True(r.IsDBNull(i));
            Assert.Equal(DBNull.Value, r.GetValue(i));
        }
        Assert.Null(r.GetFieldValue<int?>(0));
        Assert.Null(r.GetFieldValue<DateTime?>(2));
        Assert.Throws<InvalidCastException>(() => r.GetInt32(0));
        Assert.Throws<InvalidCastException>(() => r.GetString(1));
    }

    [Fact]
    public void NullParameterComparesAsUnknown()
    {
        Assert.Equal(true, Scalar("SELECT $1::int IS NULL", DBNull.Value));
        Assert.Equal(DBNull.Value, Scalar("SELECT $1 + 1", (object?)null));
    }

    [Fact]
    public void ParameterTypesDriveExpressionTypes()
    {
        Assert.Equal(5L, Scalar("SELECT $1 + $2", 2L, 3));
        Assert.Equal(2.5m, Scalar("SELECT $1 / 2", 5.0m));
        Assert.Equal("ab", Scalar("SELECT $1 || $2", "a", "b"));
        Assert.Equal(true, Scalar("SELECT $1 = $2", System.Guid.Empty, System.Guid.Empty));
        Assert.Equal(new DateTime(2024, 1, 3), Scalar("SELECT $1 + 1", new System.DateOnly(2024, 1, 2)));
    }

    [Fact]
    public void EnumsPassAsTheirNumber()
    {
        Exec("CREATE TABLE t (v int)");
        Exec("INSERT INTO t VALUES ($1)", DayOfWeek.Friday);
        Assert.Equal(5, Scalar("SELECT v FROM t"));
    }

    [Fact]
    public void UnsupportedClrTypeIsRejectedClearly()
    {
        var ex = Assert.Throws<InvalidCastException>(() => Scalar("SELECT $1", new Uri("http://x")));
        Assert.Contains("System.Uri", ex.Message);
    }

    [Fact]
    public void ExplicitTenonDbTypeConvertsTheValue()
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = "SELECT pg_typeof(@a)::text, pg_typeof(@b)::text, pg_typeof(@c)::text, @c";
        cmd.Parameters.Add("a", TenonDbType.Bigint).Value = 5;
        cmd.Parameters.Add(new TenonParameter("b", TenonDbType.Date) { Value = new DateTime(2024, 1, 2, 13, 0, 0) });
        cmd.Parameters.Add(new TenonParameter("c", TenonDbType.Numeric) { Value = "12.50" });
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal("bigint", r.GetString(0));
        Assert.Equal("date", r.GetString(1));
        Assert.Equal("numeric", r.GetString(2));
        Assert.Equal(12.50m, r.GetDecimal(3));
    }

    [Fact]
    public void DbTypeHintsConvert()
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = "SELECT pg_typeof(@a)::text, pg_typeof(@b)::text, pg_typeof(@c)::text";
        cmd.Parameters.Add(new TenonParameter { ParameterName = "a", DbType = DbType.Int16, Value = 3 });
        cmd.Parameters.Add(new TenonParameter { ParameterName = "b", DbType = DbType.Guid, Value = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11" });
        cmd.Parameters.Add(new TenonParameter { ParameterName = "c", DbType = DbType.DateTime, Value = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal("smallint", r.GetString(0));
        Assert.Equal("uuid", r.GetString(1));
        Assert.Equal("timestamp with time zone", r.GetString(2));
    }

    [Fact]
    public void DbTypeIsInferredFromTheValue()
    {
        Assert.Equal(DbType.Int32, new TenonParameter("p", 1).DbType);
        Assert.Equal(DbType.String, new TenonParameter("p", "x").DbType);
        Assert.Equal(DbType.Decimal, new TenonParameter("p", 1m).DbType);
        Assert.Equal(DbType.DateTime2, new TenonParameter("p", new DateTime(2024, 1, 1)).DbType);
        Assert.Equal(DbType.DateTimeOffset, new TenonParameter("p", DateTimeOffset.Now).DbType);
        Assert.Equal("p", new TenonParameter("@p", 1).ParameterName);
    }
}

/// <summary>Parameters whose CLR type differs from the column type convert as PostgreSQL's casts do.</summary>
public class ParameterCoercionTests : DataTestBase
{
    [Fact]
    public void NumericParametersIntoOtherNumericColumns()
    {
        Exec("CREATE TABLE t (i int, b bigint, s smallint, n numeric(10,2), d double precision, r real)");
        Exec("INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6)", 5L, 6, (byte)7, 8, 9.5m, 10);
        Exec("INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6)", (short)1, (short)2, 3L, 4.567, 5.25f, 6.5);
        using var r = Command("SELECT i, b, s, n, d, r FROM t ORDER BY i").ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal((1, 2L, (short)3, 4.57m, 5.25, 6.5f), (r.GetInt32(0), r.GetInt64(1), r.GetInt16(2), r.GetDecimal(3), r.GetDouble(4), r.GetFloat(5)));
        Assert.True(r.Read());
        Assert.Equal((5, 6L, (short)7, 8.00m, 9.5, 10f), (r.GetInt32(0), r.GetInt64(1), r.GetInt16(2), r.GetDecimal(3), r.GetDouble(4), r.GetFloat(5)));
    }

    [Fact]
    public void OutOfRangeParameterFailsLikePostgres()
    {
        Exec("CREATE TABLE t (s smallint)");
        var ex = Assert.Throws<Tenon.Errors.TenonException>(() => Exec("INSERT INTO t VALUES ($1)", 40000));
        Assert.Equal("22003", ex.SqlState);
        Assert.Equal("smallint out of range", ex.MessageText);
    }

    [Fact]
    public void UnsignedAndCharValues()
    {
        Assert.Equal(4000000000L, Scalar("SELECT $1", 4000000000u));
        Assert.Equal(18446744073709551615m, Scalar("SELECT $1", ulong.MaxValue));
        Assert.Equal("x", Scalar("SELECT $1::text", 'x'));
    }

    [Fact]
    public void DateTimeKindsAndDateColumns()
    {
        Exec("CREATE TABLE t (d date, ts timestamp, tz timestamptz)");
        var local = new DateTime(2024, 3, 4, 5, 6, 7, DateTimeKind.Local);
        Exec("INSERT INTO t VALUES ($1, $2, $3)", new DateTime(2024, 3, 4), new DateTime(2024, 3, 4, 5, 6, 7), local);
        using var r = Command("SELECT d, ts, tz FROM t").ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(new System.DateOnly(2024, 3, 4), r.GetFieldValue<System.DateOnly>(0));
        Assert.Equal(new DateTime(2024, 3, 4, 5, 6, 7), r.GetDateTime(1));
        Assert.Equal(local.ToUniversalTime(), r.GetDateTime(2));
        Assert.Equal(new DateTimeOffset(local), r.GetFieldValue<DateTimeOffset>(2));
    }

    [Fact]
    public void TimestampParameterComparesWithDateColumn()
    {
        Exec("CREATE TABLE t (d date)");
        Exec("INSERT INTO t VALUES ('2024-01-01'), ('2024-02-01')");
        Assert.Equal(1L, Scalar("SELECT count(*) FROM t WHERE d < $1", new DateTime(2024, 1, 15)));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM t WHERE d > $1", new System.DateOnly(2024, 1, 15)));
    }

    [Fact]
    public void BytesAndGuidsCompare()
    {
        Exec("CREATE TABLE t (id uuid PRIMARY KEY, b bytea)");
        var g = System.Guid.NewGuid();
        Exec("INSERT INTO t VALUES ($1, $2)", g, new byte[] { 1, 2, 3 });
        Assert.Equal(g, Scalar("SELECT id FROM t WHERE b = $1", new byte[] { 1, 2, 3 }));
        Assert.Equal(new byte[] { 1, 2, 3 }, Scalar("SELECT b FROM t WHERE id = $1", g));
    }
}

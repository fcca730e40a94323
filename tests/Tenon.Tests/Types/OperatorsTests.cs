using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Tests.Types;

public sealed class OperatorsTests
{
    private static readonly FormatSettings Utc = FormatSettings.Default;

    private static object? Apply(string op, object left, SqlType lt, object right, SqlType rt, FormatSettings? settings = null)
    {
        settings ??= Utc;
        var o = Operators.ResolveBinary(op, lt, rt, settings) ?? throw new InvalidOperationException("no operator");
        var a = ValueCast.Cast(left, lt, o.LeftType, CastContext.Explicit, settings)!;
        var b = ValueCast.Cast(right, rt, o.RightType, CastContext.Explicit, settings)!;
        return o.Invoke(a, b);
    }

    private static string Show(object? value, SqlType type, FormatSettings? settings = null) => ValueText.Format(value!, type, settings ?? Utc);

    [Theory]
    [InlineData(TypeId.Int2, TypeId.Int4, TypeId.Int4)]
    [InlineData(TypeId.Int4, TypeId.Int8, TypeId.Int8)]
    [InlineData(TypeId.Int4, TypeId.Numeric, TypeId.Numeric)]
    [InlineData(TypeId.Float4, TypeId.Numeric, TypeId.Float8)]
    [InlineData(TypeId.Float4, TypeId.Int4, TypeId.Float8)]
    [InlineData(TypeId.Float4, TypeId.Float4, TypeId.Float4)]
    [InlineData(TypeId.Int8, TypeId.Float8, TypeId.Float8)]
    [InlineData(TypeId.Unknown, TypeId.Int4, TypeId.Int4)]
    [InlineData(TypeId.Int2, TypeId.Int2, TypeId.Int2)]
    public void Arithmetic_result_types(TypeId left, TypeId right, TypeId result)
    {
        var o = Operators.ResolveBinary("+", ValueCast.SqlTypeOf(left), ValueCast.SqlTypeOf(right));
        Assert.NotNull(o);
        Assert.Equal(result, o.ResultType.Id);
    }

    [Fact]
    public void Integer_division_truncates_toward_zero()
    {
        Assert.Equal(3, Apply("/", 7, SqlType.Int4, 2, SqlType.Int4));
        Assert.Equal(-3, Apply("/", -7, SqlType.Int4, 2, SqlType.Int4));
        Assert.Equal(-1, Apply("%", -7, SqlType.Int4, 2, SqlType.Int4));
        Assert.Equal(0, Apply("%", int.MinValue, SqlType.Int4, -1, SqlType.Int4));
        Assert.Equal(3, Apply("+", "1", SqlType.Unknown, 2, SqlType.Int4));
    }

    [Theory]
    [InlineData("+", int.MaxValue, 1, "integer out of range")]
    [InlineData("/", int.MinValue, -1, "integer out of range")]
    [InlineData("*", 65536, 65536, "integer out of range")]
    [InlineData("-", int.MinValue, 1, "integer out of range")]
    public void Int4_overflow(string op, int a, int b, string message)
    {
        var e = Assert.Throws<TenonException>(() => Apply(op, a, SqlType.Int4, b, SqlType.Int4));
        Assert.Equal("22003", e.SqlState);
        Assert.Equal(message, e.MessageText);
    }

    [Fact]
    public void Other_overflows_and_division_by_zero()
    {
        Assert.Equal("smallint out of range", Assert.Throws<TenonException>(() => Apply("+", (short)32767, SqlType.Int2, (short)1, SqlType.Int2)).MessageText);
        Assert.Equal("bigint out of range", Assert.Throws<TenonException>(() => Apply("+", long.MaxValue, SqlType.Int8, 1, SqlType.Int4)).MessageText);
        Assert.Equal("bigint out of range", Assert.Throws<TenonException>(() => Apply("*", long.MaxValue, SqlType.Int8, 2L, SqlType.Int8)).MessageText);
        var e = Assert.Throws<TenonException>(() => Apply("/", 5, SqlType.Int4, 0, SqlType.Int4));
        Assert.Equal("22012", e.SqlState);
        Assert.Equal("division by zero", e.MessageText);
        Assert.Throws<TenonException>(() => Apply("/", 5.0, SqlType.Float8, 0.0, SqlType.Float8));
        Assert.Equal("value out of range: overflow", Assert.Throws<TenonException>(() => Apply("*", 1e300, SqlType.Float8, 1e300, SqlType.Float8)).MessageText);
    }

    [Fact]
    public void Operators_postgres_lacks_return_null()
    {
        Assert.Null(Operators.ResolveBinary("%", SqlType.Float8, SqlType.Int4));
        Assert.Null(Operators.ResolveBinary("+", SqlType.Int4, SqlType.Bool));
        Assert.Null(Operators.ResolveBinary("||", SqlType.Int4, SqlType.Int4));
        Assert.Null(Operators.ResolveBinary("=", SqlType.Int4, SqlType.Bool));
        Assert.Null(Operators.ResolveBinary("+", SqlType.Date, SqlType.Int8));
        Assert.Null(Operators.ResolveBinary("+", SqlType.Uuid, SqlType.Uuid));
        Assert.Null(Operators.ResolveUnary("-", SqlType.Text));
    }

    [Fact]
    public void Numeric_and_mixed_arithmetic()
    {
        Assert.Equal("2.5", Show(Apply("+", 1, SqlType.Int4, Numeric.Parse("1.5"), SqlType.Numeric), SqlType.Numeric));
        Assert.Equal("0.33333333333333333333", Show(Apply("/", Numeric.FromLong(1), SqlType.Numeric, 3, SqlType.Int4), SqlType.Numeric));
        Assert.Equal(3.0, Apply("+", 1.5f, SqlType.Float4, 1.5, SqlType.Float8));
    }

    [Fact]
    public void Comparisons_across_types()
    {
        Assert.Equal(true, Apply("=", 1, SqlType.Int4, Numeric.Parse("1.0"), SqlType.Numeric));
        Assert.Equal(true, Apply("=", 1.5f, SqlType.Float4, 1.5, SqlType.Float8));
        Assert.Equal(true, Apply("=", "ab ", SqlType.BpcharOf(3), "ab   ", SqlType.BpcharOf(5)));
        Assert.Equal(true, Apply("=", "ab ", SqlType.BpcharOf(3), "ab", SqlType.Text));
        Assert.Equal(true, Apply("<", "a", SqlType.Unknown, "b", SqlType.Unknown));
        Assert.Equal(true, Apply(">", "é", SqlType.Text, "z", SqlType.Varchar));
        Assert.Equal(true, Apply("!=", 1, SqlType.Int4, 2L, SqlType.Int8));
        Assert.Equal(true, Apply("=", PgDate.FromYmd(2024, 1, 1), SqlType.Date, PgTimestamp.FromParts(2024, 1, 1, 0, 0, 0, 0), SqlType.Timestamp));
        Assert.Equal(true, Apply(">=", true, SqlType.Bool, "false", SqlType.Unknown));
        var uuid = Operators.ResolveBinary("=", SqlType.Uuid, SqlType.Unknown);
        Assert.Equal(TypeId.Uuid, uuid!.RightType.Id);
        Assert.Equal(TypeId.Bool, uuid.ResultType.Id);
    }

    [Fact]
    public void Concatenation_takes_any_type_with_text()
    {
        Assert.Equal("a1", Apply("||", "a", SqlType.Unknown, 1, SqlType.Int4));
        Assert.Equal("1a", Apply("||", 1, SqlType.Int4, "a", SqlType.Unknown));
        Assert.Equal("abc", Apply("||", "ab ", SqlType.BpcharOf(3), "c", SqlType.Unknown));
        Assert.Equal("ab  x", Apply("||", "ab  ", SqlType.VarcharOf(5), "x", SqlType.Unknown));
        Assert.Equal(new byte[] { 1, 2 }, Apply("||", new byte[] { 1 }, SqlType.Bytea, new byte[] { 2 }, SqlType.Bytea));
    }

    [Fact]
    public void Date_and_time_arithmetic()
    {
        var date = SqlType.Date;
        var ts = SqlType.Timestamp;
        var iv = SqlType.Interval;
        PgDate D(string s) => (PgDate)ValueText.Parse(s, date, Utc);
        PgTimestamp T(string s) => (PgTimestamp)ValueText.Parse(s, ts, Utc);
        PgInterval I(string s) => (PgInterval)ValueText.Parse(s, iv, Utc);
        Assert.Equal("2024-02-01", Show(Apply("+", D("2024-01-31"), date, 1, SqlType.Int4), date));
        Assert.Equal(60, Apply("-", D("2024-03-01"), date, D("2024-01-01"), date));
        Assert.Equal("2024-02-29 00:00:00", Show(Apply("+", D("2024-01-31"), date, I("1 month"), iv), ts));
        Assert.Equal("2024-03-01 11:00:00", Show(Apply("+", T("2024-01-31 10:00"), ts, I("1 month 1 day 1 hour"), iv), ts));
        Assert.Equal("59 days 12:00:00", Show(Apply("-", T("2024-03-01"), ts, T("2024-01-01 12:00"), ts), iv));
        Assert.Equal("-60 days -12:00:00", Show(Apply("-", T("2024-01-01"), ts, T("2024-03-01 12:00"), ts), iv));
        Assert.Equal("2024-01-02 00:00:00", Show(Apply("+", T("2024-01-01"), ts, "1 day", SqlType.Unknown), ts));
        Assert.Equal("1 day 12:00:00", Show(Apply("*", I("1 day"), iv, Numeric.Parse("1.5"), SqlType.Numeric), iv));
        Assert.Equal("10 days", Show(Apply("/", I("1 mon"), iv, 3, SqlType.Int4), iv));
        Assert.Equal("3 days", Show(Apply("+", I("1 day"), iv, I("2 days"), iv), iv));
    }

    [Fact]
    public void Timestamptz_plus_interval_follows_local_days()
    {
        var la = Utc with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles") };
        var t = ValueText.Parse("2024-03-09 12:00", SqlType.Timestamptz, la);
        var day = ValueText.Parse("1 day", SqlType.Interval, la);
        var hours = ValueText.Parse("24 hours", SqlType.Interval, la);
        Assert.Equal("2024-03-10 12:00:00-07", Show(Apply("+", t, SqlType.Timestamptz, day, SqlType.Interval, la), SqlType.Timestamptz, la));
        Assert.Equal("2024-03-10 13:00:00-07", Show(Apply("+", t, SqlType.Timestamptz, hours, SqlType.Interval, la), SqlType.Timestamptz, la));
    }

    [Fact]
    public void Unary_minus_and_plus()
    {
        Assert.Equal(-5, Operators.ResolveUnary("-", SqlType.Int4)!.Invoke(5));
        Assert.Equal("smallint out of range", Assert.Throws<TenonException>(() => Operators.ResolveUnary("-", SqlType.Int2)!.Invoke((short)-32768)).MessageText);
        Assert.Equal("integer out of range", Assert.Throws<TenonException>(() => Operators.ResolveUnary("-", SqlType.Int4)!.Invoke(int.MinValue)).MessageText);
        Assert.Equal("-1.5", Operators.ResolveUnary("-", SqlType.NumericOf(3, 1))!.Invoke(Numeric.Parse("1.5"))!.ToString());
        Assert.Equal(2.5, Operators.ResolveUnary("+", SqlType.Float8)!.Invoke(2.5));
        Assert.Equal(new PgInterval(-1, -2, -3), Operators.ResolveUnary("-", SqlType.Interval)!.Invoke(new PgInterval(1, 2, 3)));
    }

    [Fact]
    public void Common_type_follows_select_common_type()
    {
        Assert.Equal(SqlType.Numeric, Operators.CommonType([SqlType.Int4, SqlType.Numeric], out _));
        Assert.Equal(SqlType.Int8, Operators.CommonType([SqlType.Int2, SqlType.Int8], out _));
        Assert.Equal(SqlType.Text, Operators.CommonType([SqlType.Unknown, SqlType.Unknown], out _));
        Assert.Equal(SqlType.Float4, Operators.CommonType([SqlType.Float4, SqlType.Numeric], out _));
        Assert.Equal(SqlType.Varchar, Operators.CommonType([SqlType.Varchar, SqlType.Text], out _));
        Assert.Equal(SqlType.Timestamptz, Operators.CommonType([SqlType.Date, SqlType.Timestamptz], out _));
        Assert.Equal(SqlType.Int4, Operators.CommonType([SqlType.Unknown, SqlType.Int4], out _));
        Assert.Equal(SqlType.VarcharOf(5), Operators.CommonType([SqlType.VarcharOf(5), SqlType.VarcharOf(5)], out _));
        Assert.Equal(SqlType.Varchar, Operators.CommonType([SqlType.VarcharOf(5), SqlType.VarcharOf(7)], out _));
        Assert.Null(Operators.CommonType([SqlType.Bool, SqlType.Int4], out var error, out var first, out var second));
        Assert.Equal("types boolean and integer cannot be matched", error);
        Assert.Equal(SqlType.Bool, first);
        Assert.Equal(SqlType.Int4, second);
    }
}

using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Tests.Types;

public sealed class ValueCastTests
{
    private static readonly FormatSettings Utc = FormatSettings.Default;

    private static object? Explicit(object? value, SqlType from, SqlType to, FormatSettings? settings = null) =>
        ValueCast.Cast(value, from, to, CastContext.Explicit, settings ?? Utc);

    private static TenonException Fails(object value, SqlType from, SqlType to, CastContext context = CastContext.Explicit) =>
        Assert.Throws<TenonException>(() => ValueCast.Cast(value, from, to, context, Utc));

    [Fact]
    public void Null_stays_null() => Assert.Null(Explicit(null, SqlType.Int4, SqlType.Text));

    [Fact]
    public void Integer_narrowing_checks_range()
    {
        Assert.Equal((short)12345, Explicit(12345, SqlType.Int4, SqlType.Int2));
        var e = Fails(40000, SqlType.Int4, SqlType.Int2);
        Assert.Equal("22003", e.SqlState);
        Assert.Equal("smallint out of range", e.MessageText);
        Assert.Equal("integer out of range", Fails(99999999999L, SqlType.Int8, SqlType.Int4).MessageText);
    }

    [Fact]
    public void Numeric_to_integer_rounds_half_away_from_zero()
    {
        Assert.Equal(2, Explicit(Numeric.Parse("1.5"), SqlType.Numeric, SqlType.Int4));
        Assert.Equal(-3, Explicit(Numeric.Parse("-2.5"), SqlType.Numeric, SqlType.Int4));
        Assert.Equal("integer out of range", Fails(Numeric.Parse("99999999999"), SqlType.Numeric, SqlType.Int4).MessageText);
        Assert.Equal("cannot convert NaN to integer", Fails(Numeric.NaN, SqlType.Numeric, SqlType.Int4).MessageText);
    }

    [Fact]
    public void Float_to_integer_rounds_half_to_even()
    {
        Assert.Equal(2, Explicit(2.5, SqlType.Float8, SqlType.Int4));
        Assert.Equal(4, Explicit(3.5, SqlType.Float8, SqlType.Int4));
        Assert.Equal((short)2, Explicit(2.5f, SqlType.Float4, SqlType.Int2));
        Assert.Equal(-2L, Explicit(-2.5, SqlType.Float8, SqlType.Int8));
        Assert.Equal("integer out of range", Fails(double.NaN, SqlType.Float8, SqlType.Int4).MessageText);
        Assert.Equal("integer out of range", Fails(1e10, SqlType.Float8, SqlType.Int4).MessageText);
        Assert.Equal("integer out of range", Fails(2147483647.5, SqlType.Float8, SqlType.Int4).MessageText);
    }

    [Fact]
    public void Float_conversions_check_range()
    {
        Assert.Equal("value out of range: overflow", Fails(1e40, SqlType.Float8, SqlType.Float4).MessageText);
        Assert.Equal("value out of range: underflow", Fails(1e-50, SqlType.Float8, SqlType.Float4).MessageText);
        Assert.Equal("\"10000000000000000000000000000000000000000\" is out of range for type real",
            Fails(Numeric.Parse("1e40"), SqlType.Numeric, SqlType.Float4).MessageText);
        Assert.Equal("NaN", Explicit(float.NaN, SqlType.Float4, SqlType.Numeric)!.ToString());
        Assert.Equal("Infinity", Explicit(double.PositiveInfinity, SqlType.Float8, SqlType.Numeric)!.ToString());
        Assert.Equal(12.5f, Explicit(Numeric.Parse("12.5"), SqlType.Numeric, SqlType.Float4));
        Assert.Equal("0.333333333333333", Explicit(1.0 / 3, SqlType.Float8, SqlType.Numeric)!.ToString());
    }

    [Fact]
    public void Numeric_precision_coercion()
    {
        Assert.Equal("123.5", Explicit(Numeric.Parse("123.456"), SqlType.NumericOf(5, 2), SqlType.NumericOf(4, 1))!.ToString());
        var e = Fails(Numeric.Parse("1234.5"), SqlType.Numeric, SqlType.NumericOf(5, 2), CastContext.Assignment);
        Assert.Equal("22003", e.SqlState);
        Assert.Equal("numeric field overflow", e.MessageText);
        Assert.Equal("A field with precision 5, scale 2 must round to an absolute value less than 10^3.", e.Detail);
        Assert.Equal("3.00", Explicit(3, SqlType.Int4, SqlType.NumericOf(5, 2))!.ToString());
    }

    [Fact]
    public void Varchar_and_char_length_rules()
    {
        var e = Fails("abcdef", SqlType.Text, SqlType.VarcharOf(5), CastContext.Assignment);
        Assert.Equal("22001", e.SqlState);
        Assert.Equal("value too long for type character varying(5)", e.MessageText);
        Assert.Equal("abc", ValueCast.Cast("abc   ", SqlType.Text, SqlType.VarcharOf(3), CastContext.Assignment, Utc));
        Assert.Equal("ab", Explicit("abc", SqlType.Text, SqlType.VarcharOf(2)));
        Assert.Equal("value too long for type character(3)", Fails("abcd", SqlType.Text, SqlType.BpcharOf(3), CastContext.Assignment).MessageText);
        Assert.Equal("abc", Explicit("abcdef", SqlType.Text, SqlType.BpcharOf(3)));
        Assert.Equal("ab   ", Explicit("ab", SqlType.Text, SqlType.BpcharOf(5)));
        Assert.Equal("abc", Explicit("abc  ", SqlType.BpcharOf(5), SqlType.Text));
        Assert.Equal("tru", Explicit(true, SqlType.Bool, SqlType.BpcharOf(3)));
    }

    [Fact]
    public void Text_casts_use_input_and_output_functions()
    {
        Assert.Equal(42, Explicit("42", SqlType.Text, SqlType.Int4));
        Assert.Equal("true", Explicit(true, SqlType.Bool, SqlType.Text));
        Assert.Equal("1.50", Explicit(Numeric.Parse("1.50"), SqlType.Numeric, SqlType.Varchar));
        Assert.Equal(1L, Explicit(Explicit(1, SqlType.Int4, SqlType.Text), SqlType.Text, SqlType.Int8));
        Assert.Equal("invalid input syntax for type integer: \"x\"", Fails("x", SqlType.Text, SqlType.Int4).MessageText);
        Assert.Equal(7, ValueCast.Cast("7", SqlType.Unknown, SqlType.Int4, CastContext.Implicit, Utc));
    }

    [Fact]
    public void Bool_and_int4_convert_explicitly()
    {
        Assert.Equal(true, Explicit(5, SqlType.Int4, SqlType.Bool));
        Assert.Equal(false, Explicit(0, SqlType.Int4, SqlType.Bool));
        Assert.Equal(1, Explicit(true, SqlType.Bool, SqlType.Int4));
        Assert.False(ValueCast.CanCast(SqlType.Int4, SqlType.Bool, CastContext.Assignment));
    }

    [Fact]
    public void Missing_cast_is_42846()
    {
        var e = Fails(true, SqlType.Bool, SqlType.Date);
        Assert.Equal("42846", e.SqlState);
        Assert.Equal("cannot cast type boolean to date", e.MessageText);
        Assert.Equal("cannot cast type uuid to integer", ValueCast.CannotCastError(SqlType.Uuid, SqlType.Int4).MessageText);
    }

    [Theory]
    [InlineData(TypeId.Int2, TypeId.Int4, CastContext.Implicit)]
    [InlineData(TypeId.Int4, TypeId.Int2, CastContext.Assignment)]
    [InlineData(TypeId.Int8, TypeId.Numeric, CastContext.Implicit)]
    [InlineData(TypeId.Numeric, TypeId.Int4, CastContext.Assignment)]
    [InlineData(TypeId.Numeric, TypeId.Float8, CastContext.Implicit)]
    [InlineData(TypeId.Float8, TypeId.Numeric, CastContext.Assignment)]
    [InlineData(TypeId.Float4, TypeId.Float8, CastContext.Implicit)]
    [InlineData(TypeId.Float8, TypeId.Float4, CastContext.Assignment)]
    [InlineData(TypeId.Int4, TypeId.Bool, CastContext.Explicit)]
    [InlineData(TypeId.Text, TypeId.Varchar, CastContext.Implicit)]
    [InlineData(TypeId.Int4, TypeId.Text, CastContext.Assignment)]
    [InlineData(TypeId.Text, TypeId.Int4, CastContext.Explicit)]
    [InlineData(TypeId.Text, TypeId.Uuid, CastContext.Explicit)]
    [InlineData(TypeId.Date, TypeId.Timestamptz, CastContext.Implicit)]
    [InlineData(TypeId.Timestamptz, TypeId.Date, CastContext.Assignment)]
    [InlineData(TypeId.Timestamptz, TypeId.Timestamp, CastContext.Assignment)]
    [InlineData(TypeId.Unknown, TypeId.Date, CastContext.Implicit)]
    [InlineData(TypeId.Int4, TypeId.Oid, CastContext.Implicit)]
    [InlineData(TypeId.Oid, TypeId.Int4, CastContext.Assignment)]
    public void Cast_contexts_follow_pg_cast(TypeId from, TypeId to, CastContext expected)
    {
        var f = ValueCast.SqlTypeOf(from);
        var t = ValueCast.SqlTypeOf(to);
        Assert.Equal(expected, ValueCast.RequiredContext(f, t));
        Assert.True(ValueCast.CanCast(f, t, expected));
        if (expected > CastContext.Implicit) Assert.False(ValueCast.CanCast(f, t, expected - 1));
    }

    [Theory]
    [InlineData(TypeId.Bool, TypeId.Date)]
    [InlineData(TypeId.Uuid, TypeId.Int4)]
    [InlineData(TypeId.Date, TypeId.Int4)]
    [InlineData(TypeId.Interval, TypeId.Timestamp)]
    [InlineData(TypeId.Bool, TypeId.Numeric)]
    public void Casts_that_do_not_exist(TypeId from, TypeId to) =>
        Assert.Null(ValueCast.RequiredContext(ValueCast.SqlTypeOf(from), ValueCast.SqlTypeOf(to)));

    [Fact]
    public void Timestamps_convert_through_the_session_zone()
    {
        var la = Utc with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"), DateStyle = DateStyleFormat.Postgres };
        var ts = ValueText.Parse("2024-01-02 03:04:05", SqlType.Timestamp, la);
        var tz = Explicit(ts, SqlType.Timestamp, SqlType.Timestamptz, la)!;
        Assert.Equal("Tue Jan 02 03:04:05 2024 PST", ValueText.Format(tz, SqlType.Timestamptz, la));
        Assert.Equal("2024-01-02 11:04:05+00", ValueText.Format(tz, SqlType.Timestamptz, Utc));
        var late = ValueText.Parse("2024-01-02 23:04:05+00", SqlType.Timestamptz, la);
        Assert.Equal("01-02-2024", ValueText.Format(Explicit(late, SqlType.Timestamptz, SqlType.Date, la)!, SqlType.Date, la));
        Assert.Equal(PgTimestamp.Infinity, Explicit(PgDate.Infinity, SqlType.Date, SqlType.Timestamp));
        Assert.Equal(ts, Explicit(tz, SqlType.Timestamptz, SqlType.Timestamp, la));
    }

    [Fact]
    public void Oid_casts()
    {
        Assert.Equal(4294967295u, Explicit(-1, SqlType.Int4, SqlType.Oid));
        Assert.Equal(-1, Explicit(4294967295u, SqlType.Oid, SqlType.Int4));
        Assert.Equal("OID out of range", Fails(4294967296L, SqlType.Int8, SqlType.Oid).MessageText);
    }
}

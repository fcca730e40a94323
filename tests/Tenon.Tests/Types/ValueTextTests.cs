using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Tests.Types;

public sealed class ValueTextTests
{
    private static readonly FormatSettings Iso = FormatSettings.Default;

    private static FormatSettings Zone(string id, DateStyleFormat style = DateStyleFormat.Iso, DateOrder order = DateOrder.Mdy) =>
        new() { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(id), TimeZoneName = id, DateStyle = style, DateOrder = order };

    private static string RoundTrip(string text, SqlType type, FormatSettings? settings = null)
    {
        settings ??= Iso;
        return ValueText.Format(ValueText.Parse(text, type, settings), type, settings);
    }

    private static TenonException Fails(string text, SqlType type, FormatSettings? settings = null) =>
        Assert.Throws<TenonException>(() => ValueText.Parse(text, type, settings ?? Iso));

    [Theory]
    [InlineData(" yes ", "t")]
    [InlineData("OFF", "f")]
    [InlineData("1", "t")]
    [InlineData("0", "f")]
    [InlineData("tr", "t")]
    [InlineData("of", "f")]
    [InlineData("TRUE", "t")]
    [InlineData("n", "f")]
    public void Bool_input_accepts_postgres_spellings(string input, string expected) =>
        Assert.Equal(expected, RoundTrip(input, SqlType.Bool));

    [Theory]
    [InlineData("x")]
    [InlineData("o")]
    [InlineData("truee")]
    [InlineData("")]
    public void Bad_bool_is_22P02(string input)
    {
        var e = Fails(input, SqlType.Bool);
        Assert.Equal("22P02", e.SqlState);
        Assert.Equal($"invalid input syntax for type boolean: \"{input}\"", e.MessageText);
    }

    [Theory]
    [InlineData(" 12 ", "int4", "12")]
    [InlineData("+3", "int2", "3")]
    [InlineData("-2147483648", "int4", "-2147483648")]
    [InlineData("-9223372036854775808", "int8", "-9223372036854775808")]
    [InlineData("32767", "int2", "32767")]
    public void Integers_parse(string input, string type, string expected) =>
        Assert.Equal(expected, RoundTrip(input, TypeOf(type)));

    private static SqlType TypeOf(string name) => name switch
    {
        "int2" => SqlType.Int2,
        "int4" => SqlType.Int4,
        "int8" => SqlType.Int8,
        "float4" => SqlType.Float4,
        "float8" => SqlType.Float8,
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [InlineData("12a", "int4", "22P02", "invalid input syntax for type integer: \"12a\"")]
    [InlineData("", "int4", "22P02", "invalid input syntax for type integer: \"\"")]
    [InlineData("99999999999", "int4", "22003", "value \"99999999999\" is out of range for type integer")]
    [InlineData("99999", "int2", "22003", "value \"99999\" is out of range for type smallint")]
    [InlineData("x", "int2", "22P02", "invalid input syntax for type smallint: \"x\"")]
    [InlineData("9999999999999999999", "int8", "22003", "value \"9999999999999999999\" is out of range for type bigint")]
    [InlineData("1 2", "int8", "22P02", "invalid input syntax for type bigint: \"1 2\"")]
    [InlineData("1e400", "float8", "22003", "\"1e400\" is out of range for type double precision")]
    [InlineData("1e-400", "float8", "22003", "\"1e-400\" is out of range for type double precision")]
    [InlineData("1e40", "float4", "22003", "\"1e40\" is out of range for type real")]
    [InlineData("abc", "float8", "22P02", "invalid input syntax for type double precision: \"abc\"")]
    [InlineData("abc", "float4", "22P02", "invalid input syntax for type real: \"abc\"")]
    public void Number_input_errors_match_postgres(string input, string type, string state, string message)
    {
        var e = Fails(input, TypeOf(type));
        Assert.Equal(state, e.SqlState);
        Assert.Equal(message, e.MessageText);
    }

    [Theory]
    [InlineData(0.1, 1, "0.1")]
    [InlineData(1e20, 1, "1e+20")]
    [InlineData(1e-5, 1, "1e-05")]
    [InlineData(123456789012345678.0, 1, "1.2345678901234568e+17")]
    [InlineData(0.30000000000000004, 1, "0.30000000000000004")]
    [InlineData(1e15, 1, "1e+15")]
    [InlineData(1e14, 1, "100000000000000")]
    [InlineData(double.PositiveInfinity, 1, "Infinity")]
    [InlineData(double.NaN, 1, "NaN")]
    [InlineData(0.30000000000000004, 0, "0.3")]
    [InlineData(1e15, 0, "1e+15")]
    [InlineData(1.0 / 3, 0, "0.333333333333333")]
    [InlineData(Math.PI, -3, "3.14159265359")]
    [InlineData(0.1, 3, "0.1")]
    [InlineData(-0.0, 1, "-0")]
    [InlineData(-1.5, 1, "-1.5")]
    public void Float8_output_matches_postgres(double value, int extra, string expected) =>
        Assert.Equal(expected, ValueText.Format(value, SqlType.Float8, Iso with { ExtraFloatDigits = extra }));

    [Theory]
    [InlineData(0.1f, 1, "0.1")]
    [InlineData(1e6f, 1, "1e+06")]
    [InlineData(float.NegativeInfinity, 1, "-Infinity")]
    [InlineData(1e-5f, 0, "1e-05")]
    [InlineData(123456f, 1, "123456")]
    [InlineData(1.5f, 1, "1.5")]
    public void Float4_output_matches_postgres(float value, int extra, string expected) =>
        Assert.Equal(expected, ValueText.Format(value, SqlType.Float4, Iso with { ExtraFloatDigits = extra }));

    [Theory]
    [InlineData("inf", "Infinity")]
    [InlineData(" -Infinity ", "-Infinity")]
    [InlineData("nan", "NaN")]
    [InlineData("1e3", "1000")]
    [InlineData(".5", "0.5")]
    public void Float8_input(string input, string expected) => Assert.Equal(expected, RoundTrip(input, SqlType.Float8));

    [Theory]
    [InlineData("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")]
    [InlineData("{a0eebc999c0b4ef8bb6d6bb9bd380a11}")]
    [InlineData("a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11")]
    [InlineData("a0eebc999c0b4ef8bb6d6bb9bd380a11")]
    public void Uuid_input_forms(string input) =>
        Assert.Equal("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", RoundTrip(input, SqlType.Uuid));

    [Theory]
    [InlineData("x")]
    [InlineData("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1")]
    [InlineData("{a0eebc999c0b4ef8bb6d6bb9bd380a11")]
    [InlineData("a0eebc999c0b4ef8bb6d6bb9bd380a11-")]
    [InlineData(" a0eebc999c0b4ef8bb6d6bb9bd380a11")]
    public void Bad_uuid_is_22P02(string input)
    {
        var e = Fails(input, SqlType.Uuid);
        Assert.Equal("22P02", e.SqlState);
        Assert.Equal($"invalid input syntax for type uuid: \"{input}\"", e.MessageText);
    }

    [Fact]
    public void Uuid_guid_mapping_keeps_text_order()
    {
        var g = (Guid)ValueText.Parse("00112233-4455-6677-8899-aabbccddeeff", SqlType.Uuid, Iso);
        Assert.Equal(Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"), g);
    }

    [Theory]
    [InlineData("\\x0102", "\\x0102")]
    [InlineData("abc\\001\\\\", "\\x616263015c")]
    [InlineData("a", "\\x61")]
    [InlineData("\\x01 02", "\\x0102")]
    [InlineData("", "\\x")]
    public void Bytea_input_and_hex_output(string input, string expected) => Assert.Equal(expected, RoundTrip(input, SqlType.Bytea));

    [Fact]
    public void Bytea_escape_output() =>
        Assert.Equal("\\000abc\\377\\\\", ValueText.Format(new byte[] { 0, 0x61, 0x62, 0x63, 0xff, 0x5c }, SqlType.Bytea, Iso with { ByteaHex = false }));

    [Theory]
    [InlineData("\\x01z", "22023", "invalid hexadecimal digit: \"z\"")]
    [InlineData("\\x012", "22023", "invalid hexadecimal data: odd number of digits")]
    [InlineData("a\\9", "22P02", "invalid input syntax for type bytea")]
    public void Bytea_errors(string input, string state, string message)
    {
        var e = Fails(input, SqlType.Bytea);
        Assert.Equal(state, e.SqlState);
        Assert.Equal(message, e.MessageText);
    }

    [Theory]
    [InlineData("12", "12")]
    [InlineData("-1", "4294967295")]
    [InlineData(" 4294967295 ", "4294967295")]
    public void Oid_input(string input, string expected) => Assert.Equal(expected, RoundTrip(input, SqlType.Oid));

    [Fact]
    public void Oid_errors()
    {
        Assert.Equal("value \"4294967296\" is out of range for type oid", Fails("4294967296", SqlType.Oid).MessageText);
        Assert.Equal("invalid input syntax for type oid: \"x\"", Fails("x", SqlType.Oid).MessageText);
    }

    [Fact]
    public void String_types_apply_their_length()
    {
        Assert.Equal("ab   ", RoundTrip("ab", SqlType.BpcharOf(5)));
        Assert.Equal("ab ", RoundTrip("ab     ", SqlType.BpcharOf(3)));
        Assert.Equal("ab  ", RoundTrip("ab  ", SqlType.VarcharOf(5)));
        Assert.Equal("abc", RoundTrip("abc   ", SqlType.VarcharOf(3)));
        var e = Fails("abcdef", SqlType.VarcharOf(5));
        Assert.Equal("22001", e.SqlState);
        Assert.Equal("value too long for type character varying(5)", e.MessageText);
        Assert.Equal("value too long for type character(3)", Fails("abcd", SqlType.BpcharOf(3)).MessageText);
        Assert.Equal(new string('x', 63), RoundTrip(new string('x', 70), SqlType.Name));
        Assert.Equal("😀😀", RoundTrip("😀😀", SqlType.VarcharOf(2)));
    }

    [Theory]
    [InlineData("epoch", "1970-01-01")]
    [InlineData("0044-03-15 BC", "0044-03-15 BC")]
    [InlineData("-infinity", "-infinity")]
    [InlineData("Jan 8 1999", "1999-01-08")]
    [InlineData("January 8, 1999", "1999-01-08")]
    [InlineData("1/8/1999", "1999-01-08")]
    [InlineData("19990108", "1999-01-08")]
    [InlineData("1999-Jan-08", "1999-01-08")]
    [InlineData("08-Jan-1999", "1999-01-08")]
    [InlineData("2024-01-02 03:04:05", "2024-01-02")]
    [InlineData(" 2024-02-29 ", "2024-02-29")]
    public void Date_input_iso_output(string input, string expected) => Assert.Equal(expected, RoundTrip(input, SqlType.Date));

    [Fact]
    public void Date_output_styles()
    {
        var d = ValueText.Parse("2024-01-02", SqlType.Date, Iso);
        Assert.Equal("01-02-2024", ValueText.Format(d, SqlType.Date, Iso with { DateStyle = DateStyleFormat.Postgres }));
        Assert.Equal("02-01-2024", ValueText.Format(d, SqlType.Date, Iso with { DateStyle = DateStyleFormat.Postgres, DateOrder = DateOrder.Dmy }));
        Assert.Equal("01/02/2024", ValueText.Format(d, SqlType.Date, Iso with { DateStyle = DateStyleFormat.Sql }));
        Assert.Equal("02.01.2024", ValueText.Format(d, SqlType.Date, Iso with { DateStyle = DateStyleFormat.German }));
        var bc = ValueText.Parse("0044-03-15 BC", SqlType.Date, Iso);
        Assert.Equal("03-15-0044 BC", ValueText.Format(bc, SqlType.Date, Iso with { DateStyle = DateStyleFormat.Postgres }));
        Assert.Equal("2024-01-02", ValueText.Format(ValueText.Parse("02/01/2024", SqlType.Date, Iso with { DateOrder = DateOrder.Dmy }), SqlType.Date, Iso));
    }

    [Theory]
    [InlineData("x", "22007", "invalid input syntax for type date: \"x\"")]
    [InlineData("2024-13-01", "22008", "date/time field value out of range: \"2024-13-01\"")]
    [InlineData("2024-02-30", "22008", "date/time field value out of range: \"2024-02-30\"")]
    [InlineData("5874898-01-01", "22008", "date out of range: \"5874898-01-01\"")]
    public void Date_errors(string input, string state, string message)
    {
        var e = Fails(input, SqlType.Date);
        Assert.Equal(state, e.SqlState);
        Assert.Equal(message, e.MessageText);
    }

    [Fact]
    public void Month_overflow_hints_at_datestyle() =>
        Assert.Equal("Perhaps you need a different \"datestyle\" setting.", Fails("2024-13-01", SqlType.Date).Hint);

    [Theory]
    [InlineData("2024-01-02T03:04:05Z", "2024-01-02 03:04:05")]
    [InlineData("2024-01-02 03:04", "2024-01-02 03:04:00")]
    [InlineData("2024-01-02 24:00:00", "2024-01-03 00:00:00")]
    [InlineData("2024-01-02 03:04:05.1234567", "2024-01-02 03:04:05.123457")]
    [InlineData("2024-01-02 03:04:05.50", "2024-01-02 03:04:05.5")]
    [InlineData("2024-01-02 3:04 pm", "2024-01-02 15:04:00")]
    [InlineData("0044-03-15 10:00 BC", "0044-03-15 10:00:00 BC")]
    [InlineData("infinity", "infinity")]
    [InlineData("epoch", "1970-01-01 00:00:00")]
    public void Timestamp_input_iso_output(string input, string expected) => Assert.Equal(expected, RoundTrip(input, SqlType.Timestamp));

    [Theory]
    [InlineData("x", "22007", "invalid input syntax for type timestamp: \"x\"")]
    [InlineData("2024-01-01 25:00", "22008", "date/time field value out of range: \"2024-01-01 25:00\"")]
    [InlineData("294277-01-01", "22008", "timestamp out of range: \"294277-01-01\"")]
    public void Timestamp_errors(string input, string state, string message)
    {
        var e = Fails(input, SqlType.Timestamp);
        Assert.Equal(state, e.SqlState);
        Assert.Equal(message, e.MessageText);
    }

    [Fact]
    public void Timestamptz_errors()
    {
        Assert.Equal("invalid input syntax for type timestamp with time zone: \"x\"", Fails("x", SqlType.Timestamptz).MessageText);
        var e = Fails("2024-01-01 00:00 Foo/Bar", SqlType.Timestamptz);
        Assert.Equal("22023", e.SqlState);
        Assert.Equal("time zone \"foo/bar\" not recognized", e.MessageText);
    }

    [Theory]
    [InlineData("2024-01-02 03:04:05.123456", "UTC", "2024-01-02 03:04:05.123456+00")]
    [InlineData("2024-01-02 03:04:05.5+02", "UTC", "2024-01-02 01:04:05.5+00")]
    [InlineData("2024-03-10 02:30", "America/Los_Angeles", "2024-03-10 03:30:00-07")]
    [InlineData("2024-11-03 01:30", "America/Los_Angeles", "2024-11-03 01:30:00-08")]
    [InlineData("2024-07-01 12:00 Europe/Berlin", "America/Los_Angeles", "2024-07-01 03:00:00-07")]
    [InlineData("2024-07-01 12:00 europe/berlin", "America/Los_Angeles", "2024-07-01 03:00:00-07")]
    [InlineData("2024-07-01 12:00 EST", "America/Los_Angeles", "2024-07-01 10:00:00-07")]
    [InlineData("2024-01-02 03:04:05+05:30", "America/Los_Angeles", "2024-01-01 13:34:05-08")]
    [InlineData("2024-01-01 00:00", "Asia/Kolkata", "2024-01-01 00:00:00+05:30")]
    [InlineData("infinity", "Asia/Kolkata", "infinity")]
    public void Timestamptz_iso(string input, string zone, string expected) => Assert.Equal(expected, RoundTrip(input, SqlType.Timestamptz, Zone(zone)));

    [Theory]
    [InlineData("2024-01-02 03:04:05.123456", "America/Los_Angeles", "Tue Jan 02 03:04:05.123456 2024 PST")]
    [InlineData("2024-07-02 03:04:05", "America/Los_Angeles", "Tue Jul 02 03:04:05 2024 PDT")]
    [InlineData("2024-01-01 00:00", "Asia/Kolkata", "Mon Jan 01 00:00:00 2024 IST")]
    [InlineData("2024-01-01 00:00", "America/Sao_Paulo", "Mon Jan 01 00:00:00 2024 -03")]
    [InlineData("2024-01-01 00:00", "UTC", "Mon Jan 01 00:00:00 2024 UTC")]
    public void Timestamptz_postgres_style(string input, string zone, string expected) =>
        Assert.Equal(expected, RoundTrip(input, SqlType.Timestamptz, Zone(zone, DateStyleFormat.Postgres)));

    [Fact]
    public void Timestamp_other_styles()
    {
        var pg = Zone("UTC", DateStyleFormat.Postgres);
        Assert.Equal("Tue Jan 02 03:04:05 2024", RoundTrip("2024-01-02 03:04:05", SqlType.Timestamp, pg));
        Assert.Equal("Tue 02 Jan 03:04:05 2024", RoundTrip("2024-01-02 03:04:05", SqlType.Timestamp, pg with { DateOrder = DateOrder.Dmy }));
        Assert.Equal("01/02/2024 03:04:05 UTC", RoundTrip("2024-01-02 03:04:05", SqlType.Timestamptz, Zone("UTC", DateStyleFormat.Sql)));
        Assert.Equal("02.01.2024 03:04:05 UTC", RoundTrip("2024-01-02 03:04:05", SqlType.Timestamptz, Zone("UTC", DateStyleFormat.German)));
    }

    [Fact]
    public void Timestamp_precision_rounds()
    {
        Assert.Equal("2024-01-02 03:04:05.13", RoundTrip("2024-01-02 03:04:05.125", SqlType.TimestampOf(2)));
        Assert.Equal("2024-01-02 03:04:06", RoundTrip("2024-01-02 03:04:05.5", SqlType.TimestampOf(0)));
    }

    [Theory]
    [InlineData("1 year 2 mons 3 days 04:05:06", "1 year 2 mons 3 days 04:05:06", "@ 1 year 2 mons 3 days 4 hours 5 mins 6 secs", "+1-2 +3 +4:05:06", "P1Y2M3DT4H5M6S")]
    [InlineData("-1 year -2 mons", "-1 years -2 mons", "@ 1 year 2 mons ago", "-1-2", "P-1Y-2M")]
    [InlineData("1 day -00:00:01", "1 day -00:00:01", "@ 1 day -1 sec", "+0-0 +1 -0:00:01", "P1DT-1S")]
    [InlineData("-04:05:06.5", "-04:05:06.5", "@ 4 hours 5 mins 6.5 secs ago", "-4:05:06.5", "PT-4H-5M-6.5S")]
    [InlineData("0", "00:00:00", "@ 0", "0", "PT0S")]
    [InlineData("3 days", "3 days", "@ 3 days", "3 0:00:00", "P3D")]
    [InlineData("1 year", "1 year", "@ 1 year", "1-0", "P1Y")]
    [InlineData("1 second", "00:00:01", "@ 1 sec", "0:00:01", "PT1S")]
    [InlineData("-1 day 2 hours", "-1 days +02:00:00", "@ 1 day -2 hours ago", "+0-0 -1 +2:00:00", "P-1DT2H")]
    public void Interval_output_styles(string input, string postgres, string verbose, string sql, string iso)
    {
        var v = ValueText.Parse(input, SqlType.Interval, Iso);
        Assert.Equal(postgres, ValueText.Format(v, SqlType.Interval, Iso));
        Assert.Equal(verbose, ValueText.Format(v, SqlType.Interval, Iso with { IntervalStyle = IntervalStyleFormat.PostgresVerbose }));
        Assert.Equal(sql, ValueText.Format(v, SqlType.Interval, Iso with { IntervalStyle = IntervalStyleFormat.SqlStandard }));
        Assert.Equal(iso, ValueText.Format(v, SqlType.Interval, Iso with { IntervalStyle = IntervalStyleFormat.Iso8601 }));
    }

    [Theory]
    [InlineData("@ 1 hour ago", "-01:00:00")]
    [InlineData("1.5 years", "1 year 6 mons")]
    [InlineData("P1Y2M3DT4H5M6S", "1 year 2 mons 3 days 04:05:06")]
    [InlineData("90 minutes", "01:30:00")]
    [InlineData("1 week", "7 days")]
    [InlineData("2 hours 30 min", "02:30:00")]
    [InlineData("1.5 days", "1 day 12:00:00")]
    [InlineData("1-2", "1 year 2 mons")]
    [InlineData("10 ms", "00:00:00.01")]
    public void Interval_input_forms(string input, string expected) => Assert.Equal(expected, RoundTrip(input, SqlType.Interval));

    [Fact]
    public void Bad_interval_is_22007()
    {
        var e = Fails("x", SqlType.Interval);
        Assert.Equal("22007", e.SqlState);
        Assert.Equal("invalid input syntax for type interval: \"x\"", e.MessageText);
    }

    [Fact]
    public void Numeric_input_applies_precision() => Assert.Equal("123.46", RoundTrip("123.456", SqlType.NumericOf(5, 2)));
}

using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Tests.Types;

public sealed class DateTimeFieldsTests
{
    private static PgDate D(int y, int m, int d) => PgDate.FromYmd(y, m, d);
    private static PgTimestamp T(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int us = 0) =>
        PgTimestamp.FromParts(y, mo, d, h, mi, s, us);

    [Theory]
    [InlineData("month", 2024, 2, 15, "2")]
    [InlineData("dow", 2024, 2, 15, "4")]
    [InlineData("isodow", 2024, 2, 18, "7")]
    [InlineData("doy", 2024, 12, 31, "366")]
    [InlineData("week", 2021, 1, 3, "53")]
    [InlineData("isoyear", 2021, 1, 3, "2020")]
    [InlineData("century", 2024, 1, 1, "21")]
    [InlineData("millennium", 2001, 1, 1, "3")]
    [InlineData("epoch", 2024, 2, 15, "1707955200")]
    [InlineData("julian", 2024, 1, 1, "2460311")]
    [InlineData("YEARS", 0, 6, 1, "-1")]
    public void Extracts_date_fields(string unit, int y, int m, int d, string expected) =>
        Assert.Equal(expected, DateTimeFields.Extract(unit, D(y, m, d))!.Value.ToString());

    [Fact]
    public void Extracts_timestamp_fields_with_postgres_scales()
    {
        var ts = T(2024, 2, 15, 10, 11, 12, 500000);
        Assert.Equal("12.500000", DateTimeFields.Extract("second", ts, null, null)!.Value.ToString());
        Assert.Equal("12500.000", DateTimeFields.Extract("milliseconds", ts, null, null)!.Value.ToString());
        Assert.Equal("1707991872.500000", DateTimeFields.Extract("epoch", ts, null, null)!.Value.ToString());
    }

    [Fact]
    public void Infinite_dates_give_infinity_or_null()
    {
        Assert.Equal("Infinity", DateTimeFields.Extract("year", PgDate.Infinity)!.Value.ToString());
        Assert.Null(DateTimeFields.Extract("month", PgDate.Infinity));
    }

    [Fact]
    public void Unit_errors_distinguish_unknown_from_unsupported()
    {
        var unknown = Assert.Throws<TenonException>(() => DateTimeFields.Extract("foo", D(2024, 1, 1)));
        Assert.Equal(SqlState.InvalidParameterValue, unknown.SqlState);
        Assert.Equal("unit \"foo\" not recognized for type date", unknown.MessageText);
        var unsupported = Assert.Throws<TenonException>(() => DateTimeFields.Extract("hour", D(2024, 1, 1)));
        Assert.Equal(SqlState.FeatureNotSupported, unsupported.SqlState);
        Assert.Equal("unit \"hour\" not supported for type date", unsupported.MessageText);
    }

    [Theory]
    [InlineData("week", 2024, 2, 15, 2024, 2, 12)]
    [InlineData("quarter", 2024, 5, 15, 2024, 4, 1)]
    [InlineData("decade", 2024, 5, 15, 2020, 1, 1)]
    [InlineData("century", 2024, 5, 15, 2001, 1, 1)]
    [InlineData("millennium", 2000, 12, 31, 1001, 1, 1)]
    public void Truncates_timestamps(string unit, int y, int m, int d, int ey, int em, int ed) =>
        Assert.Equal(T(ey, em, ed), DateTimeFields.Truncate(unit, T(y, m, d, 10), DateTimeFields.TimestampType));

    [Fact]
    public void Truncates_intervals_and_rejects_weeks()
    {
        Assert.Equal(new PgInterval(15, 0, 0), DateTimeFields.Truncate("quarter", new PgInterval(17, 3, 0)));
        var ex = Assert.Throws<TenonException>(() => DateTimeFields.Truncate("week", new PgInterval(0, 1, 0)));
        Assert.Equal("Months usually have fractional weeks.", ex.Detail);
    }
}

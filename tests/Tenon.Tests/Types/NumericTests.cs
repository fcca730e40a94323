using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Tests.Types;

public sealed class NumericTests
{
    private static Numeric N(string s) => Numeric.Parse(s);

    [Theory]
    [InlineData("1e3", "1000")]
    [InlineData("1.5e-3", "0.0015")]
    [InlineData(" -0.00 ", "0.00")]
    [InlineData("nan", "NaN")]
    [InlineData("-inf", "-Infinity")]
    [InlineData("infinity", "Infinity")]
    [InlineData(".5", "0.5")]
    [InlineData("5.", "5")]
    [InlineData("-.5e1", "-5")]
    [InlineData("1e-20", "0.00000000000000000001")]
    [InlineData("1.23e+5", "123000")]
    [InlineData("-0.0", "0.0")]
    public void Parse_and_format_match_postgres(string input, string expected) =>
        Assert.Equal(expected, N(input).ToString());

    [Theory]
    [InlineData("abc")]
    [InlineData("1e")]
    [InlineData("")]
    [InlineData("1.2.3")]
    public void Bad_input_is_22P02(string input)
    {
        var e = Assert.Throws<TenonException>(() => N(input));
        Assert.Equal("22P02", e.SqlState);
        Assert.Equal($"invalid input syntax for type numeric: \"{input}\"", e.MessageText);
    }

    [Theory]
    [InlineData("1", "3", "0.33333333333333333333")]
    [InlineData("10", "4", "2.5000000000000000")]
    [InlineData("6", "3", "2.0000000000000000")]
    [InlineData("0.001", "7", "0.00014285714285714286")]
    [InlineData("123456789", "0.001", "123456789000.00000000")]
    [InlineData("1", "7000", "0.00014285714285714286")]
    [InlineData("5.00", "2.0", "2.5000000000000000")]
    [InlineData("2", "Infinity", "0")]
    [InlineData("Infinity", "-2", "-Infinity")]
    [InlineData("Infinity", "Infinity", "NaN")]
    public void Division_scale_follows_select_div_scale(string a, string b, string expected) =>
        Assert.Equal(expected, (N(a) / N(b)).ToString());

    [Theory]
    [InlineData("1.50", "*", "2.0", "3.000")]
    [InlineData("1.5", "%", "0.7", "0.1")]
    [InlineData("-7.5", "%", "2", "-1.5")]
    [InlineData("Infinity", "%", "2", "NaN")]
    [InlineData("5", "%", "Infinity", "5")]
    [InlineData("Infinity", "*", "0", "NaN")]
    [InlineData("0.000", "*", "1", "0.000")]
    [InlineData("1.1", "+", "2.22", "3.32")]
    [InlineData("1.1", "-", "2.22", "-1.12")]
    [InlineData("Infinity", "+", "-Infinity", "NaN")]
    [InlineData("Infinity", "-", "-Infinity", "Infinity")]
    [InlineData("NaN", "+", "1", "NaN")]
    public void Arithmetic_matches_postgres(string a, string op, string b, string expected)
    {
        var result = op switch
        {
            "+" => N(a) + N(b),
            "-" => N(a) - N(b),
            "*" => N(a) * N(b),
            "%" => N(a) % N(b),
            _ => throw new ArgumentException(op),
        };
        Assert.Equal(expected, result.ToString());
    }

    [Theory]
    [InlineData("1", "0")]
    [InlineData("Infinity", "0")]
    [InlineData("1", "0.00")]
    public void Division_by_zero_is_22012(string a, string b)
    {
        var e = Assert.Throws<TenonException>(() => N(a) / N(b));
        Assert.Equal("22012", e.SqlState);
        Assert.Equal("division by zero", e.MessageText);
        Assert.Throws<TenonException>(() => N(a) % N(b));
    }

    [Fact]
    public void Rounding_functions_match_postgres()
    {
        Assert.Equal("3", N("2.5").Round(0).ToString());
        Assert.Equal("-3", N("-2.5").Round(0).ToString());
        Assert.Equal("1.23", N("1.2345").Round(2).ToString());
        Assert.Equal("1200", N("1234.5").Round(-2).ToString());
        Assert.Equal("1.9", N("1.999").Truncate(1).ToString());
        Assert.Equal("-2", N("-1.5").Floor().ToString());
        Assert.Equal("-1", N("-1.5").Ceiling().ToString());
        Assert.Equal("2", N("1.2").Ceiling().ToString());
        Assert.Equal("1.500", N("1.5").Round(3).ToString());
    }

    [Fact]
    public void Integer_conversion_rounds_half_away_from_zero()
    {
        Assert.Equal(3, N("2.5").ToInt32());
        Assert.Equal(-3, N("-2.5").ToInt32());
        Assert.Equal(2L, N("2.4999").ToInt64());
        Assert.Equal((short)-32768, N("-32768.4").ToInt16());
    }

    [Theory]
    [InlineData("99999999999", "int4", "22003", "integer out of range")]
    [InlineData("32767.5", "int2", "22003", "smallint out of range")]
    [InlineData("9223372036854775808", "int8", "22003", "bigint out of range")]
    [InlineData("NaN", "int4", "0A000", "cannot convert NaN to integer")]
    [InlineData("Infinity", "int8", "0A000", "cannot convert infinity to bigint")]
    public void Integer_conversion_errors(string value, string target, string state, string message)
    {
        var n = N(value);
        var e = Assert.Throws<TenonException>(() =>
        {
            _ = target switch { "int2" => n.ToInt16(), "int4" => n.ToInt32(), _ => (object)n.ToInt64() };
        });
        Assert.Equal(state, e.SqlState);
        Assert.Equal(message, e.MessageText);
    }

    [Fact]
    public void Equality_and_ordering_follow_postgres()
    {
        Assert.Equal(N("1.0"), N("1.00"));
        Assert.Equal(N("1.0").GetHashCode(), N("1.00").GetHashCode());
        Assert.Equal(N("0").GetHashCode(), N("0.000").GetHashCode());
        Assert.True(N("NaN") > N("Infinity"));
        Assert.True(N("NaN") == N("NaN"));
        Assert.True(N("-Infinity") < N("-1e100"));
        Assert.True(N("Infinity") > N("1e100"));
        Assert.True(N("-0.5") < N("0.25"));
        Assert.True(N("10.01") > N("10.009"));
        Assert.Equal(0, N("NaN").Sign);
        Assert.Equal(-1, N("-Infinity").Sign);
    }

    [Theory]
    [InlineData(1.0 / 3, "0.333333333333333")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1.5e-7, "0.00000015")]
    [InlineData(0.1, "0.1")]
    [InlineData(-2.5, "-2.5")]
    public void From_double_uses_fifteen_digits(double value, string expected) =>
        Assert.Equal(expected, Numeric.FromDouble(value).ToString());

    [Fact]
    public void From_single_uses_six_digits() => Assert.Equal("0.1", Numeric.FromSingle(0.1f).ToString());

    [Fact]
    public void Decimal_round_trips()
    {
        Assert.Equal("1.2300", Numeric.FromDecimal(1.2300m).ToString());
        Assert.Equal(-79228162514264337593543950335m, Numeric.FromDecimal(decimal.MinValue).ToDecimal());
        Assert.Equal(0.5m, N("0.50").ToDecimal());
        Assert.Equal(0.25, N("0.25").ToDouble());
        Assert.Equal(12345678901234567890.0, N("12345678901234567890").ToDouble());
    }

    [Fact]
    public void Type_modifier_rounds_and_checks_overflow()
    {
        Assert.Equal("123.46", N("123.456").ApplyTypeModifier(5, 2).ToString());
        var e = Assert.Throws<TenonException>(() => N("1234.5").ApplyTypeModifier(5, 2));
        Assert.Equal("22003", e.SqlState);
        Assert.Equal("numeric field overflow", e.MessageText);
        Assert.Equal("A field with precision 5, scale 2 must round to an absolute value less than 10^3.", e.Detail);
        var inf = Assert.Throws<TenonException>(() => N("Infinity").ApplyTypeModifier(5, 2));
        Assert.Equal("A field with precision 5, scale 2 cannot hold an infinite value.", inf.Detail);
        Assert.Equal("0.50", N("0.5").ApplyTypeModifier(2, 2).ToString());
        var one = Assert.Throws<TenonException>(() => N("1").ApplyTypeModifier(2, 2));
        Assert.Equal("A field with precision 2, scale 2 must round to an absolute value less than 1.", one.Detail);
        Assert.Equal("NaN", N("NaN").ApplyTypeModifier(3, 0).ToString());
    }
}

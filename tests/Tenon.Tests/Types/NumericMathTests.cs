using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Tests.Types;

public sealed class NumericMathTests
{
    private static Numeric N(string s) => Numeric.Parse(s);

    [Theory]
    [InlineData("16.0", "4.000000000000000")]
    [InlineData("2", "1.414213562373095")]
    [InlineData("1e-10", "0.000010000000000000000")]
    [InlineData("123456789.123", "11111.11106609056")]
    [InlineData("0", "0.000000000000000")]
    public void Sqrt_rounds_to_postgres_scale(string x, string expected) =>
        Assert.Equal(expected, NumericMath.Sqrt(N(x)).ToString());

    [Theory]
    [InlineData("2.5", "3", "15.6250000000000000")]
    [InlineData("2.0", "-2", "0.2500000000000000")]
    [InlineData("0.0", "0", "1.0000000000000000")]
    [InlineData("-2.0", "3", "-8.0000000000000000")]
    [InlineData("2", "100", "1267650600228229401496703205376.0000000000000000")]
    public void Power_with_integral_exponent_is_exact(string x, string y, string expected) =>
        Assert.Equal(expected, NumericMath.Power(N(x), N(y)).ToString());

    [Fact]
    public void Power_errors_match_postgres()
    {
        Assert.Equal("zero raised to a negative power is undefined",
            Assert.Throws<TenonException>(() => NumericMath.Power(N("0"), N("-1"))).MessageText);
        Assert.Equal("a negative number raised to a non-integer power yields a complex result",
            Assert.Throws<TenonException>(() => NumericMath.Power(N("-8"), N("0.5"))).MessageText);
        Assert.Equal(SqlState.InvalidArgumentForPowerFunction,
            Assert.Throws<TenonException>(() => NumericMath.Sqrt(N("-1"))).SqlState);
    }
}

using Tenon.Constraints;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Tests.Types;

/// <summary>inet and cidr; every expected value was printed by PostgreSQL 15.</summary>
public sealed class InetTests
{
    private static readonly FormatSettings Settings = FormatSettings.Default;

    private static PgInet Inet(string text) => (PgInet)ValueText.Parse(text, SqlType.Inet, Settings);

    private static PgInet Cidr(string text) => (PgInet)ValueText.Parse(text, SqlType.Cidr, Settings);

    [Theory]
    [InlineData("1.2.3.4", "1.2.3.4")]
    [InlineData("1.2.3.4/32", "1.2.3.4")]
    [InlineData("10/8", "10.0.0.0/8")]
    [InlineData("10.1.2/24", "10.1.2.0/24")]
    [InlineData("10/0", "10.0.0.0/0")]
    [InlineData("01.02.03.04", "1.2.3.4")]
    [InlineData("1.2.3.4/0008", "1.2.3.4/8")]
    [InlineData("::", "::")]
    [InlineData("::1/128", "::1")]
    [InlineData("::1/64", "::1/64")]
    [InlineData("2001:DB8::1", "2001:db8::1")]
    [InlineData("1:0:0:2:0:0:0:8", "1:0:0:2::8")]
    [InlineData("1:0:0:2:0:0:3:4", "1::2:0:0:3:4")]
    [InlineData("1:0:2:0:3:0:4:0", "1:0:2:0:3:0:4:0")]
    [InlineData("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0")]
    [InlineData("::ffff:1.2.3.4", "::ffff:1.2.3.4")]
    [InlineData("::0.0.0.1", "::1")]
    [InlineData("::ffff", "::ffff")]
    [InlineData("::ffff:0", "::255.255.0.0")]
    [InlineData("::ffff:0:1.2.3.4", "::ffff:0:102:304")]
    [InlineData("::1.2.3", "::1.2.3.0")]
    [InlineData("1:2:3:4:5:6:1.2.3.4/100", "1:2:3:4:5:6:102:304/100")]
    public void Inet_input_and_output(string input, string expected) =>
        Assert.Equal(expected, ValueText.Format(Inet(input), SqlType.Inet, Settings));

    [Theory]
    [InlineData("192.168/24", "192.168.0.0/24")]
    [InlineData("192.168", "192.168.0.0/24")]
    [InlineData("128", "128.0.0.0/16")]
    [InlineData("10.1", "10.1.0.0/16")]
    [InlineData("10", "10.0.0.0/8")]
    [InlineData("10.0.0.0", "10.0.0.0/32")]
    [InlineData("224", "224.0.0.0/4")]
    [InlineData("225", "225.0.0.0/8")]
    [InlineData("240", "240.0.0.0/32")]
    [InlineData("0xa", "160.0.0.0/16")]
    [InlineData("0x0a0b0c0d", "10.11.12.13/32")]
    [InlineData("::", "::/128")]
    [InlineData("2001:4f8:3:ba::/64", "2001:4f8:3:ba::/64")]
    public void Cidr_input_and_output(string input, string expected) =>
        Assert.Equal(expected, ValueText.Format(Cidr(input), SqlType.Cidr, Settings));

    [Theory]
    [InlineData("10")]
    [InlineData("10/32")]
    [InlineData(" 1.2.3.4")]
    [InlineData("1.2.3.256")]
    [InlineData("1.2.3.4/33")]
    [InlineData("1.2.3.4/")]
    [InlineData("")]
    [InlineData("0x0a.1.2.3")]
    [InlineData("1::2::3")]
    [InlineData(":1::2")]
    [InlineData("1:2:3:4:5:6:7")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("12345::")]
    [InlineData("::1:")]
    [InlineData("::1/08")]
    [InlineData("::01.2.3.4")]
    public void Bad_inet_input_is_22P02(string input)
    {
        var e = Assert.Throws<TenonException>(() => Inet(input));
        Assert.Equal(SqlState.InvalidTextRepresentation, e.SqlState);
        Assert.Equal($"invalid input syntax for type inet: \"{input}\"", e.MessageText);
    }

    [Fact]
    public void Cidr_with_host_bits_names_the_mask()
    {
        var e = Assert.Throws<TenonException>(() => Cidr("10.1/8"));
        Assert.Equal(SqlState.InvalidTextRepresentation, e.SqlState);
        Assert.Equal("invalid cidr value: \"10.1/8\"", e.MessageText);
        Assert.Equal("Value has bits set to right of mask.", e.Detail);
        Assert.Equal("invalid input syntax for type cidr: \"1.2.3/33\"", Assert.Throws<TenonException>(() => Cidr("1.2.3/33")).MessageText);
    }

    [Fact]
    public void Ordering_is_network_cmp()
    {
        string[] sorted =
        [
            "0.0.0.0/0", "1.2.3.4/31", "1.2.3.5/31", "9.255.255.255", "10.0.0.1/7", "11.0.0.0/7", "10.0.0.0/8", "10.1.2.3/8",
            "10.0.0.0/16", "10.0.0.0", "10.1.2.3", "255.255.255.255", "::/0", "::", "::1", "2001:db8::/32", "2001:db8::1/32",
        ];
        var shuffled = sorted.Reverse().Select(Inet).ToList();
        shuffled.Sort((a, b) => ValueComparer.Compare(a, b, TypeId.Inet));
        Assert.Equal(sorted, shuffled.Select(v => ValueText.Format(v, SqlType.Inet, Settings)));
    }

    [Fact]
    public void Equality_and_hash_include_the_mask()
    {
        Assert.True(ValueComparer.Equal(Inet("1.2.3.4"), Inet("1.2.3.4/32"), TypeId.Inet));
        Assert.False(ValueComparer.Equal(Inet("1.2.3.4"), Inet("1.2.3.4/24"), TypeId.Inet));
        Assert.Equal(ValueComparer.Hash(Inet("10.0.0.0/8"), TypeId.Cidr), ValueComparer.Hash(Cidr("10/8"), TypeId.Cidr));
    }

    [Fact]
    public void Casts_follow_pg_cast()
    {
        Assert.Equal(CastContext.Implicit, ValueCast.RequiredContext(SqlType.Cidr, SqlType.Inet));
        Assert.Equal(CastContext.Assignment, ValueCast.RequiredContext(SqlType.Inet, SqlType.Cidr));
        Assert.Equal(CastContext.Explicit, ValueCast.RequiredContext(SqlType.Text, SqlType.Inet));
        Assert.Null(ValueCast.RequiredContext(SqlType.Int4, SqlType.Inet));
        var masked = ValueCast.Cast(Inet("10.1.2.3/8"), SqlType.Inet, SqlType.Cidr, CastContext.Assignment, Settings)!;
        Assert.Equal("10.0.0.0/8", ValueText.Format(masked, SqlType.Cidr, Settings));
        // text() shows the full mask; name goes through the output function.
        Assert.Equal("10.1.2.3/32", ValueCast.Cast(Inet("10.1.2.3"), SqlType.Inet, SqlType.Text, CastContext.Explicit, Settings));
        Assert.Equal("10.1.2.3", ValueCast.Cast(Inet("10.1.2.3"), SqlType.Inet, SqlType.Name, CastContext.Explicit, Settings));
    }

    [Theory]
    [InlineData("10.0.0.0/16", "10.0/16")]
    [InlineData("10.0.2.0/24", "10.0.2/24")]
    [InlineData("0.0.0.0/0", "0/0")]
    [InlineData("2001:db8::/32", "2001:db8/32")]
    [InlineData("2001:db8::/33", "2001:db8::/33")]
    [InlineData("1::/16", "1::/16")]
    [InlineData("1:0:3::/48", "1::3/48")]
    [InlineData("1:0:0:2::/64", "1::2/64")]
    [InlineData("::ffff:1.2.3.0/120", "::ffff:1.2.3/120")]
    [InlineData("::1:0/112", "::0.1/112")]
    [InlineData("::1.0.0.0/104", "::1.0/104")]
    [InlineData("1:2:3:4:5:6:7:0/128", "1:2:3:4:5:6:7::/128")]
    public void Abbrev_of_cidr_prints_what_the_mask_covers(string input, string expected) =>
        Assert.Equal(expected, InetText.Abbrev(Cidr(input), isCidr: true));

    [Fact]
    public void Network_functions()
    {
        var v = Inet("2001:db8::1:2/100");
        Assert.Equal("2001:db8::1:2", InetText.Host(v));
        Assert.Equal("2001:db8::/100", InetText.Format(v.Network, isCidr: true));
        Assert.Equal("ffff:ffff:ffff:ffff:ffff:ffff:f000:0", InetText.Format(v.Netmask, isCidr: false));
        Assert.Equal("::15.255.255.255", InetText.Format(v.Hostmask, isCidr: false));
        Assert.Equal("2001:db8::fff:ffff/100", InetText.Format(v.Broadcast, isCidr: false));
        Assert.Equal("10.255.255.255/8", InetText.Format(Inet("10.1.2.3/8").Broadcast, isCidr: false));
        Assert.Equal(6, v.Family);
    }

    [Theory]
    [InlineData("<<", "192.168.1.5", "192.168.1.0/24", true)]
    [InlineData("<<", "192.168.1.0/24", "192.168.1.0/24", false)]
    [InlineData("<<=", "192.168.1.0/24", "192.168.1.0/24", true)]
    [InlineData(">>", "192.168.1.0/25", "192.168.1.4/24", false)]
    [InlineData(">>", "192.168.0.0/16", "192.168.1.4/24", true)]
    [InlineData(">>=", "10.0.0.0/8", "10.1.2.3/8", true)]
    [InlineData("&&", "192.168.1.4/24", "192.168.1.0/25", true)]
    [InlineData("&&", "::/0", "0.0.0.0/0", false)]
    public void Containment_operators(string op, string left, string right, bool expected)
    {
        var impl = Operators.ResolveBinary(op, SqlType.Inet, SqlType.Cidr)!;
        Assert.Equal(SqlType.Inet, impl.RightType);
        Assert.Equal(expected, impl.Invoke(Inet(left), Inet(right)));
    }

    [Fact]
    public void Comparing_cidr_with_a_literal_reads_the_literal_as_inet()
    {
        var impl = Operators.ResolveBinary("=", SqlType.Cidr, SqlType.Unknown)!;
        Assert.Equal(SqlType.Inet, impl.RightType);
        Assert.Null(Operators.ResolveBinary("<<", SqlType.Int4, SqlType.Int4));
    }

    [Fact]
    public void Foreign_keys_pair_inet_and_cidr_only_with_each_other()
    {
        Assert.True(ForeignKeyTypes.Compatible(SqlType.Cidr, SqlType.Inet));
        Assert.True(ForeignKeyTypes.Compatible(SqlType.Inet, SqlType.Cidr));
        Assert.False(ForeignKeyTypes.Compatible(SqlType.Inet, SqlType.Int4));
        Assert.False(ForeignKeyTypes.Compatible(SqlType.Int4, SqlType.Inet));
        Assert.False(ForeignKeyTypes.Compatible(SqlType.Timestamp, SqlType.Inet));
        Assert.False(ForeignKeyTypes.Compatible(SqlType.Text, SqlType.Cidr));
    }
}

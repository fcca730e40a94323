using Tenon.Types;

namespace Tenon.Tests.Types;

public sealed class ValueComparerTests
{
    [Fact]
    public void Text_orders_by_code_point_like_utf8_bytes()
    {
        // U+FF21 (fullwidth A) vs U+1F600 (emoji, a surrogate pair): UTF-8 puts the emoji last,
        // ordinal UTF-16 would put it first.
        Assert.True(ValueComparer.Compare("\uFF21", "😀", TypeId.Text) < 0);
        Assert.True(ValueComparer.Compare("😀", "\uFF21", TypeId.Text) > 0);
        Assert.True(ValueComparer.Compare("é", "z", TypeId.Text) > 0);
        Assert.True(ValueComparer.Compare("a", "B", TypeId.Text) > 0);
        Assert.True(ValueComparer.Compare("ab", "abc", TypeId.Varchar) < 0);
        Assert.Equal(0, ValueComparer.Compare("abc", "abc", TypeId.Name));
    }

    [Fact]
    public void Bpchar_ignores_trailing_blanks()
    {
        Assert.Equal(0, ValueComparer.Compare("ab ", "ab   ", TypeId.Bpchar));
        Assert.True(ValueComparer.Equal("ab ", "ab", TypeId.Bpchar));
        Assert.Equal(ValueComparer.Hash("ab ", TypeId.Bpchar), ValueComparer.Hash("ab", TypeId.Bpchar));
        Assert.False(ValueComparer.Equal("ab ", "ab", TypeId.Text));
        Assert.True(ValueComparer.Compare("a ", "a\u0001", TypeId.Bpchar) < 0);
    }

    [Fact]
    public void Float_nan_is_largest_and_equal_to_itself()
    {
        Assert.True(ValueComparer.Compare(double.NaN, double.PositiveInfinity, TypeId.Float8) > 0);
        Assert.True(ValueComparer.Equal(double.NaN, double.NaN, TypeId.Float8));
        Assert.True(ValueComparer.Equal(-0.0, 0.0, TypeId.Float8));
        Assert.Equal(ValueComparer.Hash(-0.0, TypeId.Float8), ValueComparer.Hash(0.0, TypeId.Float8));
        Assert.True(ValueComparer.Compare(float.NaN, 1f, TypeId.Float4) > 0);
        Assert.True(ValueComparer.Compare(-1f, 1f, TypeId.Float4) < 0);
    }

    [Fact]
    public void Numeric_compares_by_value()
    {
        Assert.True(ValueComparer.Equal(Numeric.Parse("1.0"), Numeric.Parse("1.00"), TypeId.Numeric));
        Assert.Equal(ValueComparer.Hash(Numeric.Parse("1.0"), TypeId.Numeric), ValueComparer.Hash(Numeric.Parse("1"), TypeId.Numeric));
        Assert.True(ValueComparer.Compare(Numeric.NaN, Numeric.PositiveInfinity, TypeId.Numeric) > 0);
    }

    [Fact]
    public void Uuid_orders_by_text_bytes()
    {
        var a = ValueText.ParseUuid("00000000-0000-0000-0000-0000000000ff");
        var b = ValueText.ParseUuid("00000000-0000-0000-0000-000000000100");
        var c = ValueText.ParseUuid("01000000-0000-0000-0000-000000000000");
        var d = ValueText.ParseUuid("00ffffff-ffff-ffff-ffff-ffffffffffff");
        Assert.True(ValueComparer.Compare(a, b, TypeId.Uuid) < 0);
        Assert.True(ValueComparer.Compare(d, c, TypeId.Uuid) < 0);
        Assert.True(ValueComparer.Equal(a, a, TypeId.Uuid));
    }

    [Fact]
    public void Other_types_order_naturally()
    {
        Assert.True(ValueComparer.Compare(false, true, TypeId.Bool) < 0);
        Assert.True(ValueComparer.Compare((short)-1, (short)1, TypeId.Int2) < 0);
        Assert.True(ValueComparer.Compare(PgDate.NegativeInfinity, new PgDate(-100000), TypeId.Date) < 0);
        Assert.True(ValueComparer.Compare(PgTimestamp.Infinity, new PgTimestamp(long.MaxValue - 1), TypeId.Timestamp) > 0);
        Assert.True(ValueComparer.Compare(new byte[] { 1, 2 }, new byte[] { 1, 2, 0 }, TypeId.Bytea) < 0);
        Assert.True(ValueComparer.Compare(new byte[] { 2 }, new byte[] { 1, 2, 0 }, TypeId.Bytea) > 0);
        Assert.True(ValueComparer.Equal(new byte[] { 1, 2 }, new byte[] { 1, 2 }, TypeId.Bytea));
        Assert.Equal(ValueComparer.Hash(new byte[] { 1, 2 }, TypeId.Bytea), ValueComparer.Hash(new byte[] { 1, 2 }, TypeId.Bytea));
        Assert.True(ValueComparer.Compare(3000000000u, 5u, TypeId.Oid) > 0);
    }

    [Fact]
    public void Interval_compares_by_span()
    {
        var month = new PgInterval(1, 0, 0);
        var thirtyDays = new PgInterval(0, 30, 0);
        Assert.True(ValueComparer.Equal(month, thirtyDays, TypeId.Interval));
        Assert.Equal(ValueComparer.Hash(month, TypeId.Interval), ValueComparer.Hash(thirtyDays, TypeId.Interval));
        Assert.True(ValueComparer.Compare(new PgInterval(0, 1, 0), new PgInterval(0, 0, 86_400_000_001), TypeId.Interval) < 0);
    }

    [Fact]
    public void Integers_hash_alike_across_widths()
    {
        Assert.Equal(ValueComparer.Hash(42, TypeId.Int4), ValueComparer.Hash(42L, TypeId.Int8));
        Assert.Equal(ValueComparer.Hash((short)-7, TypeId.Int2), ValueComparer.Hash(-7L, TypeId.Int8));
    }

    [Fact]
    public void Key_comparer_orders_a_prefix_equal_to_the_keys_it_starts()
    {
        var keys = ValueComparer.ForKeys([TypeId.Int4, TypeId.Text]);
        Assert.Equal(0, keys.Compare([1], [1, "z"]));
        Assert.True(keys.Compare([1], [2, "a"]) < 0);
        Assert.True(keys.Compare([3, "a"], [2]) > 0);
    }

    [Fact]
    public void Key_comparer_sorts_nulls_last_and_treats_null_as_equal()
    {
        var keys = ValueComparer.ForKeys([TypeId.Int4, TypeId.Text]);
        var rows = new List<object?[]>
        {
            new object?[] { null, "a" },
            new object?[] { 2, "b" },
            new object?[] { 1, null },
            new object?[] { 1, "z" },
        };
        rows.Sort(keys);
        Assert.Equal(new object?[] { 1, "z" }, rows[0]);
        Assert.Equal(new object?[] { 1, null }, rows[1]);
        Assert.Equal(new object?[] { 2, "b" }, rows[2]);
        Assert.Equal(new object?[] { null, "a" }, rows[3]);
        Assert.True(keys.Equals(new object?[] { null, "a" }, new object?[] { null, "a" }));
        Assert.Equal(keys.GetHashCode(new object?[] { null, "a" }), keys.GetHashCode(new object?[] { null, "a" }));
        Assert.False(keys.Equals(new object?[] { 1, "a" }, new object?[] { null, "a" }));
    }

    [Fact]
    public void Key_comparer_descending_puts_nulls_first()
    {
        var keys = ValueComparer.ForKeys([TypeId.Int4], [true], [true]);
        var rows = new List<object?[]> { new object?[] { 1 }, new object?[] { null }, new object?[] { 3 } };
        rows.Sort(keys);
        Assert.Null(rows[0][0]);
        Assert.Equal(3, rows[1][0]);
        Assert.Equal(1, rows[2][0]);
    }
}

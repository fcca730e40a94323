using Tenon.Storage;
using Tenon.Types;

namespace Tenon.Tests.Types;

/// <summary>
/// The typed index orders (TypedKeyOrders.cs) against the generic <see cref="KeyComparer"/> they
/// stand in for: on random values with NULLs and boundary values, every comparison (of keys, of
/// abbreviated entries, of prefixes) must have the generic one's sign, and an index built with
/// each must list its entries in the same order.
/// </summary>
public sealed class TypedKeyOrderTests
{
    private static readonly TypeId[] Specialized =
        [TypeId.Int2, TypeId.Int4, TypeId.Int8, TypeId.Text, TypeId.Varchar, TypeId.Name, TypeId.Uuid, TypeId.Date, TypeId.Timestamp, TypeId.Timestamptz];

    private static object? RandomValue(Random rng, TypeId type)
    {
        if (rng.Next(8) == 0) return null;
        var edge = rng.Next(4) == 0;
        return type switch
        {
            TypeId.Int2 => edge ? new short[] { short.MinValue, short.MaxValue, 0, -1, 1 }[rng.Next(5)] : (short)rng.Next(-50, 50),
            TypeId.Int4 => edge ? new[] { int.MinValue, int.MaxValue, 0, -1, 1 }[rng.Next(5)] : rng.Next(-50, 50),
            TypeId.Int8 => edge ? new[] { long.MinValue, long.MaxValue, 0L, -1L, 1L }[rng.Next(5)] : (long)rng.Next(-50, 50),
            TypeId.Text or TypeId.Varchar or TypeId.Name => RandomText(rng),
            TypeId.Uuid => edge ? new[] { Guid.Empty, Guid.AllBitsSet, new Guid("80000000-0000-0000-0000-000000000000"), new Guid("7fffffff-ffff-ffff-ffff-ffffffffffff") }[rng.Next(4)]
                : new Guid([.. Enumerable.Range(0, 16).Select(_ => (byte)(rng.Next(3) == 0 ? rng.Next(256) : rng.Next(2) * 255))]),
            TypeId.Date => new PgDate(edge ? new[] { int.MinValue, int.MaxValue, 0, -1 }[rng.Next(4)] : rng.Next(-50, 50)),
            TypeId.Timestamp => new PgTimestamp(edge ? new[] { long.MinValue, long.MaxValue, 0L, -1L }[rng.Next(4)] : rng.Next(-50, 50)),
            TypeId.Timestamptz => new PgTimestampTz(edge ? new[] { long.MinValue, long.MaxValue, 0L, -1L }[rng.Next(4)] : rng.Next(-50, 50)),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }

    // Short strings over an alphabet that includes the units the C collation remaps (surrogates
    // above U+E000..U+FFFF) and U+0000, with shared prefixes longer than the abbreviation.
    private static string RandomText(Random rng)
    {
        string[] units = ["a", "b", "ab", "\u0000", "\u007f", "é", "\uD7FF", "\uE000", "\uFF21", "\uFFFF", "😀", "\U0001F601", "abcd"];
        var n = rng.Next(6);
        var s = "";
        for (var i = 0; i < n; i++) s += units[rng.Next(units.Length)];
        return s;
    }

    /// <summary>
    /// Text abbreviations keep the order on strings with long shared prefixes, and around the
    /// units where the 8-bit ones saturate (253, 254, 255 and above, surrogates).
    /// </summary>
    [Fact]
    public void Text_abbreviations_keep_the_order_of_long_shared_prefixes()
    {
        var rng = new Random(42);
        string[] units = ["c", "1", "0", "9", "\u00fd", "\u00fe", "\u00ff", "\u0100", "\u4e2d", "\uE000", "\uD83D\uDE00", "\u0001"];
        var strings = new List<string> { "", "c", "c1", "c10", "c100", "c1000", "c10000", "c100000", "c100001", "c99999" };
        for (var i = 0; i < 400; i++)
        {
            var n = rng.Next(1, 9);
            var t = "c1";
            for (var k = 0; k < n; k++) t += units[rng.Next(units.Length)];
            strings.Add(t);
        }
        var general = new KeyComparer([TypeId.Text]);
        var typed = Typed(general);
        foreach (var a in strings)
            foreach (var b in strings)
            {
                var want = Math.Sign(general.Compare([a], [b]));
                Assert.Equal(want, Math.Sign(typed.Compare(typed.Entry([a], 1), typed.Entry([b], 1))));
                var ea = typed.Entry([a], 1);
                var eb = typed.Entry([b], 1);
                Assert.True(ea.IsAbbreviated && eb.IsAbbreviated);
                if (want < 0) Assert.True(ea.Abbreviation <= eb.Abbreviation, $"{a} < {b}");
            }
        // Six ASCII units are told apart by the abbreviation alone.
        Assert.NotEqual(typed.Entry(["c12345"], 1).Abbreviation, typed.Entry(["c12346"], 1).Abbreviation);
    }

    private static IndexEntryComparer Typed(KeyComparer general)
    {
        var typed = IndexEntryComparer.For(general);
        Assert.NotEqual(IndexEntryComparer.Create(general).GetType(), typed.GetType());
        return typed;
    }

    [Fact]
    public void Single_column_orders_agree_with_the_generic_comparer()
    {
        foreach (var type in Specialized) CheckAgreement([type], seed: (int)type);
    }

    [Fact]
    public void Two_column_orders_agree_with_the_generic_comparer()
    {
        TypeId[] firsts = [TypeId.Int4, TypeId.Int8, TypeId.Text, TypeId.Uuid];
        TypeId[] seconds = [TypeId.Int4, TypeId.Int8, TypeId.Text, TypeId.Uuid, TypeId.Timestamp, TypeId.Timestamptz, TypeId.Date];
        foreach (var a in firsts)
            foreach (var b in seconds)
                CheckAgreement([a, b], seed: (int)a * 1000 + (int)b);
    }

    private static void CheckAgreement(TypeId[] types, int seed)
    {
        var rng = new Random(seed);
        var general = new KeyComparer(types);
        var typed = Typed(general);
        var generic = IndexEntryComparer.Create(general);
        var keys = new List<object?[]>();
        for (var i = 0; i < 300; i++) keys.Add([.. types.Select(t => RandomValue(rng, t))]);
        // Prefixes: a shorter key equals every key that starts with it.
        keys.Add([]);
        if (types.Length > 1)
            for (var i = 0; i < 20; i++) keys.Add([RandomValue(rng, types[0])]);
        foreach (var x in keys)
            foreach (var y in keys)
            {
                var expected = Math.Sign(general.Compare(x, y));
                Assert.Equal(expected, Math.Sign(typed.CompareKeys(x, y)));
                foreach (var (px, py) in new[] { (0, 0), (-1, 1), (1, -1), (0, 1) })
                {
                    var want = Math.Sign(generic.Compare(new IndexEntry(x, 7, px), new IndexEntry(y, 9, py)));
                    Assert.Equal(want, Math.Sign(typed.Compare(typed.Entry(x, 7, px), typed.Entry(y, 9, py))));
                    // An entry made elsewhere (not abbreviated) compares the same against an abbreviated one.
                    Assert.Equal(want, Math.Sign(typed.Compare(new IndexEntry(x, 7, px), typed.Entry(y, 9, py))));
                }
            }
    }

    [Fact]
    public void An_index_with_a_typed_order_lists_and_finds_entries_as_the_generic_one()
    {
        foreach (var types in new[] { new[] { TypeId.Int4 }, [TypeId.Text], [TypeId.Int8, TypeId.Text], [TypeId.Uuid] })
        {
            var rng = new Random(types.Length * 31 + (int)types[0]);
            var general = new KeyComparer(types);
            var token = new WriteToken();
            var typed = IndexStore.Empty(general);
            var reference = IndexStore.Empty(new GenericOnly(general));
            var keys = new List<object?[]>();
            for (var id = 1; id <= 2000; id++)
            {
                object?[] key = [.. types.Select(t => RandomValue(rng, t))];
                keys.Add(key);
                typed = typed.Add(key, id, token);
                reference = reference.Add(key, id, token);
            }
            Assert.Equal(Listed(reference), Listed(typed));
            foreach (var key in keys.Take(200))
            {
                Assert.Equal(reference.Seek(key).ToList(), typed.Seek(key).ToList());
                Assert.Equal(reference.TrySeekFirst(key, out var a), typed.TrySeekFirst(key, out var b));
                Assert.Equal(a, b);
                Assert.Equal(Listed(reference.SeekPrefix([key[0]])), Listed(typed.SeekPrefix([key[0]])));
                Assert.Equal(Listed(reference.Range(Bound.Exclusive(key), default)), Listed(typed.Range(Bound.Exclusive(key), default)));
            }
            var removed = keys.Select((k, i) => (k, i + 1L)).Where(e => e.Item2 % 3 == 0).ToList();
            foreach (var (key, id) in removed)
            {
                typed = typed.Remove(key, id, token);
                reference = reference.Remove(key, id, token);
            }
            Assert.Equal(Listed(reference), Listed(typed));
            typed.Validate();
        }
    }

    // The same order without the typed specialization (not a KeyComparer, so the index calls it through its interface).
    private sealed class GenericOnly(KeyComparer inner) : IComparer<object?[]>
    {
        public int Compare(object?[]? x, object?[]? y) => inner.Compare(x, y);
    }

    // Entries as comparable values: a compact index rebuilds its key arrays, so arrays cannot be compared by reference.
    private static List<(string Key, long RowId)> Listed(IndexStore index) => Listed(index.All());

    private static List<(string Key, long RowId)> Listed(IEnumerable<(object?[] Key, long RowId)> entries) =>
        entries.Select(e => (string.Join("|", e.Key.Select(v => v is null ? "NULL" : $"{v.GetType().Name}:{v}")), e.RowId)).ToList();
}

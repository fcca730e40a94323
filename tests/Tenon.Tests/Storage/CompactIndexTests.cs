using Tenon.Storage;
using Tenon.Types;

namespace Tenon.Tests.Storage;

/// <summary>
/// An index of integer, date or timestamp keys stores them as integers (ScalarEntry). Every
/// operation must answer exactly as the same index of key arrays does, NULL keys, prefix and
/// open bounds included, and hand keys back as values of the column's own type.
/// </summary>
public class CompactIndexTests
{
    public static TheoryData<TypeId> CompactTypes =>
        [TypeId.Int2, TypeId.Int4, TypeId.Int8, TypeId.Date, TypeId.Timestamp, TypeId.Timestamptz];

    // The general representation of the same order: a comparer that offers no specialization.
    private sealed class GenericOnly(KeyComparer inner) : IComparer<object?[]>
    {
        public int Compare(object?[]? x, object?[]? y) => inner.Compare(x, y);
    }

    private static object? Value(Random rng, TypeId type)
    {
        if (rng.Next(10) == 0) return null;
        var edge = rng.Next(6) == 0;
        var small = rng.Next(-40, 40);
        return type switch
        {
            TypeId.Int2 => edge ? new short[] { short.MinValue, short.MaxValue }[rng.Next(2)] : (short)small,
            TypeId.Int4 => edge ? new[] { int.MinValue, int.MaxValue }[rng.Next(2)] : small,
            TypeId.Int8 => edge ? new[] { long.MinValue, long.MaxValue }[rng.Next(2)] : (long)small,
            TypeId.Date => new PgDate(edge ? new[] { int.MinValue, int.MaxValue }[rng.Next(2)] : small),
            TypeId.Timestamp => new PgTimestamp(edge ? new[] { long.MinValue, long.MaxValue }[rng.Next(2)] : small),
            _ => new PgTimestampTz(edge ? new[] { long.MinValue, long.MaxValue }[rng.Next(2)] : small),
        };
    }

    private static List<(string Key, long RowId)> Listed(IEnumerable<(object?[] Key, long RowId)> entries) =>
        entries.Select(e => (string.Join("|", e.Key.Select(v => v is null ? "NULL" : $"{v.GetType().Name}:{v}")), e.RowId)).ToList();

    private static Bound<object?[]> RandomBound(Random rng, TypeId type) => rng.Next(5) switch
    {
        0 => default,
        1 => rng.Next(2) == 0 ? Bound.Inclusive<object?[]>([]) : Bound.Exclusive<object?[]>([]),
        2 => Bound.Exclusive<object?[]>([Value(rng, type)]),
        _ => Bound.Inclusive<object?[]>([Value(rng, type)]),
    };

    [Theory]
    [MemberData(nameof(CompactTypes))]
    public void A_compact_index_answers_as_an_index_of_key_arrays(TypeId type)
    {
        var rng = new Random((int)type * 17 + 5);
        var general = new KeyComparer([type]);
        var token = new WriteToken();
        var compact = IndexStore.Empty(general);
        var reference = IndexStore.Empty(new GenericOnly(general));
        Assert.True(compact.IsCompact);
        Assert.False(reference.IsCompact);
        var live = new List<(object? Key, long RowId)>();
        for (var rowId = 1L; rowId <= 3000; rowId++)
        {
            object?[] key = [Value(rng, type)];
            var expected = reference.ContainsKey(key);
            reference = reference.Add(key, rowId, token);
            compact = compact.AddUnique(key, rowId, token, out var duplicate);
            Assert.Equal(expected, duplicate);
            live.Add((key[0], rowId));
            if (rowId % 7 == 0)
            {
                // Remove one, move one to a new row id, remove a batch.
                var at = rng.Next(live.Count);
                reference = reference.Remove([live[at].Key], live[at].RowId, token);
                compact = compact.Remove([live[at].Key], live[at].RowId, token);
                live.RemoveAt(at);
                at = rng.Next(live.Count);
                var moved = ++rowId;
                reference = reference.MoveRow([live[at].Key], live[at].RowId, moved, token);
                compact = compact.MoveRow([live[at].Key], live[at].RowId, moved, token);
                live[at] = (live[at].Key, moved);
            }
        }
        var batch = live.Where((_, i) => i % 5 == 0).Select(e => ((object?[])[e.Key], e.RowId)).ToList();
        reference = reference.RemoveMany(batch, token);
        compact = compact.RemoveMany(batch, token);
        // A cascade's removal by rows: the key is the row's second column, NULLs included.
        var left = live.Where((_, i) => i % 5 != 0).ToList();
        var rows = left.Where((_, i) => i % 4 == 0).Select(e => (e.RowId, (object?[])["other", e.Key])).ToList();
        reference = reference.RemoveRowsOfColumn(rows, 1, token);
        compact = compact.RemoveRowsOfColumn(rows, 1, token);
        Assert.Throws<KeyNotFoundException>(() => compact.RemoveRowsOfColumn(rows, 1, token));
        Assert.Throws<KeyNotFoundException>(() => reference.RemoveRowsOfColumn(rows, 1, token));
        compact.Validate();
        Assert.Equal(reference.Count, compact.Count);
        Assert.Equal(Listed(reference.All()), Listed(compact.All()));
        Assert.Equal(Listed(reference.SeekPrefix([])), Listed(compact.SeekPrefix([])));
        for (var i = 0; i < 300; i++)
        {
            object?[] key = [Value(rng, type)];
            Assert.Equal(reference.Seek(key).ToList(), compact.Seek(key).ToList());
            Assert.Equal(reference.TrySeekFirst(key, out var a), compact.TrySeekFirst(key, out var b));
            Assert.Equal(a, b);
            var lower = RandomBound(rng, type);
            var upper = RandomBound(rng, type);
            Assert.Equal(Listed(reference.Range(lower, upper)), Listed(compact.Range(lower, upper)));
            Assert.Equal(Listed(reference.RangeDescending(lower, upper)), Listed(compact.RangeDescending(lower, upper)));
            Assert.Equal(reference.RangeRowIds(lower, upper).ToList(), compact.RangeRowIds(lower, upper).ToList());
        }
    }

    [Fact]
    public void A_key_of_another_integer_width_finds_what_it_equals()
    {
        var token = new WriteToken();
        var index = IndexStore.Empty(new KeyComparer([TypeId.Int2]))
            .Add([(short)5], 1, token).Add([(short)-3], 2, token).Add([null], 3, token);
        Assert.Equal([1L], index.Seek([5L]).ToList());
        Assert.Equal([2L], index.Seek([-3]).ToList());
        Assert.Empty(index.Seek([100_000L]).ToList());
        Assert.Equal([3L], index.Seek([null]).ToList());
        Assert.Equal([(short)-3, (short)5, null], index.All().Select(e => e.Key[0]).ToList());
    }

    [Fact]
    public void Descending_or_nulls_first_orders_and_other_types_keep_key_arrays()
    {
        Assert.False(IndexStore.Empty(new KeyComparer([TypeId.Int4], descending: [true])).IsCompact);
        Assert.False(IndexStore.Empty(new KeyComparer([TypeId.Int4], nullsFirst: [true])).IsCompact);
        Assert.False(IndexStore.Empty(new KeyComparer([TypeId.Int4, TypeId.Int4])).IsCompact);
        Assert.False(IndexStore.Empty(new KeyComparer([TypeId.Text])).IsCompact);
        Assert.False(IndexStore.Empty(new KeyComparer([TypeId.Numeric])).IsCompact);
    }

    [Theory]
    [MemberData(nameof(CompactTypes))]
    public void Build_sorts_entries_as_adding_them_does(TypeId type)
    {
        var rng = new Random((int)type);
        var token = new WriteToken();
        var general = new KeyComparer([type]);
        var entries = Enumerable.Range(1, 500).Select(i => ((object?[])[Value(rng, type)], (long)i)).ToList();
        var built = IndexStore.Build(entries, general, token);
        var added = entries.Aggregate(IndexStore.Empty(new GenericOnly(general)), (index, e) => index.Add(e.Item1, e.Item2, token));
        Assert.True(built.IsCompact);
        built.Validate();
        Assert.Equal(Listed(added.All()), Listed(built.All()));
    }
}

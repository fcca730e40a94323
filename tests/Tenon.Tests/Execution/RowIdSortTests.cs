using Tenon.Execution.Plan;

namespace Tenon.Tests.Execution;

/// <summary>RowIdSort orders row ids ascending and keeps each id's tag with it, whichever way it sorts.</summary>
public sealed class RowIdSortTests
{
    [Theory]
    [InlineData(0, 0, 10, 5)]
    [InlineData(1, 1, 10, 5)]
    [InlineData(2, 50, 1000, 40)]
    [InlineData(3, 5000, 200_000, 3000)]
    [InlineData(4, 5000, 1L << 40, 100_000)]
    [InlineData(5, 70_000, 150_000, 1000)]
    [InlineData(6, 300, long.MaxValue / 2, int.MaxValue)]
    public void Sorts_ids_with_their_tags(int seed, int count, long idRange, int tagRange)
    {
        var random = new Random(seed);
        var ids = new long[count + 3];
        var tags = new int[count + 3];
        var pairs = new List<(long Id, int Tag)>();
        for (var i = 0; i < count; i++)
        {
            // Repeated ids (a row matched by two probes) carry different tags.
            ids[i] = i > 0 && random.Next(10) == 0 ? ids[i - 1] : 1 + random.NextInt64(idRange);
            tags[i] = random.Next(tagRange);
            pairs.Add((ids[i], tags[i]));
        }
        // Entries past count stay where they are.
        ids[count] = -1;
        tags[count] = -1;
        RowIdSort.Sort(ids, tags, count);
        for (var i = 1; i < count; i++) Assert.True(ids[i - 1] <= ids[i]);
        var sorted = Enumerable.Range(0, count).Select(i => (ids[i], tags[i])).OrderBy(p => p.Item1).ThenBy(p => p.Item2).ToList();
        Assert.Equal(pairs.OrderBy(p => p.Id).ThenBy(p => p.Tag).ToList(), sorted);
        Assert.Equal(-1, ids[count]);
        Assert.Equal(-1, tags[count]);
    }

    [Fact]
    public void Already_sorted_ids_stay()
    {
        long[] ids = [1, 2, 2, 5, 9];
        int[] tags = [3, 1, 0, 2, 7];
        RowIdSort.Sort(ids, tags, ids.Length);
        Assert.Equal([1L, 2, 2, 5, 9], ids);
        Assert.Equal([3, 1, 0, 2, 7], tags);
    }
}

using Tenon.Execution.Plan;
using Xunit;

namespace Tenon.Tests.Execution;

/// <summary>The integer hash table of hash joins: chains per key, across growth and for extreme keys.</summary>
public sealed class IntegerKeyChainsTests
{
    [Fact]
    public void ChainsSurviveGrowthAndExtremeKeys()
    {
        // Sized for 2 keys, given thousands: it grows many times.
        var table = new IntegerKeyChains(2);
        var keys = new List<long> { long.MinValue, long.MaxValue, 0, -1, 1L << 32, -(1L << 40) };
        for (var k = 1; k <= 5000; k++) keys.Add(k * 65536L);
        var last = new Dictionary<long, int>();
        var next = new int[keys.Count * 2];
        for (var row = 0; row < keys.Count * 2; row++)
        {
            var key = keys[row % keys.Count];
            var previous = table.Append(key, row);
            Assert.Equal(last.TryGetValue(key, out var p) ? p : -1, previous);
            last[key] = row;
        }
        for (var i = 0; i < keys.Count; i++)
            Assert.Equal(i, table.First(keys[i]));
        Assert.Equal(-1, table.First(12345));
        Assert.Equal(-1, table.First(long.MinValue + 1));
    }
}

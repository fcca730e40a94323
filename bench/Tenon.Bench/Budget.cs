using System.Diagnostics;

namespace Tenon.Bench;

/// <summary>The time limit of one timed phase; the phase stops between units once it has passed.</summary>
public sealed class Budget(TimeSpan limit)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public bool Expired => _watch.Elapsed > limit;

    public double Seconds => _watch.Elapsed.TotalSeconds;
}

namespace Tenon.Bench;

public enum Outcome
{
    /// <summary>Ran to the end and its checks passed.</summary>
    Ok,
    /// <summary>Stopped by the time budget after <see cref="Measurement.Done"/> units; the checks passed for what was done.</summary>
    Capped,
    /// <summary>The engine cannot run this workload (e.g. durable commits without durable storage).</summary>
    NotAvailable,
    /// <summary>An error or a failed correctness check.</summary>
    Failed,
}

/// <summary>
/// One workload's timed phase on one engine. Only the phase itself is timed (its statements,
/// BEGIN and COMMIT); setup and the correctness checks are not.
/// </summary>
public sealed record Measurement(
    string Key, string Title, string Unit, long Planned, long Done, double Seconds, Outcome Outcome, string? Note = null)
{
    /// <summary>Seconds per unit: the basis of every ratio, so a capped run compares fairly with a full one.</summary>
    public double SecondsPerUnit => Done > 0 ? Seconds / Done : double.NaN;

    public double UnitsPerSecond => Seconds > 0 ? Done / Seconds : double.PositiveInfinity;

    public bool HasTiming => Outcome is Outcome.Ok or Outcome.Capped && Done > 0;
}

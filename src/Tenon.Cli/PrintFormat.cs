namespace Tenon.Cli;

/// <summary>\pset format values we implement.</summary>
internal enum PrintFormat
{
    Aligned,
    Unaligned,
    Csv,
}

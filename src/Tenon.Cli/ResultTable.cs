namespace Tenon.Cli;

/// <summary>
/// A result set in printable form: header texts, which columns are right-aligned, and cell texts (null for NULL).
/// <see cref="Title"/> prints above the table; <see cref="Footers"/>, when given, replace the "(N rows)" footer
/// (psql's printTableContent title and footers, as the describe commands fill them).
/// </summary>
internal sealed record ResultTable(IReadOnlyList<string> Headers, IReadOnlyList<bool> RightAligned, IReadOnlyList<string?[]> Rows)
{
    public string? Title { get; init; }

    public IReadOnlyList<string>? Footers { get; init; }
}

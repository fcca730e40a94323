namespace Tenon.Cli;

/// <summary>A result set in printable form: header texts, which columns are right-aligned, and cell texts (null for NULL).</summary>
internal sealed record ResultTable(IReadOnlyList<string> Headers, IReadOnlyList<bool> RightAligned, IReadOnlyList<string?[]> Rows);

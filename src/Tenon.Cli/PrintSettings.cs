namespace Tenon.Cli;

/// <summary>The \pset options that shape result tables (psql's printQueryOpt, the parts we support).</summary>
internal sealed class PrintSettings
{
    public PrintFormat Format { get; set; } = PrintFormat.Aligned;

    /// <summary>0, 1 or 2, as \pset border.</summary>
    public int Border { get; set; } = 1;

    public bool Expanded { get; set; }
    public bool TuplesOnly { get; set; }
    public bool Footer { get; set; } = true;

    /// <summary>What a NULL prints as (\pset null); empty by default.</summary>
    public string NullDisplay { get; set; } = "";

    public string FieldSeparator { get; set; } = "|";
    public string CsvFieldSeparator { get; set; } = ",";
    public string RecordSeparator { get; set; } = "\n";
    public string? Title { get; set; }

    /// <summary>These settings with expanded display off (psql describes a relation in table form always).</summary>
    public PrintSettings NotExpanded()
    {
        var copy = (PrintSettings)MemberwiseClone();
        copy.Expanded = false;
        return copy;
    }
}

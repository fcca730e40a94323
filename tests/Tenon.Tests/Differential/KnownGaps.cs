namespace Tenon.Tests.Differential;

/// <summary>tests/sql/known-gaps.txt: scripts whose output does not match PostgreSQL yet, one per line.</summary>
internal static class KnownGaps
{
    public static HashSet<string> Scripts { get; } = Load();

    private static HashSet<string> Load()
    {
        var path = Path.Combine(SqlScripts.Directory, "known-gaps.txt");
        return File.Exists(path)
            ? File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet()
            : new HashSet<string>();
    }
}

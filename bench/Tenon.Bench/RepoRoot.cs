namespace Tenon.Bench;

internal static class RepoRoot
{
    /// <summary>The directory holding Tenon.slnx, searched upwards from the working directory and from the program's.</summary>
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Tenon.slnx"))) return dir.FullName;
        }
        return null;
    }
}

namespace Tenon.Tests.Differential;

/// <summary>Finds the differential SQL scripts: every <c>tests/sql/**/*.sql</c> of the repository.</summary>
internal static class SqlScripts
{
    /// <summary>The repository root: the nearest ancestor of the test assembly holding Tenon.slnx.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Directory => Path.Combine(RepositoryRoot, "tests", "sql");

    /// <summary>Script paths relative to <see cref="Directory"/>, with '/' separators, sorted.</summary>
    public static IReadOnlyList<string> All() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory, "*.sql", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(Directory, p).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    public static string FullPath(string relative) => Path.Combine(Directory, relative);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tenon.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"Tenon.slnx not found above {AppContext.BaseDirectory}");
    }
}

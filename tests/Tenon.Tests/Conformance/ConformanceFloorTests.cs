using Tenon.Conformance;

namespace Tenon.Tests.Conformance;

/// <summary>
/// PostgreSQL's own regression files, run as pg_regress runs them (psql against tenon serve):
/// no file may fall below the
/// number of matching statements recorded in tests/pg-regress/floors.txt.
/// </summary>
public class ConformanceFloorTests
{
    private static readonly string CorpusDir = Path.Combine(RepositoryRoot(), "tests", "pg-regress");
    private static readonly Dictionary<string, int> Floors = ConformanceFloors.Read(Path.Combine(CorpusDir, "floors.txt"));

    public static TheoryData<string> Files() => new(new RegressCorpus(CorpusDir).TestNames);

    [Theory]
    [MemberData(nameof(Files))]
    public void Regression_file_stays_at_or_above_its_floor(string name)
    {
        // As the report measures: PostgreSQL's psql against tenon serve (the in-process shell when psql is absent).
        IRegressBackend backend = WireBackend.FindPsql() is null ? new InProcessBackend() : new WireBackend();
        var run = new ConformanceRun(new RegressCorpus(CorpusDir), backend, TimeSpan.FromSeconds(120));
        var result = run.RunFile(name);
        Assert.True(Floors.ContainsKey(name), $"{name} has no floor in tests/pg-regress/floors.txt");
        Assert.True(result.Matched >= Floors[name],
            $"{name}: {result.Matched} statements match PostgreSQL, below the floor of {Floors[name]}. {result.Failure}");
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tenon.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("repository root (Tenon.slnx) not found");
    }
}

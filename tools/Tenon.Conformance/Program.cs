using System.Globalization;
using Tenon.Conformance;

// tenon conformance: runs PostgreSQL's regression files against Tenon and writes docs/CONFORMANCE.md.
//   --corpus DIR        regression files (default: tests/pg-regress under the repository root)
//   --out FILE          report path (default: docs/CONFORMANCE.md); --no-report to skip it
//   --only a,b          run only these files
//   --dump DIR          write each file's output (NAME.out) and statement diffs (NAME.diff) to DIR
//   --update-floors     raise tests/pg-regress/floors.txt to this run's counts
//   --backend wire|inprocess   psql against tenon serve (default, as pg_regress), or the in-process shell
var root = FindRepositoryRoot();
string corpusDir = Path.Combine(root, "tests", "pg-regress");
string? reportPath = Path.Combine(root, "docs", "CONFORMANCE.md");
string? dumpDir = null;
string[]? only = null;
var updateFloors = false;
var backendName = "wire";
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--corpus": corpusDir = args[++i]; break;
        case "--out": reportPath = args[++i]; break;
        case "--no-report": reportPath = null; break;
        case "--only": only = args[++i].Split(','); break;
        case "--dump": dumpDir = args[++i]; break;
        case "--update-floors": updateFloors = true; break;
        case "--backend": backendName = args[++i]; break;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}");
            return 2;
    }
}

var corpus = new RegressCorpus(corpusDir);
IRegressBackend backend = backendName switch
{
    "wire" => new WireBackend(),
    "inprocess" => new InProcessBackend(),
    _ => throw new ArgumentException($"unknown backend {backendName} (wire or inprocess)"),
};
var run = new ConformanceRun(corpus, backend, TimeSpan.FromSeconds(120));
var results = new List<FileResult>();
foreach (var name in only ?? corpus.TestNames.ToArray())
{
    var r = run.RunFile(name);
    results.Add(r);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-20} {r.Matched,5} / {r.Total,-5} {r.Percent,5:0.0}%  {r.Elapsed.TotalSeconds,6:0.0}s {r.Failure}"));
    if (dumpDir is not null) Dump(dumpDir, r);
}
var matched = results.Sum(r => r.Matched);
var total = results.Sum(r => r.Total);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overall {matched} / {total} ({(total == 0 ? 0 : 100.0 * matched / total):0.0}%)"));
if (reportPath is not null && only is null)
{
    File.WriteAllText(reportPath, ConformanceReport.Markdown(results, run.Backend.Description));
    Console.WriteLine($"wrote {reportPath}");
}
if (updateFloors)
{
    var floorsPath = Path.Combine(corpus.Directory, "floors.txt");
    var floors = ConformanceFloors.Read(floorsPath);
    foreach (var r in results) floors[r.Name] = Math.Max(floors.GetValueOrDefault(r.Name), r.Matched);
    ConformanceFloors.Write(floorsPath, floors);
    Console.WriteLine($"updated {floorsPath}");
}
return 0;

static void Dump(string dir, FileResult r)
{
    Directory.CreateDirectory(dir);
    File.WriteAllText(Path.Combine(dir, r.Name + ".out"), r.Output);
    using var diff = new StreamWriter(Path.Combine(dir, r.Name + ".diff"));
    foreach (var o in r.Outcomes.Where(o => !o.Matched))
    {
        diff.WriteLine($"@@ line {o.Statement.FirstLine + 1}: {FirstLine(o.Statement.Text)}");
        foreach (var l in o.Expected) diff.WriteLine("- " + l);
        foreach (var l in o.Actual) diff.WriteLine("+ " + l);
    }
}

static string FirstLine(string s) => s.Split('\n')[0];

static string FindRepositoryRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tenon.slnx"))) dir = dir.Parent;
    return dir?.FullName ?? Directory.GetCurrentDirectory();
}

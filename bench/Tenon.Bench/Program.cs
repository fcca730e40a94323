using Tenon.Bench;
using Tenon.Bench.Engines;
using Tenon.Bench.Workloads;

Options options;
try
{
    options = Options.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Options.Usage);
    return 2;
}
if (options.Help)
{
    Console.WriteLine(Options.Usage);
    return 0;
}

var repoRoot = RepoRoot.Find();
var sizes = new Sizes(options.Scale);
var log = (string s) => Console.Error.WriteLine(s);
var machine = MachineInfo.Describe(repoRoot).ToList();

if (options.ScaleCheck)
{
    var (scaling, scalingFailed) = ScaleCheck.Run(options.Scale, options.Budget, options.Warmup, log);
    var text = "### Machine and software\n\n" + string.Concat(machine.Select(m => $"- {m.Item1}: {m.Item2}\n")) +
               $"\nCommand: `dotnet run -c Release --project bench/Tenon.Bench -- --scale-check {options.Describe()}`\n\n" + scaling;
    Console.WriteLine(text);
    if (options.OutFile is not null) File.WriteAllText(options.OutFile, text);
    return scalingFailed ? 1 : 0;
}

PostgresInstance? postgres = null;
string? postgresUnavailable = null;
if (options.Engines.Contains("postgres"))
{
    try
    {
        log("starting a private PostgreSQL 15 on loopback...");
        postgres = PostgresInstance.TryStart(out postgresUnavailable);
    }
    catch (Exception e)
    {
        postgresUnavailable = "could not start PostgreSQL: " + e.Message;
    }
    if (postgres is not null)
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => postgres.Dispose();
        Console.CancelKeyPress += (_, _) => postgres.Dispose();
        machine.Add(("PostgreSQL", postgres.Version + " (loopback TCP, fsync/synchronous_commit on, shared_buffers 256MB)"));
    }
}

var runs = new List<EngineRun>();
try
{
    foreach (var engine in options.Engines)
    {
        var (name, open, skipped) = Engines(engine);
        if (open is null)
        {
            log($"[{name}] skipped: {skipped}");
            runs.Add(new EngineRun(name, null, skipped));
            continue;
        }
        try
        {
            if (options.Warmup)
            {
                log($"[{name}] warm-up...");
                WarmUp.Run(open);
            }
            using var db = open();
            if (db is NpgsqlDb { Name: TenonServerHook.Name } && options.TenonServer is null && !machine.Any(m => m.Item1 == "Tenon server"))
                machine.Add(("Tenon server", TenonServerHook.Describe));
            if (db is SqliteDb && !machine.Any(m => m.Item1 == "SQLite"))
                machine.Add(("SQLite", db.QueryOnce("SELECT sqlite_version()")[0][0] + " (foreign_keys=ON; WAL file in /tmp with synchronous=FULL)"));
            runs.Add(new EngineRun(name, new Suite(db, sizes, options.Budget, log, options.Rounds).RunAll()));
        }
        catch (Exception e)
        {
            log($"[{name}] could not run: {e.Message}");
            runs.Add(new EngineRun(name, null, "could not run: " + e.Message));
        }
        GC.Collect();
    }
}
finally
{
    postgres?.Dispose();
    TenonServerHook.Stop();
}

MemoryResult? memory = null;
if (options.Memory)
{
    try
    {
        memory = MemoryCheck.Run(sizes.Children, log);
    }
    catch (Exception e)
    {
        log($"[memory] could not run: {e.Message}");
        memory = new MemoryResult(sizes.Children, null, null, null, (e is CheckFailedException ? "wrong result: " : "could not run: ") + e.Message);
    }
}

var command = "dotnet run -c Release --project bench/Tenon.Bench -- " + options.Describe();
var report = Report.Build(runs, machine, command, sizes, options.Budget, memory);
Console.WriteLine(report);
if (options.OutFile is not null) File.WriteAllText(options.OutFile, report);
return runs.Any(r => r.Results?.Any(m => m.Outcome == Outcome.Failed) == true) || memory?.Note?.StartsWith("wrong", StringComparison.Ordinal) == true ? 1 : 0;

(string Name, Func<IBenchDb>? Open, string? Skipped) Engines(string engine) => engine switch
{
    "tenon" => ("Tenon", () => new TenonDb(), null),
    "tenon-ado" => (TenonAdoDb.EngineName, () => new TenonAdoDb(), null),
    "tenon-file" => (TenonDb.FileName, () => TenonDb.File(Path.Combine("/tmp", "tenon-bench-file")), null),
    "sqlite-mem" => ("SQLite :memory:", SqliteDb.InMemory, null),
    "sqlite-wal" => ("SQLite WAL FULL", () => SqliteDb.WalFile(Path.Combine("/tmp", "tenon-bench-sqlite")), null),
    "postgres" => postgres is null
        ? ("PostgreSQL 15", null, postgresUnavailable)
        : ("PostgreSQL 15", () => new NpgsqlDb("PostgreSQL 15", postgres.ConnectionString, durable: true), null),
    "tenon-server" => TenonServerHook.Engine(options.TenonServer, repoRoot),
    _ => throw new ArgumentException(engine),
};

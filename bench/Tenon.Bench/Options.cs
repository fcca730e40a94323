using System.Globalization;

namespace Tenon.Bench;

/// <summary>Command-line options; see <see cref="Usage"/>.</summary>
public sealed class Options
{
    public static readonly string[] AllEngines = ["tenon", "tenon-ado", "tenon-file", "sqlite-mem", "sqlite-wal", "postgres", "tenon-server"];

    public double Scale { get; private set; } = 1.0;
    public TimeSpan Budget { get; private set; } = TimeSpan.FromSeconds(60);
    public bool Quick { get; private set; }
    public bool Warmup { get; private set; } = true;
    public IReadOnlyList<string> Engines { get; private set; } = AllEngines;
    public string? TenonServer { get; private set; }
    public string? OutFile { get; private set; }
    public bool Help { get; private set; }
    public bool ScaleCheck { get; private set; }
    public bool Memory { get; private set; } = true;

    /// <summary>Most rounds of a group of short workloads (see <see cref="Workloads.Suite"/>); each workload keeps its fastest.</summary>
    public int Rounds { get; private set; } = 3;

    public const string Usage = """
        Tenon.Bench: runs workloads W1..W9 on Tenon (in memory, on a file, as a server), SQLite and
        PostgreSQL 15 side by side, and measures the room 1M child rows take.

          --scale X            multiply the workload sizes by X (default 1: 100k parents, 1M children...)
          --quick              smoke test: --scale 0.01 --budget 10, no warm-up, one round
          --budget SECONDS     time limit of each timed phase; a phase that reaches it stops and is
                               reported as capped, with its rate (default 60)
          --engines LIST       comma-separated subset of tenon,tenon-ado,tenon-file,sqlite-mem,sqlite-wal,postgres,tenon-server
          --tenon-server H:P   measure a Tenon wire server already running at H:P (default: one the benchmark
                               starts in process on a free loopback port, over a durable file database)
          --no-memory          skip the memory measurement (child rows in Tenon's heap and files vs SQLite's file)
          --scale-check        instead of the comparison: W1..W8 on Tenon at the scale and at 10x it, and how
                               the cost per row grows (try --scale-check --scale 0.1)
          --out FILE           also write the results (markdown) to FILE
          --no-warmup          skip the warm-up pass (a tiny run of every workload before timing)
          --rounds N           run a group of workloads up to N times, from scratch, while its rounds so
                               far took under 10 s in all, and keep each workload's fastest round (default 3)
        """;

    public static Options Parse(string[] args)
    {
        var o = new Options();
        double? scale = null;
        TimeSpan? budget = null;
        int? rounds = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--scale":
                    scale = double.Parse(Value(), CultureInfo.InvariantCulture);
                    if (scale <= 0) throw new ArgumentException("--scale must be positive");
                    break;
                case "--quick": o.Quick = true; break;
                case "--budget": budget = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture)); break;
                case "--engines":
                    o.Engines = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    foreach (var e in o.Engines)
                        if (!AllEngines.Contains(e)) throw new ArgumentException($"unknown engine {e}");
                    break;
                case "--tenon-server": o.TenonServer = Value(); break;
                case "--out": o.OutFile = Value(); break;
                case "--no-warmup": o.Warmup = false; break;
                case "--no-memory": o.Memory = false; break;
                case "--scale-check": o.ScaleCheck = true; break;
                case "--rounds":
                    rounds = int.Parse(Value(), CultureInfo.InvariantCulture);
                    if (rounds < 1) throw new ArgumentException("--rounds must be at least 1");
                    break;
                case "-h" or "--help": o.Help = true; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (o.Quick)
        {
            o.Scale = 0.01;
            o.Budget = TimeSpan.FromSeconds(10);
            o.Warmup = false;
            o.Rounds = 1;
        }
        if (scale is double s) o.Scale = s;
        if (budget is TimeSpan b) o.Budget = b;
        if (rounds is int r) o.Rounds = r;
        return o;
    }

    /// <summary>The command line that reproduces this run, for the report.</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"--scale {Scale} --budget {Budget.TotalSeconds}") +
        (Warmup ? "" : " --no-warmup") +
        (Memory ? "" : " --no-memory") +
        (Rounds == 3 ? "" : string.Create(CultureInfo.InvariantCulture, $" --rounds {Rounds}")) +
        (Engines.Count == AllEngines.Length ? "" : " --engines " + string.Join(',', Engines));
}

using Tenon.Bench.Engines;
using Tenon.Bench.Workloads;

namespace Tenon.Bench;

/// <summary>
/// Brings an engine to its steady state before anything is timed. .NET compiles a method first
/// without optimization and recompiles it, optimized with the profile it gathered, only after it
/// has been called 30 times and the process has gone 100 ms without compiling anything new; the
/// recompilation then runs on a background thread. A single tiny pass therefore leaves the hot
/// paths unoptimized (Tenon's W1 ran 3× slower per row in its first 100k rows than in the next).
/// So: several small passes, each on a fresh database, with pauses that let the background
/// compiler finish. SQLite and PostgreSQL get the same passes (their page caches and the Npgsql
/// and Microsoft.Data.Sqlite wrappers warm the same way).
/// </summary>
public static class WarmUp
{
    private const int Passes = 3;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);

    public static void Run(Func<IBenchDb> open)
    {
        for (var pass = 0; pass < Passes; pass++)
        {
            using (var warm = open())
                new Suite(warm, new Sizes(0.005), TimeSpan.FromSeconds(30)).RunAll();
            Thread.Sleep(Pause);
        }
    }
}

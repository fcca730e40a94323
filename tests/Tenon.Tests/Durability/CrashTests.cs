using System.Diagnostics;
using System.Text;

namespace Tenon.Tests.Durability;

/// <summary>
/// A separate process (the tenon shell on a file database) commits transactions, each inserting a
/// parent with its children under ON DELETE CASCADE and deleting the parent of five transactions
/// earlier (whose children the cascade removes), and reports each COMMIT once it returned
/// (\warn goes to stderr unbuffered). It is killed with SIGKILL at a random moment; the database
/// is reopened and must hold exactly the work of the last acknowledged transaction or of the one
/// after it (committed, not yet acknowledged): every parent with all its children, no orphans,
/// and a serial that goes on past every id handed out.
/// </summary>
public sealed class CrashTests
{
    private const int Children = 3;
    private const int Window = 5;

    [Fact]
    public void KilledWriterLosesNoAcknowledgedCommitAndLeavesNoPartialOne()
    {
        if (OperatingSystem.IsWindows()) return; // Process.Kill is TerminateProcess there, not a signal; the logic is the same
        using var dir = new TempDir();
        var path = dir.File("crash.tenon");
        using (var db = Database.Open(path))
            DbText.Run(db, """
                CREATE TABLE parent (id int PRIMARY KEY, label text NOT NULL);
                CREATE TABLE child (id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES parent ON DELETE CASCADE, n int NOT NULL);
                CREATE INDEX child_parent ON child (parent_id)
                """);
        var cli = Path.Combine(AppContext.BaseDirectory, "Tenon.Cli.dll");
        var rng = new Random(20240605);
        var next = 1;
        var stopwatch = Stopwatch.StartNew();
        var rounds = 0;
        var killedMidway = 0;
        while (rounds < 10 && stopwatch.Elapsed < TimeSpan.FromSeconds(14))
        {
            rounds++;
            var script = dir.File($"round{rounds}.sql");
            var sb = new StringBuilder();
            // Long enough that the kill, not the end of the script, ends almost every round.
            for (var k = next; k < next + 5000; k++)
            {
                sb.Append($"BEGIN;\nINSERT INTO parent VALUES ({k}, 'p{k}');\n");
                sb.Append($"INSERT INTO child (parent_id, n) SELECT {k}, g FROM generate_series(1, {Children}) g;\n");
                sb.Append($"DELETE FROM parent WHERE id = {k - Window};\nCOMMIT;\n\\warn ack {k}\n");
            }
            File.WriteAllText(script, sb.ToString());
            var acked = next - 1;
            var psi = new ProcessStartInfo("dotnet", ["exec", cli, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", script, path])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using (var p = Process.Start(psi)!)
            {
                var gate = new object();
                var errors = new StringBuilder();
                using var committing = new ManualResetEventSlim();
                p.ErrorDataReceived += (_, e) =>
                {
                    if (e.Data is null) return;
                    lock (gate)
                    {
                        if (e.Data.StartsWith("ack ")) acked = int.Parse(e.Data[4..]);
                        else errors.AppendLine(e.Data);
                    }
                    committing.Set();
                };
                p.OutputDataReceived += (_, _) => { };
                p.BeginErrorReadLine();
                p.BeginOutputReadLine();
                // The random moment is counted from the first acknowledged commit, so that a slow
                // start (a loaded machine) does not use up the round before anything was committed.
                committing.Wait(TimeSpan.FromSeconds(20));
                var killed = !p.WaitForExit(rng.Next(100, 1800));
                if (killed)
                {
                    p.Kill(); // SIGKILL on Unix
                    killedMidway++;
                }
                p.WaitForExit();
                lock (gate) Assert.True(errors.Length == 0, errors.ToString());
            }
            // Reopen and check: the state after `acked`, or after `acked + 1` (committed, ack lost).
            using var db = Database.Open(path);
            var parents = DbText.Query(db, "SELECT id FROM parent ORDER BY id").Select(int.Parse).ToList();
            var last = parents.Count == 0 ? acked : parents.Max();
            Assert.True(last == acked || last == acked + 1, $"round {rounds}: acknowledged {acked}, found parents up to {last}");
            var expected = Enumerable.Range(Math.Max(1, last - Window + 1), Math.Min(last, Window)).ToList();
            Assert.Equal(expected, parents);
            Assert.Equal(parents.Select(id => $"{id}|{Children}").ToList(),
                DbText.Query(db, "SELECT parent_id, count(*) FROM child GROUP BY parent_id ORDER BY parent_id"));
            Assert.Equal(["0"], DbText.Query(db, "SELECT count(*) FROM child c WHERE NOT EXISTS (SELECT 1 FROM parent p WHERE p.id = c.parent_id)"));
            // nextval goes on past every id the killed process used.
            var maxChild = DbText.Query(db, "SELECT coalesce(max(id), 0) FROM child").Single();
            var fresh = DbText.Query(db, "SELECT nextval('child_id_seq')").Single();
            Assert.True(long.Parse(fresh) > long.Parse(maxChild));
            next = last + 1;
        }
        Assert.True(killedMidway >= 3, $"only {killedMidway} of {rounds} rounds were killed before finishing");
        Assert.True(next > 20, $"only {next - 1} transactions committed in {rounds} rounds");
    }
}

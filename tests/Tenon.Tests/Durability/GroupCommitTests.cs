using System.Collections.Concurrent;
using System.Diagnostics;
using Tenon.Errors;

namespace Tenon.Tests.Durability;

/// <summary>
/// Group commit under synchronous = full (docs/DURABILITY.md): one fsync acknowledges several
/// concurrent commits; a commit becomes visible only once durable, yet the next writer may build
/// on it; a failed fsync acknowledges nothing more. The fsync is observed and slowed or failed
/// through the store's fault hook.
/// </summary>
public sealed class GroupCommitTests
{
    private static readonly DatabaseOptions Full = new() { Synchronous = SynchronousMode.Full, CheckpointOnClose = false };

    [Fact]
    public void ConcurrentCommitsShareFsyncsAndAllSurviveReopen()
    {
        const int threads = 8, commits = 25;
        using var dir = new TempDir();
        var path = dir.File("group.tenon");
        var acknowledged = new ConcurrentBag<int>();
        long fsyncs;
        using (var db = Database.Open(path, Full))
        {
            DbText.Run(db, "CREATE TABLE t (id int PRIMARY KEY, worker int NOT NULL)");
            // A disk whose fsync takes 2 ms, as a real one may: the commits arriving meanwhile form the next group.
            db.StorageFaultHook = op => { if (op == "fsync") Thread.Sleep(2); };
            var before = db.LogFsyncs;
            var workers = Enumerable.Range(0, threads).Select(w => Start(() =>
            {
                using var s = db.CreateSession();
                for (var i = 0; i < commits; i++)
                {
                    var id = w * commits + i;
                    foreach (var _ in s.Execute($"INSERT INTO t VALUES ({id}, {w})")) { }
                    acknowledged.Add(id);
                }
            })).ToList();
            workers.ForEach(t => t.Join());
            Assert.Empty(_threadErrors);
            fsyncs = db.LogFsyncs - before;
            Assert.Equal([$"{threads * commits}"], DbText.Query(db, "SELECT count(*) FROM t"));
        }
        Assert.Equal(threads * commits, acknowledged.Count);
        Assert.True(fsyncs < threads * commits, $"{fsyncs} fsyncs for {threads * commits} commits");
        Assert.True(fsyncs > 0);
        using (var db = Database.Open(path, Full))
        {
            var ids = DbText.Query(db, "SELECT id FROM t ORDER BY id").Select(int.Parse).ToList();
            Assert.Equal(acknowledged.OrderBy(i => i), ids);
        }
    }

    [Fact]
    public void ACommitIsInvisibleUntilDurableButTheNextWriterBuildsOnIt()
    {
        using var dir = new TempDir();
        var path = dir.File("visible.tenon");
        using (var db = Database.Open(path, Full))
        {
            DbText.Run(db, "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (id int PRIMARY KEY, p int NOT NULL REFERENCES p)");
            using var fsyncStarted = new ManualResetEventSlim();
            using var release = new ManualResetEventSlim();
            db.StorageFaultHook = op =>
            {
                if (op != "fsync") return;
                fsyncStarted.Set();
                release.Wait();
            };
            var parent = Start(() => DbText.Run(db, "INSERT INTO p VALUES (1)"));
            Assert.True(fsyncStarted.Wait(TimeSpan.FromSeconds(10)));
            // Logged, not yet fsynced: readers do not see it, and the committer is still waiting.
            Assert.Equal(["0"], DbText.Query(db, "SELECT count(*) FROM p"));
            Assert.True(parent.IsAlive);
            // The next writer is not held up by the running fsync and may reference the parent.
            var child = Start(() => DbText.Run(db, "INSERT INTO c VALUES (10, 1)"));
            var deadline = Stopwatch.StartNew();
            while (db.WriterBase.Data.Count(d => d.Value.Rows.Count > 0) < 2 && deadline.Elapsed < TimeSpan.FromSeconds(10)) Thread.Sleep(5);
            Assert.True(child.IsAlive);
            Assert.Equal(["0"], DbText.Query(db, "SELECT count(*) FROM c"));
            release.Set();
            Assert.True(parent.Join(TimeSpan.FromSeconds(10)) && child.Join(TimeSpan.FromSeconds(10)));
            Assert.Empty(_threadErrors);
            Assert.Equal(["1|1"], DbText.Query(db, "SELECT (SELECT count(*) FROM p), (SELECT count(*) FROM c)"));
        }
        using (var db = Database.Open(path, Full))
            Assert.Equal(["10|1"], DbText.Query(db, "SELECT * FROM c"));
    }

    [Fact]
    public void AFailedFsyncAcknowledgesNothingMore()
    {
        using var dir = new TempDir();
        var path = dir.File("fsync.tenon");
        using (var db = Database.Open(path, Full))
        {
            DbText.Run(db, "CREATE TABLE t (id int PRIMARY KEY)");
            DbText.Run(db, "INSERT INTO t VALUES (1)");
            db.StorageFaultHook = op => { if (op == "fsync") throw new IOException("Input/output error", 5); };
            var ex = Assert.Throws<TenonException>(() => DbText.Run(db, "INSERT INTO t VALUES (2)"));
            Assert.Equal("58030", ex.SqlState);
            Assert.Contains("could not fsync file", ex.MessageText);
            // The unconfirmed commit is not shown to anyone, and no later commit is accepted.
            Assert.Equal(["1"], DbText.Query(db, "SELECT id FROM t"));
            db.StorageFaultHook = null;
            ex = Assert.Throws<TenonException>(() => DbText.Run(db, "INSERT INTO t VALUES (3)"));
            Assert.Equal("58030", ex.SqlState);
            Assert.Contains("cannot be written after an earlier write error", ex.MessageText);
        }
        // Reopened, the database holds a committed prefix: 1, and 2 if the disk kept it.
        using (var db = Database.Open(path, Full))
        {
            var ids = DbText.Query(db, "SELECT id FROM t ORDER BY id");
            Assert.True(ids is ["1"] or ["1", "2"], string.Join(",", ids));
            DbText.Run(db, "INSERT INTO t VALUES (4)");
        }
    }

    [Theory]
    [InlineData(SynchronousMode.Full)]
    [InlineData(SynchronousMode.Normal)]
    public void AFullDiskRollsTheCommitBackAndLaterCommitsWork(SynchronousMode mode)
    {
        using var dir = new TempDir();
        var path = dir.File("full.tenon");
        var options = new DatabaseOptions { Synchronous = mode, CheckpointOnClose = false };
        using (var db = Database.Open(path, options))
        {
            DbText.Run(db, "CREATE TABLE t (id int PRIMARY KEY)");
            db.StorageFaultHook = op => { if (op == "write") throw new IOException("No space left on device", 28); };
            var ex = Assert.Throws<TenonException>(() => DbText.Run(db, "INSERT INTO t VALUES (1)"));
            Assert.Equal("53100", ex.SqlState);
            Assert.Equal($"could not write to file \"{Path.GetFullPath(path)}-wal\": No space left on device", ex.MessageText);
            db.StorageFaultHook = op => { if (op == "write") throw new UnauthorizedAccessException("denied"); };
            ex = Assert.Throws<TenonException>(() => DbText.Run(db, "INSERT INTO t VALUES (1)"));
            Assert.Equal("42501", ex.SqlState);
            Assert.Contains("Permission denied", ex.MessageText);
            Assert.Equal(["0"], DbText.Query(db, "SELECT count(*) FROM t"));
            db.StorageFaultHook = null;
            DbText.Run(db, "INSERT INTO t VALUES (2)");
        }
        using (var db = Database.Open(path, options))
            Assert.Equal(["2"], DbText.Query(db, "SELECT id FROM t"));
    }

    [Fact]
    public void ADirectoryThatBecomesReadOnlyFailsCheckpointsAndOpensWith42501ButKeepsCommitting()
    {
        // Permission bits do not stop root, the immutable attribute does (chattr, Linux).
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDir();
        var path = dir.File("ro.tenon");
        using (var db = Database.Open(path, Full))
        {
            DbText.Run(db, "CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1)");
            if (!Chattr("+i", dir.Path)) return;
            try
            {
                var ex = Assert.Throws<TenonException>(db.Checkpoint);
                Assert.Equal("42501", ex.SqlState);
                Assert.Equal($"could not write file \"{Path.GetFullPath(path)}.tmp\": Permission denied", ex.MessageText);
                // The log is open already: commits go on.
                DbText.Run(db, "INSERT INTO t VALUES (2)");
                ex = Assert.Throws<TenonException>(() => Database.Open(dir.File("other.tenon")));
                Assert.Equal("42501", ex.SqlState);
                Assert.Equal($"could not create lock file \"{dir.File("other.tenon")}-lock\": Permission denied", ex.MessageText);
            }
            finally
            {
                Chattr("-i", dir.Path);
            }
        }
        using (var db = Database.Open(path, Full))
            Assert.Equal(["1", "2"], DbText.Query(db, "SELECT id FROM t ORDER BY id"));
    }

    private static bool Chattr(string flag, string path)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true, UseShellExecute = false })!;
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no chattr
        }
    }

    [Fact]
    public void ACheckpointOfALargeDatabaseDoesNotStallWriters()
    {
        using var dir = new TempDir();
        var path = dir.File("big.tenon");
        var options = new DatabaseOptions { Synchronous = SynchronousMode.Normal, CheckpointOnClose = false, CheckpointLogBytes = 0 };
        using var db = Database.Open(path, options);
        DbText.Run(db, "CREATE TABLE big (id int PRIMARY KEY, pad text NOT NULL); CREATE TABLE small (id int PRIMARY KEY)");
        DbText.Run(db, "INSERT INTO big SELECT g, repeat(md5(g::text), 4) FROM generate_series(1, 20000) g");
        // A slow disk: writing the snapshot takes at least 400 ms more, however fast the machine is.
        db.StorageFaultHook = op => { if (op == "snapshot") Thread.Sleep(400); };
        using var s = db.CreateSession();
        var checkpoint = Start(db.Checkpoint);
        var clock = Stopwatch.StartNew();
        var worst = TimeSpan.Zero;
        var during = 0;
        var done = 0;
        for (var i = 0; checkpoint.IsAlive || i < 5; i++, done++)
        {
            var start = clock.Elapsed;
            foreach (var _ in s.Execute($"INSERT INTO small VALUES ({i})")) { }
            var took = clock.Elapsed - start;
            if (took > worst) worst = took;
            if (checkpoint.IsAlive) during++;
        }
        checkpoint.Join();
        Assert.Empty(_threadErrors);
        var checkpointTime = clock.Elapsed;
        // The snapshot is written outside the append lock: commits go on, each waiting at most for
        // the short log switch, not for the whole checkpoint.
        Assert.True(during >= 3, $"{during} commits during a {checkpointTime.TotalMilliseconds:F0} ms checkpoint");
        Assert.True(worst < checkpointTime / 2,
            $"a commit waited {worst.TotalMilliseconds:F0} ms during a {checkpointTime.TotalMilliseconds:F0} ms checkpoint");
        db.StorageFaultHook = null;
        db.Dispose();
        using var reopened = Database.Open(path, options);
        Assert.Equal([$"{done}|20000"], DbText.Query(reopened, "SELECT (SELECT count(*) FROM small), (SELECT count(*) FROM big)"));
    }

    // Errors of the threads Start runs (an exception on a bare thread would end the test process).
    private readonly ConcurrentQueue<Exception> _threadErrors = new();

    private Thread Start(Action action)
    {
        var t = new Thread(() =>
        {
            try { action(); }
            catch (Exception ex) { _threadErrors.Enqueue(ex); }
        }) { IsBackground = true };
        t.Start();
        return t;
    }
}

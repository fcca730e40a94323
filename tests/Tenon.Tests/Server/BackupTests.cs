using Npgsql;
using Tenon.Errors;
using Tenon.Server;
using Tenon.Tests.Durability;

namespace Tenon.Tests.Server;

/// <summary>
/// Online backups: <c>tenon backup</c> (Database.Backup(source, destination)) reads a file
/// database that a server keeps writing and checkpointing, and the instance Backup copies the
/// committed state of an open database. Every copy must be a consistent committed state.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Backups_taken_while_a_connection_writes_are_consistent_committed_states()
    {
        // Small checkpoints, so that logs are switched under the backups' feet too.
        var options = new DatabaseOptions { Synchronous = SynchronousMode.Normal, CheckpointLogBytes = 8 << 10 };
        var data = Path.Combine(_dir.Path, "data");
        using var databases = DatabaseRegistry.OpenDirectory(data, options);
        using var server = new TestServer(databases);
        using (var setup = new NpgsqlConnection(server.ConnectionString))
        {
            setup.Open();
            using var cmd = new NpgsqlCommand(
                "CREATE TABLE parent (id int PRIMARY KEY, payload text); " +
                "CREATE TABLE child (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES parent ON DELETE CASCADE)", setup);
            cmd.ExecuteNonQuery();
        }

        using var stop = new CancellationTokenSource();
        var acknowledged = 0;
        var writer = new Thread(() =>
        {
            using var c = new NpgsqlConnection(server.ConnectionString);
            c.Open();
            for (var i = 1; !stop.IsCancellationRequested; i++)
            {
                using var tx = c.BeginTransaction();
                using (var cmd = new NpgsqlCommand($"INSERT INTO parent VALUES ({i}, repeat('x', 200)); INSERT INTO child VALUES ({i}, {i})", c, tx))
                    cmd.ExecuteNonQuery();
                // Every third transaction also deletes an older parent, cascading to its child.
                if (i % 3 == 0)
                    using (var cmd = new NpgsqlCommand($"DELETE FROM parent WHERE id = {i - 2}", c, tx))
                        cmd.ExecuteNonQuery();
                tx.Commit();
                Volatile.Write(ref acknowledged, i);
            }
        });
        writer.Start();
        try
        {
            var source = databases.Find("postgres")!;
            var last = -1L;
            for (var round = 0; round < 12; round++)
            {
                while (Volatile.Read(ref acknowledged) < (round + 1) * 15) Thread.Sleep(5);
                var before = Volatile.Read(ref acknowledged);
                var copy = Path.Combine(_dir.Path, $"copy{round}.tenon");
                // Alternate the file reader (tenon backup) and the open database's own backup.
                if (round % 2 == 0) Database.Backup(source.Path!, copy);
                else source.Backup(copy);
                var parents = CheckConsistent(copy);
                Assert.True(parents >= Parents(before), $"round {round}: {parents} parents, but {before} transactions were acknowledged before the backup");
                Assert.True(parents >= last);
                last = parents;
            }
        }
        finally
        {
            stop.Cancel();
            writer.Join();
        }
    }

    /// <summary>Parents left after n transactions of the writer above (every third deletes one).</summary>
    private static long Parents(int n) => n - n / 3;

    /// <summary>Opens a copy and checks it: every child has its parent, ids form the writer's pattern; returns the parent count.</summary>
    private static long CheckConsistent(string path)
    {
        using var db = Database.Open(path);
        using var s = db.CreateSession();
        var parents = (long)s.ExecuteSingle("SELECT count(*) FROM parent").Rows[0][0]!;
        var children = (long)s.ExecuteSingle("SELECT count(*) FROM child").Rows[0][0]!;
        var orphans = (long)s.ExecuteSingle("SELECT count(*) FROM child c WHERE NOT EXISTS (SELECT 1 FROM parent p WHERE p.id = c.parent_id)").Rows[0][0]!;
        var max = s.ExecuteSingle("SELECT coalesce(max(id), 0) FROM parent").Rows[0][0]!;
        Assert.Equal(0L, orphans);
        Assert.Equal(parents, children);
        // A committed prefix of the writer's transactions: exactly the parents it leaves.
        // (The newest parent is never deleted yet: transaction n deletes parent n - 2.)
        Assert.Equal(Parents(Convert.ToInt32(max, System.Globalization.CultureInfo.InvariantCulture)), parents);
        // The index came back with the rows.
        Assert.Equal("23505", Assert.Throws<TenonException>(() => s.ExecuteSingle("INSERT INTO parent VALUES (" + max + ", '')")).SqlState);
        return parents;
    }

    [Fact]
    public void Backup_of_an_in_memory_database_and_its_errors()
    {
        var db = Database.OpenInMemory();
        using (var s = db.CreateSession())
        {
            s.ExecuteSingle("CREATE TABLE t (x int PRIMARY KEY)");
            s.ExecuteSingle("INSERT INTO t SELECT g FROM generate_series(1, 500) g");
            s.ExecuteSingle("CREATE SEQUENCE q");
            s.ExecuteSingle("SELECT setval('q', 41)");
        }
        var path = _dir.File("mem.tenon");
        db.Backup(path);
        using (var copy = Database.Open(path))
        using (var s = copy.CreateSession())
        {
            Assert.Equal(500L, s.ExecuteSingle("SELECT count(*) FROM t").Rows[0][0]);
            Assert.Equal(42L, s.ExecuteSingle("SELECT nextval('q')").Rows[0][0]);
        }
        var exists = Assert.Throws<TenonException>(() => db.Backup(path));
        Assert.Equal(("58P02", $"could not create database file \"{path}\": File exists"), (exists.SqlState, exists.MessageText));
        var missing = Assert.Throws<TenonException>(() => Database.Backup(_dir.File("nosuch.tenon"), _dir.File("x.tenon")));
        Assert.Equal("58P01", missing.SqlState);
        Assert.False(File.Exists(_dir.File("x.tenon")));
    }

    [Fact]
    public void Tenon_backup_command()
    {
        var source = _dir.File("src.tenon");
        using (var db = Database.Open(source))
        {
            DbText.Run(db, "CREATE TABLE t (x text); INSERT INTO t VALUES ('kept')");
            // The database stays open (and locked) while the command copies it.
            var (code, err) = RunBackup(source, _dir.File("dst.tenon"));
            Assert.Equal((0, ""), (code, err));
            DbText.Run(db, "INSERT INTO t VALUES ('later')");
        }
        using (var copy = Database.Open(_dir.File("dst.tenon")))
            Assert.Equal(["kept"], DbText.Query(copy, "SELECT x FROM t"));
        var (again, message) = RunBackup(source, _dir.File("dst.tenon"));
        Assert.Equal(1, again);
        Assert.StartsWith("tenon backup: error: could not create database file", message);
        Assert.Equal(1, RunBackup(source).Code);
    }

    private static (int Code, string Err) RunBackup(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Tenon.Cli.BackupCommand.Run(args, o, e);
        return (code, e.ToString());
    }
}

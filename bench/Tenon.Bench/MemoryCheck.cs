using Microsoft.Data.Sqlite;

namespace Tenon.Bench;

/// <summary>What the memory measurement found; null sizes were not measured (see <see cref="Note"/>).</summary>
public sealed record MemoryResult(long Rows, long? TenonHeapBytes, long? TenonFileBytes, long? SqliteFileBytes, string? Note = null);

/// <summary>
/// How much room <see cref="Sizes.Children"/> child rows (bigint primary key, bigint foreign key to
/// a parent table of 1/100 as many rows, short text) take: in Tenon in memory, the growth of the
/// managed heap after a full GC when the children are added (the rows, the primary-key index and
/// the B+tree nodes); in a Tenon file database, the snapshot's size after a checkpoint (indexes are
/// not stored, the log is then empty); in SQLite (WAL mode), the database file after a truncating
/// checkpoint (its tables and the primary-key index). Loading is untimed and checked (count and sum).
/// </summary>
public static class MemoryCheck
{
    public static MemoryResult Run(long rows, Action<string> log)
    {
        var parents = Math.Max(1, rows / 100);
        var expectedSum = ExpectedParentSum(rows, parents);
        var directory = Path.Combine("/tmp", "tenon-bench-memory");
        Directory.CreateDirectory(directory);
        log($"[memory] {rows:N0} child rows in Tenon (heap), Tenon (file), SQLite (file)...");
        var heap = TenonHeap(rows, parents, expectedSum);
        var tenonFile = TenonFile(Path.Combine(directory, $"mem-{Guid.NewGuid():N}.tenon"), rows, parents, expectedSum);
        var sqliteFile = SqliteFile(Path.Combine(directory, $"mem-{Guid.NewGuid():N}.db"), rows, parents, expectedSum);
        log($"[memory] Tenon heap {heap:N0} B, Tenon file {tenonFile:N0} B, SQLite file {sqliteFile:N0} B");
        return new MemoryResult(rows, heap, tenonFile, sqliteFile);
    }

    private static long ExpectedParentSum(long rows, long parents)
    {
        long sum = 0;
        for (long i = 1; i <= rows; i++) sum += i % parents + 1;
        return sum;
    }

    private const string ParentDdl = "CREATE TABLE mem_parent (id bigint PRIMARY KEY)";
    private const string ChildDdl = "CREATE TABLE mem_child (id bigint PRIMARY KEY, parent_id bigint NOT NULL REFERENCES mem_parent (id), label text NOT NULL)";

    private static void LoadTenon(Session s, long rows, long parents, long expectedSum)
    {
        Run(s, $"INSERT INTO mem_child SELECT i, i % {parents} + 1, 'child ' || i FROM generate_series(1, {rows}) AS g(i)");
        var r = s.ExecuteSingle("SELECT count(*), sum(parent_id)::bigint FROM mem_child").Rows[0];
        Check.Equal(rows, Check.Long(r[0]), "child rows");
        Check.Equal(expectedSum, Check.Long(r[1]), "sum of parent_id");
    }

    private static void Run(Session s, string sql)
    {
        foreach (var _ in s.Execute(sql)) { }
    }

    private static long TenonHeap(long rows, long parents, long expectedSum)
    {
        var db = Database.OpenInMemory();
        using var s = db.CreateSession();
        Run(s, ParentDdl);
        Run(s, ChildDdl);
        Run(s, $"INSERT INTO mem_parent SELECT i FROM generate_series(1, {parents}) AS g(i)");
        s.ExecuteSingle("SELECT count(*) FROM mem_child");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        LoadTenon(s, rows, parents, expectedSum);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(db);
        return after - before;
    }

    private static long TenonFile(string file, long rows, long parents, long expectedSum)
    {
        try
        {
            using (var db = Database.Open(file, new DatabaseOptions { Synchronous = SynchronousMode.Normal, CheckpointOnClose = false }))
            {
                using var s = db.CreateSession();
                Run(s, ParentDdl);
                Run(s, ChildDdl);
                Run(s, $"INSERT INTO mem_parent SELECT i FROM generate_series(1, {parents}) AS g(i)");
                LoadTenon(s, rows, parents, expectedSum);
                db.Checkpoint();
            }
            return new FileInfo(file).Length + new FileInfo(file + "-wal").Length;
        }
        finally
        {
            foreach (var f in new[] { file, file + "-wal", file + "-lock" })
                if (File.Exists(f)) File.Delete(f);
        }
    }

    private static long SqliteFile(string file, long rows, long parents, long expectedSum)
    {
        try
        {
            var builder = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false };
            using (var c = new SqliteConnection(builder.ConnectionString))
            {
                c.Open();
                void Exec(string sql)
                {
                    using var cmd = c.CreateCommand();
                    cmd.CommandText = sql;
                    cmd.ExecuteNonQuery();
                }
                Exec("PRAGMA foreign_keys = ON");
                Exec("PRAGMA journal_mode = WAL");
                Exec("CREATE TABLE mem_parent (id INTEGER PRIMARY KEY)");
                Exec("CREATE TABLE mem_child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES mem_parent (id), label TEXT NOT NULL)");
                Exec($"WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {parents}) INSERT INTO mem_parent SELECT i FROM s");
                Exec($"WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {rows}) INSERT INTO mem_child SELECT i, i % {parents} + 1, 'child ' || i FROM s");
                using (var q = c.CreateCommand())
                {
                    q.CommandText = "SELECT count(*), sum(parent_id) FROM mem_child";
                    using var reader = q.ExecuteReader();
                    reader.Read();
                    Check.Equal(rows, reader.GetInt64(0), "SQLite child rows");
                    Check.Equal(expectedSum, reader.GetInt64(1), "SQLite sum of parent_id");
                }
                Exec("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return new FileInfo(file).Length + (File.Exists(file + "-wal") ? new FileInfo(file + "-wal").Length : 0);
        }
        finally
        {
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                if (File.Exists(f)) File.Delete(f);
        }
    }
}

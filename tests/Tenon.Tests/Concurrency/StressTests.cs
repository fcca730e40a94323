using Tenon.Errors;

namespace Tenon.Tests.Concurrency;

/// <summary>
/// Many sessions doing random DML on parent and child tables (cascades and RESTRICT) at random
/// isolation levels for a few seconds. Every transaction also writes a ledger row and bumps a
/// counter; afterwards the database must hold exactly the ledger rows of the commits that were
/// acknowledged, counters that add up to them, no orphans, unique keys, and indexes that agree
/// with their tables.
/// </summary>
public sealed class StressTests
{
    private static readonly string[] Allowed = [SqlState.UniqueViolation, SqlState.ForeignKeyViolation, SqlState.SerializationFailure];

    [Fact]
    public void RandomConcurrentDmlKeepsIntegrityAndExactlyTheAcknowledgedCommits()
    {
        var db = Database.OpenInMemory();
        using (var setup = db.CreateSession())
            setup.Execute("""
                CREATE TABLE parent (id int PRIMARY KEY, v int NOT NULL);
                CREATE TABLE child (id int PRIMARY KEY, pid int NOT NULL REFERENCES parent ON DELETE CASCADE ON UPDATE CASCADE, w int);
                CREATE INDEX ON child (pid);
                CREATE TABLE keeper (id int PRIMARY KEY, pid int REFERENCES parent ON DELETE RESTRICT);
                CREATE TABLE ledger (worker int, seq int, PRIMARY KEY (worker, seq));
                CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL);
                INSERT INTO counter SELECT g, 0 FROM generate_series(1, 4) g;
                INSERT INTO parent SELECT g, 0 FROM generate_series(1, 20) g;
                INSERT INTO child SELECT g, g % 20 + 1, 0 FROM generate_series(1, 40) g;
                """).ToList();

        const int workers = 6;
        var acknowledged = new List<(int Worker, int Seq, int Counter)>[workers];
        var unexpected = new List<string>();
        var errors = new Dictionary<string, int>();
        var stop = DateTime.UtcNow.AddSeconds(3);
        var threads = Enumerable.Range(0, workers).Select(w => new Thread(() =>
        {
            var mine = acknowledged[w] = new();
            var rnd = new Random(1000 + w);
            using var s = db.CreateSession();
            s.ExecuteSingle("SET lock_timeout = '10s'");
            for (var seq = 0; DateTime.UtcNow < stop; seq++)
            {
                var level = rnd.Next(3) switch { 0 => "READ COMMITTED", 1 => "REPEATABLE READ", _ => "SERIALIZABLE" };
                var counter = rnd.Next(1, 5);
                try
                {
                    s.ExecuteSingle($"BEGIN ISOLATION LEVEL {level}");
                    if (level != "READ COMMITTED" && rnd.Next(4) == 0)
                    {
                        var a = s.ExecuteSingle("SELECT sum(v), count(*) FROM parent").Rows[0];
                        var b = s.ExecuteSingle("SELECT sum(v), count(*) FROM parent").Rows[0];
                        if (!Equals(a[0], b[0]) || !Equals(a[1], b[1])) lock (unexpected) unexpected.Add($"{level} read changed");
                    }
                    for (var op = rnd.Next(1, 4); op > 0; op--) s.ExecuteSingle(RandomStatement(rnd));
                    s.ExecuteSingle($"INSERT INTO ledger VALUES ({w}, {seq})");
                    s.ExecuteSingle($"UPDATE counter SET n = n + 1 WHERE id = {counter}");
                    if (s.ExecuteSingle("COMMIT").CommandTag == "COMMIT") mine.Add((w, seq, counter));
                }
                catch (TenonException e)
                {
                    if (!Allowed.Contains(e.SqlState)) lock (unexpected) unexpected.Add($"{e.SqlState} {e.Message}");
                    lock (errors) errors[e.SqlState] = errors.GetValueOrDefault(e.SqlState) + 1;
                    if (s.TransactionStatus != TransactionStatus.Idle) s.ExecuteSingle("ROLLBACK");
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(unexpected);
        var all = acknowledged.SelectMany(a => a).ToList();
        Assert.True(all.Count > 20, $"only {all.Count} commits; errors: {string.Join(" ", errors.Select(e => $"{e.Key}={e.Value}"))}");
        using var check = db.CreateSession();
        var ledger = check.ExecuteSingle("SELECT worker, seq FROM ledger ORDER BY 1, 2").Rows.Select(r => ((int)r[0]!, (int)r[1]!)).ToList();
        Assert.Equal(all.Select(a => (a.Worker, a.Seq)).OrderBy(x => x), ledger);
        var counters = check.ExecuteSingle("SELECT id, n FROM counter ORDER BY id").Rows.Select(r => ((int)r[0]!, (int)r[1]!)).ToList();
        Assert.Equal(Enumerable.Range(1, 4).Select(k => (k, all.Count(a => a.Counter == k))), counters);

        Assert.Equal(0L, check.ExecuteSingle("SELECT count(*) FROM child WHERE pid NOT IN (SELECT id FROM parent)").Rows[0][0]);
        Assert.Equal(0L, check.ExecuteSingle("SELECT count(*) FROM keeper WHERE pid IS NOT NULL AND pid NOT IN (SELECT id FROM parent)").Rows[0][0]);
        foreach (var t in new[] { "parent", "child", "keeper" })
            Assert.Equal(0L, check.ExecuteSingle($"SELECT count(*) FROM (SELECT id FROM {t} GROUP BY id HAVING count(*) > 1) d").Rows[0][0]);
        IndexesAgreeWithTables(db);
    }

    private static string RandomStatement(Random rnd)
    {
        int P() => rnd.Next(1, 31);
        int C() => rnd.Next(1, 81);
        return rnd.Next(9) switch
        {
            0 => $"INSERT INTO parent VALUES ({P()}, {rnd.Next(100)})",
            1 => $"DELETE FROM parent WHERE id = {P()}",
            2 => $"UPDATE parent SET v = v + 1 WHERE id = {P()}",
            3 => $"UPDATE parent SET id = {P() + 30} WHERE id = {P()}",
            4 => $"INSERT INTO child VALUES ({C()}, {P()}, 0)",
            5 => $"UPDATE child SET pid = {P()}, w = w + 1 WHERE id = {C()}",
            6 => $"DELETE FROM child WHERE id = {C()}",
            7 => $"INSERT INTO keeper VALUES ({rnd.Next(1, 11)}, {P()}) ON CONFLICT (id) DO UPDATE SET pid = excluded.pid",
            _ => $"UPDATE parent SET v = v + 1 WHERE id BETWEEN {P()} AND {P() + 3}",
        };
    }

    /// <summary>Every index holds exactly one entry per covered row, under the row's key.</summary>
    private static void IndexesAgreeWithTables(Database db)
    {
        var version = db.Committed;
        foreach (var (oid, data) in version.Data)
        {
            var table = version.Catalog.Tables[oid];
            for (var i = 0; i < table.Indexes.Count; i++)
            {
                var entries = data.Indexes[i].All().Select(e => (Key: string.Join(",", e.Key), e.RowId)).OrderBy(e => e.RowId).ToList();
                var expected = data.Rows.Scan().Select(r => (Key: string.Join(",", Constraints.RowWriter.KeyOf(table.Indexes[i], r.Value)), RowId: r.Key)).OrderBy(e => e.RowId).ToList();
                Assert.Equal(expected, entries);
            }
        }
    }
}

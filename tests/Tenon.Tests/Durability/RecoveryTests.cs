using Tenon.Errors;

namespace Tenon.Tests.Durability;

/// <summary>
/// Damage to the end of the log, byte by byte: cut at every offset of the last records, and
/// every byte of them flipped. Opening must give exactly the committed prefix before the damage
/// (a torn or damaged tail is cut off) or fail with a clear error; never anything else.
/// </summary>
public sealed class RecoveryTests
{
    private static readonly DatabaseOptions Options = new() { CheckpointOnClose = false, Synchronous = SynchronousMode.Normal };

    private static List<string> Dump(Database db) =>
        DbText.Query(db, "SELECT 'p', id::text, name FROM parent UNION ALL SELECT 'c', id::text, parent_id::text || ':' || coalesce(note, '-') FROM child ORDER BY 1, 2")
            .Append(db.Committed.Catalog.FindSequence(null, "s") is { } seq ? $"s={seq.State.LastValue},{seq.State.IsCalled}" : "no s").ToList();

    /// <summary>Builds a database and returns its files' bytes, the log length after each commit and the state after each.</summary>
    private static (byte[] Snapshot, byte[] Log, List<long> Ends, List<List<string>> States) Build(TempDir dir)
    {
        var path = dir.File("r.tenon");
        var ends = new List<long>();
        var states = new List<List<string>>();
        using (var db = Database.Open(path, Options))
        {
            void Step(string sql)
            {
                DbText.Run(db, sql);
                ends.Add(new FileInfo(path + "-wal").Length);
                states.Add(Dump(db));
            }
            Step("CREATE SEQUENCE s; CREATE TABLE parent (id int PRIMARY KEY, name text); CREATE TABLE child (id serial PRIMARY KEY, parent_id int REFERENCES parent ON DELETE CASCADE, note text)");
            Step("INSERT INTO parent VALUES (1, 'a'), (2, 'b'); INSERT INTO child (parent_id, note) VALUES (1, 'x'), (2, NULL)");
            Step("SELECT nextval('s')");
            Step("BEGIN; INSERT INTO parent VALUES (3, 'c'); INSERT INTO child (parent_id) VALUES (3), (3); COMMIT");
            Step("ALTER TABLE parent ADD COLUMN extra int DEFAULT 7; INSERT INTO parent (id, name) VALUES (4, 'd')");
            Step("DELETE FROM parent WHERE id = 1");
            Step("UPDATE child SET note = 'updated ' || id WHERE parent_id = 3; SELECT nextval('s')");
        }
        return (File.ReadAllBytes(path), File.ReadAllBytes(path + "-wal"), ends, states);
    }

    /// <summary>Opens a copy of the database with the given log bytes; returns its dump, or the error.</summary>
    private static (List<string>? Dump, TenonException? Error) OpenCopy(TempDir dir, byte[] snapshot, byte[] log, int n)
    {
        var path = dir.File($"copy{n}.tenon");
        File.WriteAllBytes(path, snapshot);
        File.WriteAllBytes(path + "-wal", log);
        try
        {
            using var db = Database.Open(path, Options);
            var dump = Dump(db);
            if (n % 8 != 0) return (dump, null);
            // The repaired log takes new commits, and they survive another reopen.
            DbText.Run(db, "INSERT INTO parent (id, name) VALUES (100, 'after')");
            db.Dispose();
            using var again = Database.Open(path, Options);
            Assert.Equal(["100|after"], DbText.Query(again, "SELECT id, name FROM parent WHERE id = 100"));
            return (dump, null);
        }
        catch (TenonException ex)
        {
            return (null, ex);
        }
        finally
        {
            foreach (var f in Directory.GetFiles(dir.Path, $"copy{n}.tenon*")) File.Delete(f);
        }
    }

    [Fact]
    public void CutAtEveryOffsetOfTheLastRecordsRecoversTheCommittedPrefix()
    {
        using var dir = new TempDir();
        var (snapshot, log, ends, states) = Build(dir);
        for (var cut = (int)ends[^5]; cut <= log.Length; cut += cut < ends[^3] ? 41 : 1)
        {
            var (dump, error) = OpenCopy(dir, snapshot, log[..cut], cut);
            Assert.Null(error);
            var complete = ends.Count(e => e <= cut);
            Assert.True(complete >= 1);
            Assert.Equal(states[complete - 1], dump);
        }
    }

    [Fact]
    public void FlippedBytesGiveThePrefixBeforeTheDamageOrAClearError()
    {
        using var dir = new TempDir();
        var (snapshot, log, ends, states) = Build(dir);
        var recovered = 0;
        for (var at = (int)ends[^5]; at < log.Length; at += at < ends[^3] ? 41 : at < ends[^2] ? 3 : 1)
        {
            var damaged = (byte[])log.Clone();
            damaged[at] ^= 0x5A;
            var (dump, error) = OpenCopy(dir, snapshot, damaged, at);
            if (error is not null)
            {
                Assert.Equal("XX001", error.SqlState);
                Assert.Contains("r.tenon", error.MessageText.Replace("copy" + at, "r"));
                continue;
            }
            // The damaged record and everything after it are gone; everything before is there.
            var intact = ends.Count(e => e <= at);
            Assert.Equal(states[intact - 1], dump);
            recovered++;
        }
        // Damage in the very last record is always a torn tail, so some cases must recover.
        Assert.True(recovered >= (int)(ends[^1] - ends[^2]));
    }

    [Fact]
    public void DamagedLogHeaderIsAClearError()
    {
        using var dir = new TempDir();
        var (snapshot, log, _, _) = Build(dir);
        var damaged = (byte[])log.Clone();
        damaged[20] ^= 1;
        var (_, error) = OpenCopy(dir, snapshot, damaged, 1);
        Assert.NotNull(error);
        Assert.Contains("log header is damaged", error!.MessageText);
        var (_, foreign) = OpenCopy(dir, snapshot, "not a log"u8.ToArray(), 2);
        Assert.Contains("is not a Tenon database log file", foreign!.MessageText);
    }
}

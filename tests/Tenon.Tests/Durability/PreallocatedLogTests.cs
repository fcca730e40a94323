using Tenon.Wal;

namespace Tenon.Tests.Durability;

/// <summary>
/// The zero-filled space a log preallocates under synchronous = full (Wal/LogFile.cs): what a
/// crash leaves is the last records followed by zeros, possibly with a torn record in between.
/// Recovery must stop at the first zero header or damaged record, keep exactly the committed
/// prefix before it, and take new commits after it that survive another reopen.
/// </summary>
public sealed class PreallocatedLogTests
{
    private static readonly DatabaseOptions Options = new() { CheckpointOnClose = false, CheckpointLogBytes = 0 };

    private static List<string> Dump(Database db) =>
        DbText.Query(db, "SELECT id::text, coalesce(note, '-') FROM t ORDER BY id");

    /// <summary>
    /// Commits a few transactions under full and returns copies of the files taken while the
    /// database is open (as a crash leaves them: the log with its zero tail), the record ends found
    /// by reading the log's frames, and the state after each commit.
    /// </summary>
    private static (byte[] Snapshot, byte[] Log, List<long> Ends, List<List<string>> States) Build(TempDir dir)
    {
        var path = dir.File("z.tenon");
        var states = new List<List<string>>();
        using var db = Database.Open(path, Options);
        DbText.Run(db, "CREATE TABLE t (id int PRIMARY KEY, note text)");
        states.Add(Dump(db));
        DbText.Run(db, "INSERT INTO t VALUES (1, 'one'), (2, NULL)");
        states.Add(Dump(db));
        DbText.Run(db, "UPDATE t SET note = repeat('x', 300) WHERE id = 2");
        states.Add(Dump(db));
        DbText.Run(db, "DELETE FROM t WHERE id = 1; INSERT INTO t VALUES (3, 'three')");
        states.Add(Dump(db));
        var snapshot = ReadShared(path);
        var log = ReadShared(path + "-wal");
        return (snapshot, log, RecordEnds(log), states);
    }

    private static byte[] ReadShared(string path)
    {
        using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var bytes = new byte[f.Length];
        f.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Where each intact frame of a log ends, read up to the first one that is not.</summary>
    private static List<long> RecordEnds(byte[] log)
    {
        var s = new MemoryStream(log, writable: false) { Position = FileHeader.Size };
        var ends = new List<long>();
        while (RecordFrame.TryRead(s, out _) == RecordFrame.ReadResult.Ok) ends.Add(s.Position);
        return ends;
    }

    /// <summary>Opens a copy with the given log bytes, checks it, commits one more row and checks that it survives a reopen.</summary>
    private static List<string> OpenCopy(TempDir dir, byte[] snapshot, byte[] log, string name)
    {
        var path = dir.File(name + ".tenon");
        File.WriteAllBytes(path, snapshot);
        File.WriteAllBytes(path + "-wal", log);
        List<string> dump;
        using (var db = Database.Open(path, Options))
        {
            dump = Dump(db);
            DbText.Run(db, "INSERT INTO t VALUES (100, 'after')");
        }
        using (var db = Database.Open(path, Options))
            Assert.Equal(dump.Append("100|after").ToList(), Dump(db));
        foreach (var f in Directory.GetFiles(dir.Path, name + ".tenon*")) File.Delete(f);
        return dump;
    }

    [Fact]
    public void TheLogGrowsInZeroFilledChunksAndACleanCloseCutsThemOff()
    {
        using var dir = new TempDir();
        var (_, log, ends, _) = Build(dir);
        Assert.Equal(4, ends.Count);
        Assert.Equal(LogFile.PreallocationChunk, log.Length);
        Assert.All(log[(int)ends[^1]..], b => Assert.Equal(0, b));
        // Build's database was closed without a checkpoint: only the records are left.
        Assert.Equal(ends[^1], new FileInfo(dir.File("z.tenon-wal")).Length);
        using var db = Database.Open(dir.File("z.tenon"), Options);
        Assert.Equal(["2|" + new string('x', 300), "3|three"], Dump(db));
    }

    [Fact]
    public void ARecordLargerThanAChunkExtendsTheLogPastIt()
    {
        using var dir = new TempDir();
        var path = dir.File("big.tenon");
        using (var db = Database.Open(path, Options))
        {
            DbText.Run(db, "CREATE TABLE t (id int PRIMARY KEY, note text)");
            DbText.Run(db, $"INSERT INTO t SELECT g, repeat('y', 1000) FROM generate_series(1, {LogFile.PreallocationChunk / 900}) g");
            DbText.Run(db, "INSERT INTO t VALUES (0, 'small')");
            var log = ReadShared(path + "-wal");
            Assert.Equal(0, log.Length % LogFile.PreallocationChunk);
            Assert.True(log.Length > LogFile.PreallocationChunk);
            Assert.Equal(3, RecordEnds(log).Count);
        }
        using (var db = Database.Open(path, Options))
            Assert.Equal([$"{LogFile.PreallocationChunk / 900 + 1}"], DbText.Query(db, "SELECT count(*) FROM t"));
    }

    [Fact]
    public void ZeroTailAfterTheLastRecordIsTheEndOfTheLog()
    {
        using var dir = new TempDir();
        var (snapshot, log, _, states) = Build(dir);
        Assert.Equal(states[^1], OpenCopy(dir, snapshot, log, "tail"));
    }

    [Fact]
    public void TornRecordFollowedByZerosRecoversThePrefixAndTakesNewCommits()
    {
        using var dir = new TempDir();
        var (snapshot, log, ends, states) = Build(dir);
        // A crash during an append into the preallocated space: the record's bytes from some
        // offset on never reached the disk and read as the zeros that were there before.
        for (var cut = ends[^3]; cut < ends[^1]; cut += cut < ends[^2] ? 7 : 1)
        {
            var torn = (byte[])log.Clone();
            Array.Clear(torn, (int)cut, (int)(ends[^1] - cut));
            // A record whose bytes from the cut on were zeros anyway (its end marker, say) is untouched.
            var complete = ends.Count(e => e <= cut || log.AsSpan((int)cut, (int)(e - cut)).IndexOfAnyExcept((byte)0) < 0);
            Assert.Equal(states[complete - 1], OpenCopy(dir, snapshot, torn, $"torn{cut}"));
        }
    }

    [Fact]
    public void AFlippedByteBeforeTheZerosGivesThePrefixBeforeItOrAClearError()
    {
        using var dir = new TempDir();
        var (snapshot, log, ends, states) = Build(dir);
        for (var at = ends[^3]; at < ends[^1]; at += at < ends[^2] ? 5 : 1)
        {
            var damaged = (byte[])log.Clone();
            damaged[at] ^= 0x5A;
            List<string> dump;
            try
            {
                dump = OpenCopy(dir, snapshot, damaged, $"flip{at}");
            }
            catch (Errors.TenonException ex)
            {
                Assert.Equal("XX001", ex.SqlState);
                continue;
            }
            Assert.Equal(states[ends.Count(e => e <= at) - 1], dump);
        }
    }

    [Fact]
    public void StaleBytesOfATornRecordAreNeverReadAfterALaterAppend()
    {
        using var dir = new TempDir();
        var (snapshot, log, ends, states) = Build(dir);
        // The last record lost its header only: its payload is still on disk after it. Recovery
        // cuts the log there, so the record appended next (shorter than the lost one) is not
        // followed by the lost record's remains, which a later recovery might misread.
        var torn = (byte[])log.Clone();
        Array.Clear(torn, (int)ends[^2], RecordFrame.HeaderSize);
        var path = dir.File("stale.tenon");
        File.WriteAllBytes(path, snapshot);
        File.WriteAllBytes(path + "-wal", torn);
        using (var db = Database.Open(path, Options))
        {
            Assert.Equal(states[^2], Dump(db));
            DbText.Run(db, "INSERT INTO t VALUES (100, 'after')");
            var repaired = ReadShared(path + "-wal");
            Assert.All(repaired[(int)RecordEnds(repaired)[^1]..], b => Assert.Equal(0, b));
        }
        using (var db = Database.Open(path, Options))
            Assert.Equal(states[^2].Append("100|after").ToList(), Dump(db));
    }

    [Fact]
    public void AZeroHeaderIsNeverAFrame()
    {
        var empty = RecordFrame.Build(ReadOnlySpan<byte>.Empty);
        Assert.NotEqual(0UL, BitConverter.ToUInt64(empty, 0));
        Assert.Equal(RecordFrame.ReadResult.Ok, RecordFrame.TryRead(new MemoryStream(empty), out _));
        Assert.Equal(RecordFrame.ReadResult.Zeros, RecordFrame.TryRead(new MemoryStream(new byte[64]), out _));
        Assert.Equal(RecordFrame.ReadResult.Torn, RecordFrame.TryRead(new MemoryStream(new byte[5]), out _));
    }

    [Fact]
    public void EveryCommitIsOneFlushOfThePreallocatedLog()
    {
        using var dir = new TempDir();
        using var db = Database.Open(dir.File("f.tenon"), Options);
        DbText.Run(db, "CREATE TABLE t (id int PRIMARY KEY, note text)");
        using var s = db.CreateSession();
        var insert = s.Prepare("INSERT INTO t VALUES ($1, 'n')");
        var before = db.LogFsyncs;
        for (var i = 0; i < 50; i++)
            foreach (var _ in s.Execute(insert, [i])) { }
        Assert.Equal(50, db.LogFsyncs - before);
        Assert.Equal(LogFile.PreallocationChunk, new FileInfo(dir.File("f.tenon-wal")).Length);
    }
}

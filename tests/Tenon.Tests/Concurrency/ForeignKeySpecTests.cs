namespace Tenon.Tests.Concurrency;

/// <summary>
/// The interleavings of PostgreSQL's isolation specs for foreign keys (src/test/isolation/specs:
/// fk-contention, fk-deadlock, fk-deadlock2, fk-snapshot without its partitioned tables), with
/// PostgreSQL's outcomes. Tenon's writers are serialized, so where PostgreSQL lets two writers run
/// side by side (row locks that do not conflict) or detects a deadlock, the second writer here
/// waits for the first to end; the final state is then that of PostgreSQL's serial order, and no
/// session fails where PostgreSQL would have committed both.
/// </summary>
public sealed class ForeignKeySpecTests
{
    private static Interleaving Setup(string sql, params string[] sessions)
    {
        var db = Database.OpenInMemory();
        using (var s = db.CreateSession()) s.Execute(sql).ToList();
        return new Interleaving(db, sessions);
    }

    private static string Query(Interleaving il, string sql)
    {
        using var s = il.Database.CreateSession();
        return Interleaving.Outcome(s, sql);
    }

    [Fact]
    public void FkContention()
    {
        using var il = Setup("CREATE TABLE foo (a int PRIMARY KEY, b text); CREATE TABLE bar (a int NOT NULL REFERENCES foo); INSERT INTO foo VALUES (42);", "s1", "s2");
        var log = il.RunPermutation(("s1", "BEGIN"), ("s1", "INSERT INTO bar VALUES (42)"), ("s2", "UPDATE foo SET b = 'Hello World'"), ("s1", "COMMIT"));
        // PostgreSQL: upd does not wait (FOR KEY SHARE lets a non-key update through); here it waits for com.
        Assert.Equal(["s1: BEGIN", "s1: INSERT 0 1", "s1: COMMIT", "s2: UPDATE 1"], log);
        Assert.Equal("42,Hello World", Query(il, "SELECT * FROM foo"));
        Assert.Equal("42", Query(il, "SELECT * FROM bar"));
    }

    public static TheoryData<string> FkDeadlockPermutations()
    {
        var data = new TheoryData<string>();
        foreach (var p in Interleavings(["s1i", "s1u", "s1c"], ["s2i", "s2u", "s2c"])) data.Add(string.Join(" ", p));
        return data;
    }

    [Theory]
    [MemberData(nameof(FkDeadlockPermutations))]
    public void FkDeadlock(string permutation)
    {
        using var il = Setup("""
            CREATE TABLE parent (parent_key int PRIMARY KEY, aux text NOT NULL);
            CREATE TABLE child (child_key int PRIMARY KEY, parent_key int NOT NULL REFERENCES parent);
            INSERT INTO parent VALUES (1, 'foo');
            """, "s1", "s2");
        var steps = new Dictionary<string, (string, string)>
        {
            ["s1i"] = ("s1", "INSERT INTO child VALUES (1, 1)"), ["s1u"] = ("s1", "UPDATE parent SET aux = 'bar'"), ["s1c"] = ("s1", "COMMIT"),
            ["s2i"] = ("s2", "INSERT INTO child VALUES (2, 1)"), ["s2u"] = ("s2", "UPDATE parent SET aux = 'baz'"), ["s2c"] = ("s2", "COMMIT"),
        };
        var log = il.RunPermutation([("s1", "BEGIN"), ("s2", "BEGIN"), .. permutation.Split(' ').Select(s => steps[s])]);
        // PostgreSQL commits both or detects a deadlock and rolls one back; serialized, both commit.
        Assert.DoesNotContain(log, l => l.Contains("ERROR"));
        Assert.Equal("1,1;2,1", Query(il, "SELECT * FROM child ORDER BY 1"));
        var aux = Query(il, "SELECT aux FROM parent");
        // The later commit's update wins (the order in which the sessions got the write lock).
        Assert.Equal(log.LastIndexOf("s1: COMMIT") < log.LastIndexOf("s2: COMMIT") ? "baz" : "bar", aux);
    }

    [Fact]
    public void FkDeadlock2()
    {
        foreach (var p in Interleavings(["s1u1", "s1u2", "s1c"], ["s2u1", "s2u2", "s2c"]))
        {
            using var il = Setup("""
                CREATE TABLE A (AID integer not null, Col1 integer, PRIMARY KEY (AID));
                CREATE TABLE B (BID integer not null, AID integer not null, Col2 integer, PRIMARY KEY (BID), FOREIGN KEY (AID) REFERENCES A(AID));
                INSERT INTO A (AID) VALUES (1);
                INSERT INTO B (BID,AID) VALUES (2,1);
                """, "s1", "s2");
            var steps = new Dictionary<string, (string, string)>
            {
                ["s1u1"] = ("s1", "UPDATE A SET Col1 = 1 WHERE AID = 1"), ["s1u2"] = ("s1", "UPDATE B SET Col2 = 1 WHERE BID = 2"), ["s1c"] = ("s1", "COMMIT"),
                ["s2u1"] = ("s2", "UPDATE B SET Col2 = 1 WHERE BID = 2"), ["s2u2"] = ("s2", "UPDATE B SET Col2 = 1 WHERE BID = 2"), ["s2c"] = ("s2", "COMMIT"),
            };
            var log = il.RunPermutation([("s1", "BEGIN"), ("s2", "BEGIN"), .. p.Select(s => steps[s])]);
            Assert.DoesNotContain(log, l => l.Contains("ERROR"));
            Assert.Equal("1,1", Query(il, "SELECT * FROM a"));
            Assert.Equal("2,1,1", Query(il, "SELECT * FROM b"));
        }
    }

    private const string FkSnapshotSetup = """
        CREATE TABLE pk_noparted (a int PRIMARY KEY);
        CREATE TABLE fk_parted_pk (a int PRIMARY KEY REFERENCES pk_noparted ON DELETE CASCADE);
        CREATE TABLE fk_noparted (a int REFERENCES fk_parted_pk ON DELETE NO ACTION INITIALLY DEFERRED);
        CREATE TABLE fk_noparted_sn (a int REFERENCES pk_noparted ON DELETE SET NULL);
        INSERT INTO pk_noparted VALUES (1);
        INSERT INTO fk_parted_pk VALUES (1);
        INSERT INTO fk_noparted VALUES (1);
        """;

    private static readonly Dictionary<string, (string, string)> FkSnapshotSteps = new()
    {
        ["s1brr"] = ("s1", "BEGIN ISOLATION LEVEL REPEATABLE READ"), ["s1brc"] = ("s1", "BEGIN ISOLATION LEVEL READ COMMITTED"),
        ["s1ifp2"] = ("s1", "INSERT INTO fk_parted_pk VALUES (2)"), ["s1ifp1"] = ("s1", "INSERT INTO fk_parted_pk VALUES (1)"),
        ["s1ifn2"] = ("s1", "INSERT INTO fk_noparted_sn VALUES (2)"), ["s1dfp"] = ("s1", "DELETE FROM fk_parted_pk WHERE a = 1"),
        ["s1c"] = ("s1", "COMMIT"), ["s1sfp"] = ("s1", "SELECT * FROM fk_parted_pk ORDER BY a"),
        ["s1sp"] = ("s1", "SELECT * FROM pk_noparted ORDER BY a"), ["s1sfn"] = ("s1", "SELECT * FROM fk_noparted ORDER BY a"),
        ["s2brr"] = ("s2", "BEGIN ISOLATION LEVEL REPEATABLE READ"), ["s2brc"] = ("s2", "BEGIN ISOLATION LEVEL READ COMMITTED"),
        ["s2ip2"] = ("s2", "INSERT INTO pk_noparted VALUES (2)"), ["s2dp2"] = ("s2", "DELETE FROM pk_noparted WHERE a = 2"),
        ["s2ifn2"] = ("s2", "INSERT INTO fk_noparted VALUES (2)"), ["s2c"] = ("s2", "COMMIT"),
        ["s2sfp"] = ("s2", "SELECT * FROM fk_parted_pk ORDER BY a"), ["s2sfn"] = ("s2", "SELECT * FROM fk_noparted ORDER BY a"),
    };

    [Theory]
    // Inserting into a referencing table in transaction-snapshot mode: the parent committed after the snapshot is not seen.
    [InlineData("s1brr s2brc s2ip2 s1sp s2c s1sp s1ifp2 s1c s1sfp",
        "s1: BEGIN|s2: BEGIN|s2: INSERT 0 1|s1: 1|s2: COMMIT|s1: 1|s1: ERROR: insert or update on table \"fk_parted_pk\" violates foreign key constraint \"fk_parted_pk_a_fkey\"|s1: ROLLBACK|s1: 1")]
    // The same in up-to-date snapshot mode.
    [InlineData("s1brc s2brc s2ip2 s1sp s2c s1sp s1ifp2 s2brc s2sfp s1c s1sfp s2ifn2 s2c s2sfn",
        "s1: BEGIN|s2: BEGIN|s2: INSERT 0 1|s1: 1|s2: COMMIT|s1: 1;2|s1: INSERT 0 1|s2: BEGIN|s2: 1|s1: COMMIT|s1: 1;2|s2: INSERT 0 1|s2: COMMIT|s2: 1;2")]
    // Deleting a referenced row and inserting it again in one transaction.
    [InlineData("s1brr s1dfp s1ifp1 s1c s1sfn", "s1: BEGIN|s1: DELETE 1|s1: INSERT 0 1|s1: COMMIT|s1: 1")]
    [InlineData("s1brc s1dfp s1ifp1 s1c s1sfn", "s1: BEGIN|s1: DELETE 1|s1: INSERT 0 1|s1: COMMIT|s1: 1")]
    // ON DELETE CASCADE reaching a row inserted after the snapshot.
    [InlineData("s2ip2 s1brr s1ifp2 s2brr s2dp2 s1c s2c",
        "s2: INSERT 0 1|s1: BEGIN|s1: INSERT 0 1|s2: BEGIN|s1: COMMIT|s2: ERROR: could not serialize access due to concurrent update|s2: ROLLBACK")]
    // ON DELETE SET NULL reaching a row inserted after the snapshot.
    [InlineData("s2ip2 s1brr s1ifn2 s2brr s2dp2 s1c s2c",
        "s2: INSERT 0 1|s1: BEGIN|s1: INSERT 0 1|s2: BEGIN|s1: COMMIT|s2: ERROR: could not serialize access due to concurrent update|s2: ROLLBACK")]
    public void FkSnapshot(string permutation, string expected)
    {
        using var il = Setup(FkSnapshotSetup, "s1", "s2");
        var log = il.RunPermutation(permutation.Split(' ').Select(s => FkSnapshotSteps[s]).ToArray());
        Assert.Equal(expected.Split('|'), log);
    }

    [Fact]
    public void ChildInsertAgainstParentDeleteNeverLeavesAnOrphan()
    {
        using var il = Setup("CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (id int PRIMARY KEY, p int REFERENCES p); INSERT INTO p VALUES (1), (2), (3);", "s1", "s2");
        // READ COMMITTED: the insert waits for the delete and then finds no parent.
        var log = il.RunPermutation(("s1", "BEGIN"), ("s1", "DELETE FROM p WHERE id = 1"), ("s2", "INSERT INTO c VALUES (1, 1)"), ("s1", "COMMIT"));
        Assert.StartsWith("s2: ERROR: insert or update on table \"c\" violates foreign key constraint \"c_p_fkey\"", log[^1]);
        // REPEATABLE READ: the parent in the snapshot was deleted since.
        log = il.RunPermutation(("s2", "BEGIN ISOLATION LEVEL REPEATABLE READ"), ("s2", "SELECT count(*) FROM p"), ("s1", "DELETE FROM p WHERE id = 2"),
            ("s2", "INSERT INTO c VALUES (2, 2)"), ("s2", "COMMIT"));
        Assert.Equal(["s2: BEGIN", "s2: 2", "s1: DELETE 1", "s2: ERROR: could not serialize access due to concurrent update", "s2: ROLLBACK"], log);
        // The other way round: the child is committed first, the delete (RESTRICT-like NO ACTION) then fails.
        log = il.RunPermutation(("s1", "BEGIN ISOLATION LEVEL REPEATABLE READ"), ("s1", "SELECT count(*) FROM c"), ("s2", "INSERT INTO c VALUES (3, 3)"),
            ("s1", "DELETE FROM p WHERE id = 3"), ("s1", "COMMIT"));
        Assert.StartsWith("s1: ERROR: update or delete on table \"p\" violates foreign key constraint \"c_p_fkey\" on table \"c\"", log[^2]);
        Assert.Equal("0", Query(il, "SELECT count(*) FROM c WHERE p NOT IN (SELECT id FROM p)"));
        Assert.Equal("3,3", Query(il, "SELECT * FROM c"));
    }

    /// <summary>Every merge of two step sequences that keeps each one's order.</summary>
    private static IEnumerable<List<string>> Interleavings(List<string> a, List<string> b)
    {
        if (a.Count == 0) { yield return new List<string>(b); yield break; }
        if (b.Count == 0) { yield return new List<string>(a); yield break; }
        foreach (var rest in Interleavings(a.Skip(1).ToList(), b)) yield return [a[0], .. rest];
        foreach (var rest in Interleavings(a, b.Skip(1).ToList())) yield return [b[0], .. rest];
    }
}

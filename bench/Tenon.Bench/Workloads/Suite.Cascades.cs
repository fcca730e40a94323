using Tenon.Bench.Engines;
using System.Diagnostics;

namespace Tenon.Bench.Workloads;

/// <summary>W5..W7: referential actions (cascading deletes, RESTRICT, cascading key updates).</summary>
public sealed partial class Suite
{
    private void CascadeDeletes()
    {
        W5Cascade("W5a", indexed: true);
        DropTables(["cas_leaf", "cas_mid", "cas_root"]);
        W5Cascade("W5b", indexed: false);
    }

    /// <summary>
    /// Roots, 10 mids per root and 5 leaves per mid, each level ON DELETE CASCADE; deletes every
    /// (roots/deletes)-th root one statement at a time in one transaction.
    /// </summary>
    private void W5Cascade(string key, bool indexed)
    {
        const int mids = Sizes.MidsPerRoot, leaves = Sizes.LeavesPerMid;
        var roots = sizes.CascadeRoots;
        db.Exec("CREATE TABLE cas_root (id integer PRIMARY KEY, label text NOT NULL)");
        db.Exec("CREATE TABLE cas_mid (id integer PRIMARY KEY, root_id integer NOT NULL REFERENCES cas_root (id) ON DELETE CASCADE, label text NOT NULL)");
        db.Exec("CREATE TABLE cas_leaf (id integer PRIMARY KEY, mid_id integer NOT NULL REFERENCES cas_mid (id) ON DELETE CASCADE, label text NOT NULL)");
        if (indexed)
        {
            db.Exec("CREATE INDEX cas_mid_root_id ON cas_mid (root_id)");
            db.Exec("CREATE INDEX cas_leaf_mid_id ON cas_leaf (mid_id)");
        }
        InsertSeries("cas_root", "i, 'r' || i", roots);
        InsertSeries("cas_mid", $"i, (i - 1) / {mids} + 1, 'm' || i", roots * mids);
        InsertSeries("cas_leaf", $"i, (i - 1) / {leaves} + 1, 'l' || i", roots * mids * leaves);
        Check.Equal(roots * mids * leaves, Count("cas_leaf"), "leaves after setup");

        using var delete = db.Prepare("DELETE FROM cas_root WHERE id = $1");
        var planned = sizes.CascadeDeletes;
        var stride = roots / planned;
        var budgetLeft = NewBudget();
        long done = 0;
        var watch = Stopwatch.StartNew();
        db.Exec("BEGIN");
        for (long d = 0; d < planned && !budgetLeft.Expired; d++, done++)
            Check.Equal(1, delete.Execute((int)(d * stride + 1)), "DELETE row count");
        db.Exec("COMMIT");
        watch.Stop();

        var left = roots - done;
        Check.Equal(left, Count("cas_root"), "roots left");
        Check.Equal(left * mids, Count("cas_mid"), "mids left");
        Check.Equal(left * mids * leaves, Count("cas_leaf"), "leaves left");
        Check.Equal(0, db.LongOnce("SELECT count(*) FROM cas_mid m LEFT JOIN cas_root r ON r.id = m.root_id WHERE r.id IS NULL"), "orphan mids");
        Check.Equal(0, db.LongOnce("SELECT count(*) FROM cas_leaf l LEFT JOIN cas_mid m ON m.id = l.mid_id WHERE m.id IS NULL"), "orphan leaves");
        Timed(key, planned, done, watch, $"{roots:N0} roots, {roots * mids:N0} mids, {roots * mids * leaves:N0} leaves; each delete removes {mids} mids and {mids * leaves} leaves");
    }

    /// <summary>
    /// Every even parent has a child under ON DELETE RESTRICT. Deletes parents 1, 2, 3, ... one
    /// statement each inside a savepoint: odd ones must go, even ones must fail with a foreign-key
    /// violation and be rolled back to the savepoint.
    /// </summary>
    private void RestrictDeletes()
    {
        var parents = sizes.RestrictParents;
        db.Exec("CREATE TABLE rst_parent (id integer PRIMARY KEY, label text NOT NULL)");
        db.Exec("CREATE TABLE rst_child (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES rst_parent (id) ON DELETE RESTRICT)");
        db.Exec("CREATE INDEX rst_child_parent_id ON rst_child (parent_id)");
        InsertSeries("rst_parent", "i, 'p' || i", parents);
        InsertSeries("rst_child", "i, 2 * i", parents / 2);

        using var delete = db.Prepare("DELETE FROM rst_parent WHERE id = $1");
        var budgetLeft = NewBudget();
        long done = 0, deleted = 0, refused = 0;
        var watch = Stopwatch.StartNew();
        db.Exec("BEGIN");
        for (long id = 1; id <= parents && !budgetLeft.Expired; id++, done++)
        {
            db.Exec("SAVEPOINT attempt");
            try
            {
                Check.Equal(1, delete.Execute((int)id), "DELETE row count");
                Check.That(id % 2 == 1, $"parent {id} has a child but its delete under RESTRICT succeeded");
                deleted++;
            }
            catch (Exception e) when (db.IsForeignKeyViolation(e))
            {
                Check.That(id % 2 == 0, $"parent {id} has no child but its delete failed: {e.Message}");
                db.Exec("ROLLBACK TO SAVEPOINT attempt");
                refused++;
            }
            db.Exec("RELEASE SAVEPOINT attempt");
        }
        db.Exec("COMMIT");
        watch.Stop();

        Check.Equal(done / 2, refused, "deletes refused");
        Check.Equal(parents - deleted, Count("rst_parent"), "parents left");
        Check.Equal(parents / 2, Count("rst_child"), "children (none may be touched)");
        Check.Equal(0, db.LongOnce($"SELECT count(*) FROM rst_parent WHERE id % 2 = 1 AND id <= {done}"), "childless parents left behind");
        Timed("W6", parents, done, watch, $"{deleted:N0} deleted, {refused:N0} refused");
    }

    /// <summary>Renames natural keys <c>k{i}</c> to <c>n{i}</c>, each referenced by 100 children (indexed) under ON UPDATE CASCADE.</summary>
    private void UpdateCascade()
    {
        const int perKey = Sizes.ChildrenPerKey;
        var keys = sizes.UpdateKeys;
        db.Exec("CREATE TABLE upd_parent (code text PRIMARY KEY, label text NOT NULL)");
        db.Exec("CREATE TABLE upd_child (id integer PRIMARY KEY, parent_code text NOT NULL REFERENCES upd_parent (code) ON UPDATE CASCADE, v integer NOT NULL)");
        db.Exec("CREATE INDEX upd_child_parent_code ON upd_child (parent_code)");
        InsertSeries("upd_parent", "'k' || i, 'key ' || i", keys);
        InsertSeries("upd_child", $"i, 'k' || ((i - 1) % {keys} + 1), i % 100", keys * perKey);

        using var update = db.Prepare("UPDATE upd_parent SET code = $1 WHERE code = $2");
        var budgetLeft = NewBudget();
        long done = 0;
        var watch = Stopwatch.StartNew();
        db.Exec("BEGIN");
        for (long i = 1; i <= keys && !budgetLeft.Expired; i++, done++)
            Check.Equal(1, update.Execute("n" + i, "k" + i), "UPDATE row count");
        db.Exec("COMMIT");
        watch.Stop();

        Check.Equal(keys * perKey, Count("upd_child"), "children");
        Check.Equal(done * perKey, db.LongOnce("SELECT count(*) FROM upd_child WHERE parent_code LIKE 'n%'"), "children following the new keys");
        Check.Equal(0, db.LongOnce("SELECT count(*) FROM upd_child c LEFT JOIN upd_parent p ON p.code = c.parent_code WHERE p.code IS NULL"), "orphan children");
        Timed("W7", keys, done, watch, $"{keys * perKey:N0} children; each update rewrites {perKey}");
    }
}

using Tenon.Constraints;
using Tenon.Storage;

namespace Tenon.Transactions;

/// <summary>
/// Applies what a REPEATABLE READ or SERIALIZABLE transaction wrote on its snapshot S onto the
/// latest committed version L, so that committing it loses nothing others committed meanwhile.
/// Its changes are found per table by diffing its version against S (row ids only grow and an
/// update takes a new id, so a change is a set of removed ids plus added rows); removed rows are
/// taken out of L (each is still there: a row others changed or deleted made the statement that
/// touched it fail with 40001) and added rows get new ids in L, with their index entries.
/// Catalog changes cannot be merged: the transaction's DDL first collapses it onto L (Session.Isolation.cs).
/// </summary>
internal static class SnapshotMerge
{
    public static DbVersion Apply(DbVersion snapshot, DbVersion latest, DbVersion version, long sinceToken, RowWriter keys, uint xid)
    {
        if (!ReferenceEquals(version.Catalog, snapshot.Catalog)) throw SerializationErrors.ConcurrentUpdate();
        var token = new WriteToken();
        var data = latest.Data.ToBuilder();
        foreach (var (oid, mine) in version.Data)
        {
            if (!snapshot.Data.TryGetValue(oid, out var before))
                throw new InvalidOperationException($"table {oid} has no data in the snapshot");
            if (ReferenceEquals(mine, before)) continue;
            if (!latest.Data.TryGetValue(oid, out var theirs)
                || !ReferenceEquals(latest.Catalog.Tables.GetValueOrDefault(oid), snapshot.Catalog.Tables[oid]))
                throw SerializationErrors.ConcurrentUpdate();
            data[oid] = ReferenceEquals(theirs, before) ? mine : ApplyTable(snapshot.Catalog.Tables[oid], before, mine, theirs, sinceToken, keys, xid, token);
        }
        return new DbVersion(latest.Catalog, data.ToImmutable());
    }

    /// <summary>The row ids a version removed from a table and the rows it added (in id order), relative to <paramref name="before"/>.</summary>
    public static (List<long> Removed, List<(long Id, object?[] Row)> Added) Changes(TableData before, TableData after, long sinceToken)
    {
        var removed = new List<long>();
        var added = new List<(long, object?[])>();
        var exact = after.Rows.Rows.Diff(before.Rows.Rows, sinceToken, (id, row) =>
        {
            if (before.Rows.TryGet(id, out _)) removed.Add(id);
            added.Add((id, row));
        }, removed.Add);
        if (!exact)
        {
            // Trees built outside this transaction's writes (TRUNCATE, rewrites): compare whole.
            removed.Clear();
            added.Clear();
            foreach (var (id, row) in before.Rows.Scan())
                if (!after.Rows.TryGet(id, out var now)) removed.Add(id);
                else if (!ReferenceEquals(now, row)) { removed.Add(id); added.Add((id, now)); }
            foreach (var (id, row) in after.Rows.Scan())
                if (!before.Rows.TryGet(id, out _)) added.Add((id, row));
        }
        added.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return (removed, added);
    }

    private static TableData ApplyTable(Catalog.TableDef table, TableData before, TableData mine, TableData theirs, long sinceToken, RowWriter keys, uint xid, WriteToken token)
    {
        var (removed, added) = Changes(before, mine, sinceToken);
        var rows = theirs.Rows;
        var indexes = theirs.Indexes.ToArray();
        foreach (var id in removed)
        {
            if (!rows.TryGet(id, out var old)) throw SerializationErrors.ConcurrentUpdate();
            rows = rows.Delete(id, token);
            for (var i = 0; i < indexes.Length; i++)
                if (keys.IndexCovers(table, table.Indexes[i], old))
                    indexes[i] = indexes[i].Remove(keys.IndexKey(table, table.Indexes[i], old), id, token);
        }
        foreach (var (_, row) in added)
        {
            rows = rows.Insert(row, token, out var id, xid);
            for (var i = 0; i < indexes.Length; i++)
            {
                var index = table.Indexes[i];
                if (!keys.IndexCovers(table, index, row)) continue;
                var key = keys.IndexKey(table, index, row);
                // Statements check unique keys against L as they write; this only guards that promise.
                if ((index.Unique || index.Exclusion) && (index.NullsNotDistinct || !key.Any(v => v is null)) && indexes[i].ContainsKey(key))
                    throw keys.KeyViolation(table, index, key);
                indexes[i] = indexes[i].Add(key, id, token);
            }
        }
        return new TableData(rows, indexes);
    }
}

using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Constraints;

/// <summary>
/// R.4 ahead of time for a statement that inserts one row. PostgreSQL checks an inserted row's
/// parent key at the end of the statement; when nothing can run between the row's insertion and
/// that end which could add or remove a parent row or raise another error first, probing the
/// parent before the row is written gives the same answer. Found: the end-of-statement event is
/// not queued at all. Missing: the error is raised before anything is written, which spares an
/// insert that is bound to fail the copying of every B+tree path it would have touched.
///
/// Nothing can intervene when the table has no triggers, the statement has no data-modifying
/// WITH, no RETURNING (computed after the write) and is not explained (the caller's <see cref="SingleRowStatement"/> says so, with every
/// source value already computed), the transaction does not track concurrent writers (READ
/// COMMITTED), and the foreign key is neither deferrable nor self-referencing. The probes run in
/// the order of the table's foreign keys and stop at the first one that does not qualify, so the
/// keys left to the end of the statement still fail in the order PostgreSQL reports them.
/// </summary>
public sealed partial class RowWriter
{
    /// <summary>
    /// The statement inserts exactly this one row, has computed all its values already and has
    /// no data-modifying WITH, ON CONFLICT or RETURNING (set by <see cref="Execution.DmlExecutor"/>).
    /// </summary>
    internal bool SingleRowStatement { get; set; }

    /// <summary>
    /// Set by the caller when it takes the error that rejects its one row (a missing parent found
    /// here, or a NOT NULL, CHECK or unique violation in <see cref="Insert"/>) from
    /// <see cref="Failure"/> instead of as a throw; <see cref="Insert"/> then returns -1, and what
    /// it wrote by then is undone with the statement.
    /// </summary>
    internal bool FailureAsValue { get; set; }

    /// <summary>The error that rejected the row, when <see cref="FailureAsValue"/> is set.</summary>
    internal TenonException? Failure { get; private set; }

    /// <summary>
    /// Probes the parents of <paramref name="row"/> before it is written (see the class remarks);
    /// returns a bit per foreign key (by position) whose parent was found, and throws 23503 for a
    /// missing one unless a unique index would reject the row first.
    /// </summary>
    private ulong CheckParentsEarly(TableDef table, object?[] row)
    {
        var fks = table.ForeignKeys;
        if (!SingleRowStatement || fks.Count == 0 || fks.Count > 64 || _ctx.Explain is not null || table.IsPartition
            || Tx.Latest is not null || Tx.Reads is not null
            || (!Catalog.Routines.Triggers.IsEmpty && Catalog.TriggersOf(table.Oid).Count > 0))
            return 0;
        ulong found = 0;
        for (var i = 0; i < fks.Count; i++)
        {
            var fk = fks[i];
            if (fk.Deferrable || fk.ParentTableOid == table.Oid) break;
            var nulls = 0;
            for (var c = 0; c < fk.Columns.Count; c++)
                if (row[fk.Columns[c] - 1] is null) nulls++;
            if (nulls > 0)
            {
                // No check is queued for a key with NULLs, except a partial one under MATCH FULL, which fails at the end.
                if (nulls < fk.Columns.Count && fk.Match == Sql.Ast.MatchType.Full) break;
                continue;
            }
            var parent = Catalog.Table(fk.ParentTableOid);
            if (EarlyParentKeyExists(table, fk, parent, row))
            {
                found |= 1UL << i;
                continue;
            }
            // Writing the row into its indexes comes before the statement's end, and may fail first.
            if (IndexWriteFailsFirst(table, row)) break;
            var error = MissingParent(table, fk, parent, row);
            if (!FailureAsValue) throw error;
            Failure = error;
            return 0;
        }
        return found;
    }

    /// <summary>
    /// Goes through <paramref name="row"/>'s index entries as <see cref="AddToIndex"/> makes them, in
    /// the same order: an index predicate or expression that fails raises its error here, as it
    /// would there; true when a unique index already holds the key (the write reports that).
    /// </summary>
    private bool IndexWriteFailsFirst(TableDef table, object?[] row)
    {
        for (var i = 0; i < table.Indexes.Count; i++)
        {
            var index = table.Indexes[i];
            if (!IndexCovers(table, index, row)) continue;
            var key = IndexKey(table, index, row);
            if ((index.Unique || index.Exclusion) && (index.NullsNotDistinct || Array.IndexOf(key, null) < 0)
                && Tx.Index(table.Oid, i).ContainsKey(key)) return true;
        }
        return false;
    }

    /// <summary>
    /// <see cref="ParentKeyExists"/> for the early check, which runs with neither a snapshot older
    /// than the latest version nor serializable tracking. A one-column key of the parent key's own
    /// type needs no conversion, so the parent index is probed with the child's value as it is,
    /// through a reused key array (a lookup keeps nothing of its key).
    /// </summary>
    private bool EarlyParentKeyExists(TableDef child, ForeignKeyDef fk, TableDef parent, object?[] row)
    {
        if (fk.Columns.Count == 1 && !parent.IsPartitioned)
        {
            var position = parent.IndexPosition(fk.ParentIndexOid);
            var index = parent.Indexes[position];
            if (index.Columns.Count == 1 && index.Columns[0] == fk.ParentColumns[0]
                && child.Column(fk.Columns[0]).Type.Id == parent.Column(index.Columns[0]).Type.Id)
            {
                var key = _parentProbe ??= new object?[1];
                key[0] = row[fk.Columns[0] - 1];
                var found = Tx.Index(parent.Oid, position).ContainsKey(key);
                key[0] = null;
                return found;
            }
        }
        return ParentKeyExists(parent, fk, FkOrderKey(child, fk, row));
    }

    private object?[]? _parentProbe;

    /// <summary>The row's key for <paramref name="fk"/>, in the foreign key's column order, with the child columns' types.</summary>
    private static (object? Value, SqlType Type)[] FkOrderKey(TableDef child, ForeignKeyDef fk, object?[] row)
    {
        var key = new (object? Value, SqlType Type)[fk.Columns.Count];
        for (var i = 0; i < key.Length; i++) key[i] = (row[fk.Columns[i] - 1], child.Column(fk.Columns[i]).Type);
        return key;
    }

    private TenonException MissingParent(TableDef child, ForeignKeyDef fk, TableDef parent, object?[] row) =>
        SqlErrors.ForeignKeyMissingParent(child, fk, parent, KeyColumnList(child, fk.Columns, quote: false), KeyValueList(child, fk.Columns, row));
}

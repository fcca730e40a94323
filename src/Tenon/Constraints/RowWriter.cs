using System.Text;
using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution;
using Tenon.Execution.Expressions;
using Tenon.Execution.Plan;
using Tenon.Transactions;
using Tenon.Types;

namespace Tenon.Constraints;

/// <summary>
/// Writes rows for one statement and enforces every constraint at the moment PostgreSQL does.
///
/// Per row, as the row is written (PostgreSQL's ExecConstraints and index insertion order):
///   R.1  NOT NULL, in column order                       → 23502
///   R.2  CHECK constraints, in name order                 → 23514
///   R.3  unique indexes, in creation order; a key with a NULL never conflicts (NULLS DISTINCT)
///                                                          → 23505
/// At end of statement (<see cref="Finish"/>), events queued by R.4–R.6 run in order (deferred ones at COMMIT):
///   R.4  child row inserted, or its key changed: the parent key must exist (probe the parent's
///        unique index); all-NULL keys pass, partly-NULL pass under MATCH SIMPLE.
///   R.5  parent row deleted, or its key changed: apply ON DELETE / ON UPDATE to the child rows
///        (found through an index on the FK columns when there is one, else by scanning).
///        NO ACTION first checks whether another row now supplies the old key; RESTRICT does not.
///        CASCADE / SET NULL / SET DEFAULT write child rows through this same writer, so the
///        child's own constraints fire and cascades chain.
///   R.6  a row that collided in a DEFERRABLE unique index: the key must now be held by that row alone.
/// A failure anywhere throws; the statement's savepoint then discards everything it wrote.
/// </summary>
public sealed partial class RowWriter
{
    private ExecContext _ctx;
    private EventQueue _events;
    private Session.WriterExpressions? _bound;

    /// <summary>Bound CHECK, DEFAULT and index expressions, shared across statements (Session.PlanCache.cs).</summary>
    private Session.WriterExpressions Bound
    {
        get
        {
            // A DDL statement may replace the catalog while it writes rows: look again then.
            if (_bound is null || !ReferenceEquals(_bound.Catalog, Catalog)) _bound = _ctx.Session.WriterExpressionsFor(Catalog);
            return _bound;
        }
    }

    public RowWriter(ExecContext ctx) => _ctx = ctx;

    private Transaction Tx => _ctx.Transaction;
    private SystemCatalog Catalog => Tx.Catalog;

    /// <summary>
    /// Inserts a complete row (one slot per table column); returns its row id.
    /// <paramref name="rowChecked"/> says the caller already ran <see cref="CheckRow"/> on it;
    /// <paramref name="routedFrom"/> is the partitioned table the caller routed it from, if any.
    /// </summary>
    public long Insert(TableDef table, object?[] row, bool rowChecked = false, TableDef? routedFrom = null)
    {
        // A row for a partitioned table goes to its leaf partition (PartitionRouting.cs).
        if (table.IsPartitioned)
        {
            routedFrom = table;
            (table, row) = Partitions.Route(table, row);
            rowChecked = false;
        }
        if (!FireBeforeRow(table, "insert", null, row)) return -1;
        if (!rowChecked)
        {
            // A routed row's violations show it as the statement's table has it.
            _routedFrom = routedFrom;
            var violation = RowViolation(table, row);
            _routedFrom = null;
            if (violation is not null) return Reject(violation);
        }
        var parentsFound = CheckParentsEarly(table, row);
        if (Failure is not null) return -1;
        var wt = Tx.Write(table.Oid);
        wt.Rows = wt.Rows.Insert(row, Tx.Token, out var rowId, Tx.Xid);
        QueueAfterRow(table, "insert", null, row, beforeRi: true);
        for (var i = 0; i < table.Indexes.Count; i++)
            if (AddToIndex(table, wt, i, row, rowId) is { } duplicate) return Reject(duplicate);
        // PostgreSQL queues the check of every inserted row, even one whose key is NULL (the check
        // then passes); for a deferred key that pending event is visible: TRUNCATE refuses the table.
        var fks = table.ForeignKeys;
        for (var i = 0; i < fks.Count; i++)
            if ((parentsFound & (1UL << i)) != 0) continue;
            else if (fks[i].Deferrable || ChildCheckNeeded(fks[i], row)) _events.Enqueue(Counted(ConstraintEvent.ChildCheck(fks[i], rowId, row)));
            else _ctx.Explain?.SkippedCheck(fks[i]);
        QueueAfterRow(table, "insert", null, row, beforeRi: false);
        return rowId;
    }

    /// <summary>
    /// Replaces a row's values. Like PostgreSQL's new tuple version, the new row goes to the end of
    /// the table under a fresh row id (so a later scan without ORDER BY returns it after the rows
    /// not updated, as a small PostgreSQL heap does); returns that id.
    /// </summary>
    public long Update(TableDef table, long rowId, object?[] oldRow, object?[] newRow, bool beforeRowFired = false)
    {
        if (!beforeRowFired && !FireBeforeRow(table, "update", oldRow, newRow)) return -1;
        CheckRow(table, newRow);
        CheckNotChangedConcurrently(table, rowId, oldRow);
        var wt = Tx.Write(table.Oid);
        wt.Rows = wt.Rows.Delete(rowId, Tx.Token).Insert(newRow, Tx.Token, out var newRowId, Tx.Xid);
        for (var i = 0; i < table.Indexes.Count; i++)
        {
            var index = table.Indexes[i];
            if (KeyUnchanged(index, oldRow, newRow))
            {
                // Only the row id moves: the entry cannot collide where it did not before.
                wt.Indexes[i] = wt.Indexes[i].MoveRow(KeyOf(index, newRow), rowId, newRowId, Tx.Token);
                continue;
            }
            if (IndexCovers(table, index, oldRow))
                wt.Indexes[i] = wt.Indexes[i].Remove(ProbeKey(table, index, oldRow), rowId, Tx.Token);
            if (AddToIndex(table, wt, i, newRow, newRowId) is { } duplicate) throw duplicate;
        }
        QueueAfterRow(table, "update", oldRow, newRow, beforeRi: true);
        // PostgreSQL fires a row's RI triggers in name order: the referenced side's actions
        // (RI_ConstraintTrigger_a_…) before the referencing side's checks (…_c_…), so in a
        // self-referencing table a cascade can replace the row before its check runs.
        var referencing = Catalog.ReferencingForeignKeys(table.Oid);
        for (var i = 0; i < referencing.Count; i++)
        {
            var fk = referencing[i];
            if (!HasNull(fk.ParentColumns, oldRow) && !SameKey(fk.ParentColumns, oldRow, newRow, byImage: true))
                _events.Enqueue(Counted(ConstraintEvent.ParentUpdate(fk, oldRow, newRow)));
        }
        if (table.IsPartition) QueueAncestorParentEvents(table, oldRow, newRow);
        // A row this transaction wrote is checked again even with its key unchanged: the check queued
        // for its earlier version no longer applies once that version is gone (PostgreSQL does the same).
        var fks = table.ForeignKeys;
        for (var i = 0; i < fks.Count; i++)
        {
            var fk = fks[i];
            if ((!SameKey(fk.Columns, oldRow, newRow, byImage: false) || Tx.WroteRow(table.Oid, rowId)) && ChildCheckNeeded(fk, newRow))
                _events.Enqueue(Counted(ConstraintEvent.ChildCheck(fk, newRowId, newRow)));
        }
        QueueAfterRow(table, "update", oldRow, newRow, beforeRi: false);
        return newRowId;
    }

    /// <summary>Deletes a row; false when a BEFORE ROW trigger skipped it. <paramref name="moving"/>: the row moves to another partition, whose ancestors see an update (<see cref="QueueMoveEvents"/>).</summary>
    public bool Delete(TableDef table, long rowId, object?[] oldRow, bool moving = false)
    {
        CheckNotChangedConcurrently(table, rowId, oldRow);
        if (!FireBeforeRow(table, "delete", oldRow, null)) return false;
        var wt = Tx.Write(table.Oid);
        wt.Rows = wt.Rows.Delete(rowId, Tx.Token);
        for (var i = 0; i < table.Indexes.Count; i++)
            if (IndexCovers(table, table.Indexes[i], oldRow))
                wt.Indexes[i] = wt.Indexes[i].Remove(ProbeKey(table, table.Indexes[i], oldRow), rowId, Tx.Token);
        QueueAfterRow(table, "delete", oldRow, null, beforeRi: true);
        var referencing = Catalog.ReferencingForeignKeys(table.Oid);
        for (var i = 0; i < referencing.Count; i++)
            if (!HasNull(referencing[i].ParentColumns, oldRow))
                _events.Enqueue(Counted(ConstraintEvent.ParentDelete(referencing[i], oldRow)));
        if (table.IsPartition && !moving) QueueAncestorParentEvents(table, oldRow, null);
        QueueAfterRow(table, "delete", oldRow, null, beforeRi: false);
        return true;
    }

    /// <summary>
    /// Whether an update leaves a row's entry in a plain-column, non-partial index with the same key
    /// (same representation) and that entry needs no uniqueness check: the index is not unique, or
    /// it is a non-deferrable unique one, which held the key for this row alone before (a deferrable
    /// one may hold duplicates until its recheck; an older snapshot must look for concurrent keys).
    /// </summary>
    private bool KeyUnchanged(IndexDef index, object?[] oldRow, object?[] newRow)
    {
        if (index.HasExpressions || index.Predicate is not null) return false;
        if ((index.Unique || index.Exclusion) && (index.Deferrable || Tx.Latest is not null)) return false;
        var columns = index.Columns;
        for (var i = 0; i < columns.Count; i++)
            if (!SameImage(oldRow[columns[i] - 1], newRow[columns[i] - 1])) return false;
        return true;
    }

    // Scratch keys, by length, for removing index entries: a removal does not keep the key it is given.
    private object?[]?[]? _probeKeys;

    /// <summary>The index key of a row for a removal; may be a scratch array reused by the next call.</summary>
    private object?[] ProbeKey(TableDef table, IndexDef index, object?[] row)
    {
        var n = index.Columns.Count;
        if (index.HasExpressions || n > 8) return IndexKey(table, index, row);
        _probeKeys ??= new object?[]?[9];
        var key = _probeKeys[n] ??= new object?[n];
        for (var i = 0; i < n; i++) key[i] = row[index.Columns[i] - 1];
        return key;
    }

    /// <summary>
    /// PostgreSQL's first-updater-wins rule for REPEATABLE READ: a row version of the snapshot that
    /// a committed transaction has since updated or deleted cannot be written (40001). Which of the
    /// two it was is told by the table's first unique key: a concurrently added row holding the old
    /// row's key means it was updated (an update that changed that key reads as a delete).
    /// </summary>
    private void CheckNotChangedConcurrently(TableDef table, long rowId, object?[] oldRow)
    {
        if (!Tx.ChangedConcurrently(table.Oid, rowId)) return;
        for (var i = 0; i < table.Indexes.Count; i++)
        {
            var index = table.Indexes[i];
            if (!index.Unique || index.HasExpressions || index.Predicate is not null) continue;
            var key = KeyOf(index, oldRow);
            if (key.Any(v => v is null)) continue;
            throw Tx.KeyAddedConcurrently(table.Oid, i, key) ? SerializationErrors.ConcurrentUpdate() : SerializationErrors.ConcurrentDelete();
        }
        throw SerializationErrors.ConcurrentUpdate();
    }

    /// <summary>
    /// Completes a row about to be written: computes its stored generated columns from the other
    /// columns (as PostgreSQL does before checking constraints), then R.1, R.2 (NOT NULL, CHECK).
    /// </summary>
    public void CheckRow(TableDef table, object?[] row)
    {
        if (RowViolation(table, row) is { } violation) throw violation;
    }

    /// <summary>
    /// <see cref="CheckRow"/>'s NOT NULL or CHECK violation, returned rather than thrown (an error
    /// evaluating a check, or a partition constraint's, is still thrown).
    /// </summary>
    private TenonException? RowViolation(TableDef table, object?[] row)
    {
        ComputeGenerated(table, row);
        var columns = table.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            if (c.NotNull && !c.IsDropped && row[c.Number - 1] is null)
                return SqlErrors.NotNullViolation(table, c, FailingRow(table, row));
        }
        var checks = ChecksOf(table);
        for (var i = 0; i < checks.Count; i++)
            if (checks[i].Expr.Eval(row, _ctx) is false)
                return SqlErrors.CheckViolation(table, checks[i].Def, FailingRow(table, row));
        if (table.IsPartition && !Partitions.SatisfiesConstraint(table, row))
            throw new TenonException(SqlState.CheckViolation, $"new row for relation \"{table.Name}\" violates partition constraint",
                $"Failing row contains {FailingRow(table, row)}.")
            { SchemaName = table.Schema, TableName = table.Name };
        return null;
    }

    // The partitioned table an insert named, while its routed row is checked (FailingRow shows the row in its layout).
    private TableDef? _routedFrom;

    /// <summary>
    /// Ends <see cref="Insert"/> with <paramref name="error"/>: thrown, or kept in <see cref="Failure"/>
    /// for a caller that takes it as a value (what was written by then is undone with the statement).
    /// </summary>
    private long Reject(TenonException error)
    {
        if (!FailureAsValue) throw error;
        Failure = error;
        return -1;
    }

    /// <summary>Sets every stored generated column of <paramref name="row"/> from its other columns.</summary>
    public void ComputeGenerated(TableDef table, object?[] row)
    {
        var cache = Bound.Generated;
        if (!cache.TryGetValue(table, out var list))
        {
            list = BindGenerated(table);
            cache[table] = list;
        }
        for (var i = 0; i < list.Count; i++) row[list[i].Number - 1] = list[i].Expr.Eval(row, _ctx);
    }

    // Apart from ComputeGenerated so that the binder's closure is allocated only on a cache miss.
    private List<(short Number, BoundExpr Expr)> BindGenerated(TableDef table)
    {
        var binder = new Binder(_ctx);
        return table.LiveColumns.Where(c => c.Generated is not null).Select(c => (c.Number, binder.BindGenerationExpression(table, c))).ToList();
    }

    private PartitionRouter? _partitions;

    /// <summary>Tuple routing and partition constraints for this statement's rows.</summary>
    public PartitionRouter Partitions => _partitions ??= new PartitionRouter(_ctx);

    private List<(CheckConstraintDef Def, BoundExpr Expr)> ChecksOf(TableDef table)
    {
        var checks = Bound.Checks;
        if (checks.TryGetValue(table, out var list)) return list;
        list = new List<(CheckConstraintDef, BoundExpr)>();
        var binder = new Binder(_ctx);
        foreach (var check in table.Checks.OrderBy(c => c.Name, StringComparer.Ordinal))
            list.Add((check, binder.BindCondition(check.Condition, TableScope(table), "CHECK")));
        checks[table] = list;
        return list;
    }

    /// <summary>A scope whose columns are a stored row of <paramref name="table"/>.</summary>
    public static Scope TableScope(TableDef table, string? alias = null)
    {
        var scope = new Scope(null);
        var cols = table.Columns.Select((c, i) => new ScopeColumn(c.Name, c.Type, i, table.Oid, c.Number) { Hidden = c.IsDropped }).ToList();
        scope.Add(new RangeEntry(alias ?? table.Name, cols) { TableOid = table.Oid });
        scope.Width = cols.Count;
        return scope;
    }

    // R.3; a duplicate key of a unique or exclusion index is returned (nothing added), not thrown.
    private TenonException? AddToIndex(TableDef table, WorkingTable wt, int position, object?[] row, long rowId)
    {
        var index = table.Indexes[position];
        if (!IndexCovers(table, index, row)) return null;
        var key = IndexKey(table, index, row);
        if (!(index.Unique || index.Exclusion) || (!index.NullsNotDistinct && Array.IndexOf(key, null) >= 0))
        {
            wt.Indexes[position] = wt.Indexes[position].Add(key, rowId, Tx.Token);
            return null;
        }
        // One descent adds the entry and sees whether another holds the key. A violation fails the
        // statement, whose half-written state is never read again (see Session.ExecuteInterruptible).
        wt.Indexes[position] = wt.Indexes[position].AddUnique(key, rowId, Tx.Token, out var duplicate);
        if (duplicate || Tx.KeyAddedConcurrently(table.Oid, position, key))
        {
            if (!index.Deferrable) return KeyViolation(table, index, key);
            // A deferrable constraint only notes the possible conflict; the recheck decides later (R.6).
            _events.Enqueue(ConstraintEvent.UniqueRecheck(KeyConstraintOf(table, index), rowId, row));
        }
        return null;
    }

    // Apart from AddToIndex so that the closure is allocated only for a deferrable key's collision.
    private static KeyConstraintDef KeyConstraintOf(TableDef table, IndexDef index) =>
        table.Constraints.OfType<KeyConstraintDef>().First(k => k.IndexOid == index.Oid);

    /// <summary>23505 for a unique index, 23P01 for the index of an exclusion constraint.</summary>
    internal TenonException KeyViolation(TableDef table, IndexDef index, object?[] key) => index.Exclusion
        ? SqlErrors.ExclusionViolation(table, index, IndexKeyColumns(table, index), IndexKeyValues(table, index, key))
        : SqlErrors.UniqueViolation(table, index, IndexKeyColumns(table, index), IndexKeyValues(table, index, key));

    /// <summary>The key of a row in an index whose keys are all columns (see <see cref="IndexKey"/> for any index).</summary>
    public static object?[] KeyOf(IndexDef index, object?[] row)
    {
        var key = new object?[index.Columns.Count];
        for (var i = 0; i < key.Length; i++) key[i] = row[index.Columns[i] - 1];
        return key;
    }

    /// <summary>The row as PostgreSQL prints it in "Failing row contains (…)": values cut to 64 bytes.</summary>
    public string FailingRow(TableDef table, object?[] row)
    {
        if (_routedFrom is { } root && root.Oid != table.Oid)
        {
            row = PartitionRouter.MapRow(table, root, row);
            table = root;
        }
        var sb = new StringBuilder("(");
        var first = true;
        foreach (var c in table.Columns)
        {
            if (c.IsDropped) continue;
            if (!first) sb.Append(", ");
            first = false;
            var v = row[c.Number - 1];
            if (v is null) { sb.Append("null"); continue; }
            var text = _ctx.Session.FormatValue(v, c.Type);
            if (Encoding.UTF8.GetByteCount(text) > 64) text = ClipTo64Bytes(text) + "...";
            sb.Append(text);
        }
        return sb.Append(')').ToString();
    }

    private static string ClipTo64Bytes(string s)
    {
        var sb = new StringBuilder();
        var bytes = 0;
        foreach (var r in s.EnumerateRunes())
        {
            if (bytes + r.Utf8SequenceLength > 64) break;
            bytes += r.Utf8SequenceLength;
            sb.Append(r.ToString());
        }
        return sb.ToString();
    }

    // Built for every rejected row, so without closures or LINQ, and a one-column key (the usual one) without a join.
    public static string KeyColumnList(TableDef table, IReadOnlyList<short> columns, bool quote)
    {
        if (columns.Count == 1) return KeyColumnName(table, columns[0], quote);
        var names = new string[columns.Count];
        for (var i = 0; i < names.Length; i++) names[i] = KeyColumnName(table, columns[i], quote);
        return string.Join(", ", names);
    }

    private static string KeyColumnName(TableDef table, short column, bool quote) =>
        quote ? SqlErrors.QuoteIdentifier(table.Column(column).Name) : table.Column(column).Name;

    public string KeyValueList(TableDef table, IReadOnlyList<short> columns, object?[] row)
    {
        if (columns.Count == 1) return KeyValueText(table, columns[0], row);
        var values = new string[columns.Count];
        for (var i = 0; i < values.Length; i++) values[i] = KeyValueText(table, columns[i], row);
        return string.Join(", ", values);
    }

    private string KeyValueText(TableDef table, short column, object?[] row) =>
        row[column - 1] is { } v ? _ctx.Session.FormatValue(v, table.Column(column).Type) : "null";

    private static bool HasNull(IReadOnlyList<short> columns, object?[] row)
    {
        for (var i = 0; i < columns.Count; i++)
            if (row[columns[i] - 1] is null) return true;
        return false;
    }

    private bool SameKey(IReadOnlyList<short> columns, object?[] a, object?[] b, bool byImage)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            var n = columns[i];
            var x = a[n - 1];
            var y = b[n - 1];
            if (x is null || y is null)
            {
                if (x is null && y is null) continue;
                return false;
            }
            if (byImage ? !SameImage(x, y) : !ValueComparer.Equal(x, y, TypeOfValue(x))) return false;
        }
        return true;
    }

    private static bool SameImage(object?[] a, object?[] b)
    {
        for (var i = 0; i < a.Length; i++)
            if (!SameImage(a[i], b[i])) return false;
        return true;
    }

    // datum_image_eq: identical representation (so -0 → 0 or 1.0 → 1.00 still counts as a change).
    private static bool SameImage(object? x, object? y) => (x, y) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (Numeric a, Numeric b) => a.Equals(b) && a.Scale == b.Scale,
        (double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b),
        (float a, float b) => BitConverter.SingleToInt32Bits(a) == BitConverter.SingleToInt32Bits(b),
        (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
        _ => x.Equals(y),
    };

    private static TypeId TypeOfValue(object v) => v switch
    {
        bool => TypeId.Bool,
        short => TypeId.Int2,
        int => TypeId.Int4,
        long => TypeId.Int8,
        Numeric => TypeId.Numeric,
        float => TypeId.Float4,
        double => TypeId.Float8,
        string => TypeId.Text,
        Guid => TypeId.Uuid,
        PgDate => TypeId.Date,
        PgTimestamp => TypeId.Timestamp,
        PgTimestampTz => TypeId.Timestamptz,
        PgInterval => TypeId.Interval,
        PgTime => TypeId.Time,
        byte[] => TypeId.Bytea,
        PgInet => TypeId.Inet,
        _ => TypeId.Text,
    };

    private static bool ChildCheckNeeded(ForeignKeyDef fk, object?[] row)
    {
        var nulls = 0;
        for (var i = 0; i < fk.Columns.Count; i++)
            if (row[fk.Columns[i] - 1] is null) nulls++;
        if (nulls == fk.Columns.Count) return false;
        if (nulls > 0 && fk.Match != Sql.Ast.MatchType.Full) return false;
        return true;
    }
}

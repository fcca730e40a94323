using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;
using MatchType = Tenon.Sql.Ast.MatchType;
using Tenon.Transactions;
using Tenon.Types;

namespace Tenon.Constraints;

public sealed partial class RowWriter
{

    /// <summary>Runs the queued foreign-key events (R.4, R.5) until none are left; deferrable ones go to the transaction.</summary>
    public void Finish()
    {
        ConstraintEvent? held = null;
        while (held is not null || _events.TryDequeue(out held))
        {
            var e = held;
            held = null;
            if (IsDeferred(e)) { Tx.Timing = Tx.Timing with { Pending = Tx.Timing.Pending.Add(e) }; continue; }
            // Either way, an event taken out to look at comes back in held, to run next.
            if (TryCascadeDeleteTogether(e, out held)) continue;
            if (held is null && TryCheckChildrenTogether(e, out held)) continue;
            Run(e);
            // A refusal taken as a value ends the statement: what is left of the queue never runs.
            if (Failure is not null) return;
        }
        PassOnChildBuffer();
    }

    /// <summary>Runs events deferred to commit (or to SET CONSTRAINTS … IMMEDIATE).</summary>
    public void RunDeferred(IEnumerable<ConstraintEvent> events)
    {
        foreach (var e in events) RunOrThrow(e);
        while (_events.TryDequeue(out var e)) RunOrThrow(e);
    }

    // Outside a statement's end, a refusal is always thrown.
    private void RunOrThrow(ConstraintEvent e)
    {
        Run(e);
        if (Failure is { } failure) throw failure;
    }

    private bool IsDeferred(ConstraintEvent e)
    {
        if (!e.Constraint.Deferrable) return false;
        // Only the check and NO ACTION triggers can be deferred; RESTRICT and the actions never are.
        if (e.Kind is ConstraintEventKind.ParentDelete or ConstraintEventKind.ParentUpdate)
        {
            var action = e.Kind == ConstraintEventKind.ParentDelete ? e.ForeignKey.OnDelete : e.ForeignKey.OnUpdate;
            if (action != ReferentialAction.NoAction) return false;
        }
        return Tx.IsConstraintDeferred(e.Constraint);
    }

    private void Run(ConstraintEvent e)
    {
        if (_ctx.Explain is { } explain)
        {
            RunExplained(explain, e);
            return;
        }
        RunEvent(e);
    }

    private void RunEvent(ConstraintEvent e)
    {
        // One event per written row, cascades included: a long cascade can be cancelled.
        _ctx.Session.CheckForInterrupts();
        if (e.Kind == ConstraintEventKind.UniqueRecheck) { RecheckUnique(e); return; }
        if (e.Kind == ConstraintEventKind.AfterTrigger) { RunAfterTrigger(e); return; }
        if (!Catalog.Tables.TryGetValue(e.ForeignKey.TableOid, out var child)) return;
        ForeignKeyDef? fk = null;
        var fks = child.ForeignKeys;
        for (var i = 0; i < fks.Count; i++)
            if (fks[i].Oid == e.ForeignKey.Oid) { fk = fks[i]; break; }
        if (fk is null) return;
        var parent = Catalog.Table(fk.ParentTableOid);
        switch (e.Kind)
        {
            case ConstraintEventKind.ChildCheck:
                // A row deleted or updated since the event was queued is not checked (its new version has its own event).
                if (!Tx.Rows(child.Oid).TryGet(e.RowId, out var live) || !ReferenceEquals(live, e.OldRow)) return;
                if (_lastParentFound.Holds(this, fk, parent, e.OldRow)) return;
                CheckParentExists(child, fk, parent, e.OldRow);
                _lastParentFound.Remember(this, fk, parent, e.OldRow);
                break;
            case ConstraintEventKind.ParentDelete:
                _eventSource = e.SourcePartition;
                ApplyParentAction(parent, child, fk, fk.OnDelete, e.OldRow, null);
                _eventSource = 0;
                break;
            case ConstraintEventKind.ParentUpdate:
                _eventSource = e.SourcePartition;
                ApplyParentAction(parent, child, fk, fk.OnUpdate, e.OldRow, e.NewRow);
                _eventSource = 0;
                break;
        }
    }

    // Apart from Run so that its closure is allocated under EXPLAIN ANALYZE only.
    private void RunExplained(Execution.Explain.ExplainStats explain, ConstraintEvent e)
    {
        if (explain.InTrigger) explain.RunNested(e, () => RunEvent(e));
        else explain.Run(e, () => RunEvent(e));
    }

    // R.4
    private void CheckParentExists(TableDef child, ForeignKeyDef fk, TableDef parent, object?[] row)
    {
        var nulls = 0;
        for (var i = 0; i < fk.Columns.Count; i++)
            if (row[fk.Columns[i] - 1] is null) nulls++;
        if (nulls == fk.Columns.Count) return;
        if (nulls > 0)
        {
            if (fk.Match == MatchType.Full) throw SqlErrors.ForeignKeyMatchFull(child, fk);
            return;
        }
        if (!ParentKeyExists(parent, fk, FkOrderKey(child, fk, row))) throw MissingParent(child, fk, parent, row);
    }

    /// <summary>Probes the parent's unique index for a key given in FK column order.</summary>
    private bool ParentKeyExists(TableDef parent, ForeignKeyDef fk, (object? Value, SqlType Type)[] fkOrderKey)
    {
        if (parent.IsPartitioned) return PartitionedParentKeyExists(parent, fk, fkOrderKey);
        var position = parent.IndexPosition(fk.ParentIndexOid);
        var index = parent.Indexes[position];
        var key = new object?[index.Columns.Count];
        for (var i = 0; i < key.Length; i++)
        {
            var j = IndexOf(fk.ParentColumns, index.Columns[i]);
            var (value, type) = fkOrderKey[j];
            var target = parent.Column(index.Columns[i]).Type;
            if (!(ForeignKeyTypes.SameFamily(type, target) ? TryConvert(value, type, target, out key[i]) : TryPromote(value, type, target, out key[i])))
                return false;
        }
        var store = Tx.Index(parent.Oid, position);
        Tx.Reads?.Range(parent.Oid, index, store.KeyComparer, Storage.Bound.Inclusive(key), Storage.Bound.Inclusive(key));
        if (!store.TrySeekFirst(key, out var rowId)) return false;
        // REPEATABLE READ: PostgreSQL locks the parent row FOR KEY SHARE, which fails when the row
        // was deleted or its key changed after the snapshot (an update that kept the key is fine).
        if (Tx.ChangedConcurrently(parent.Oid, rowId) && !Tx.LatestData(parent.Oid)!.Indexes[position].ContainsKey(key))
            throw SerializationErrors.ConcurrentUpdate();
        return true;
    }

    // R.5
    private void ApplyParentAction(TableDef parent, TableDef child, ForeignKeyDef fk, ReferentialAction action, object?[] oldRow, object?[]? newRow)
    {
        var oldKey = new (object? Value, SqlType Type)[fk.ParentColumns.Count];
        for (var i = 0; i < oldKey.Length; i++) oldKey[i] = (oldRow[fk.ParentColumns[i] - 1], parent.Column(fk.ParentColumns[i]).Type);
        if (action == ReferentialAction.NoAction && ParentKeyExists(parent, fk, oldKey)) return;
        FireActionStatementTriggers(child, fk, action, newRow is null, 'B');
        var children = TakeChildBuffer();
        try
        {
            // RESTRICT and NO ACTION only ask whether some child is left (unless older-snapshot children must be reconciled).
            var refuses = action is ReferentialAction.NoAction or ReferentialAction.Restrict;
            FindChildren(child, fk, oldKey, children, firstOnly: refuses && Tx.Latest is null);
            if (Tx.Latest is not null) ReconcileChildren(child, fk, action, oldKey, oldRow, parent, children);
            if (children.Count > 0) ApplyToChildren(parent, child, fk, action, oldKey, oldRow, newRow, children);
            FireActionStatementTriggers(child, fk, action, newRow is null, 'A');
        }
        finally
        {
            ReturnChildBuffer(children);
        }
    }

    private void ApplyToChildren(TableDef parent, TableDef child, ForeignKeyDef fk, ReferentialAction action,
        (object? Value, SqlType Type)[] oldKey, object?[] oldRow, object?[]? newRow, List<(long RowId, object?[] Row)> children)
    {
        switch (action)
        {
            case ReferentialAction.NoAction:
            case ReferentialAction.Restrict:
                Refuse(StillReferenced(parent, child, fk, oldRow));
                break;
            case ReferentialAction.Cascade when newRow is null:
            {
                // Deleting a child only queues events; nothing else runs between two of these deletes
                // unless a BEFORE ROW trigger does, so only then can a later child have changed meanwhile.
                var mayChange = FiresBeforeRow(child, "delete");
                if (!mayChange && children.Count > 1 && CanDeleteTogether(child))
                {
                    DeleteChildren(child, children);
                    break;
                }
                for (var c = 0; c < children.Count; c++)
                {
                    var (rowId, row) = children[c];
                    if (mayChange && !IsLive(child, rowId, row)) throw ChangedByTrigger();
                    Delete(child, rowId, row);
                }
                break;
            }
            case ReferentialAction.Cascade:
                if (children.Count > 1 && CanUpdateTogether(child, fk))
                {
                    UpdateChildren(parent, child, fk, newRow, children);
                    break;
                }
                for (var c = 0; c < children.Count; c++)
                {
                    var (rowId, row) = children[c];
                    if (!IsLive(child, rowId, row)) throw ChangedByTrigger();
                    var updated = (object?[])row.Clone();
                    for (var i = 0; i < fk.Columns.Count; i++)
                    {
                        var childCol = child.Column(fk.Columns[i]);
                        var parentCol = parent.Column(fk.ParentColumns[i]);
                        var v = newRow[fk.ParentColumns[i] - 1];
                        updated[fk.Columns[i] - 1] = v is null ? null : ValueCast.Cast(v, parentCol.Type, childCol.Type, CastContext.Assignment, _ctx.Settings);
                    }
                    UpdateActionRow(child, fk, rowId, row, updated);
                }
                break;
            case ReferentialAction.SetNull:
            case ReferentialAction.SetDefault:
            {
                var columns = newRow is null && fk.OnDeleteSetColumns is { } list ? list : fk.Columns;
                // The action updates the table that declared the key: a partition's row gets that table's defaults.
                var declaredIn = child.IsPartition && action == ReferentialAction.SetDefault ? ReportedChild(child, fk) : child;
                for (var c = 0; c < children.Count; c++)
                {
                    var (rowId, row) = children[c];
                    if (!IsLive(child, rowId, row)) throw ChangedByTrigger();
                    var updated = (object?[])row.Clone();
                    foreach (var n in columns)
                        updated[n - 1] = action == ReferentialAction.SetNull ? null
                            : ReferenceEquals(declaredIn, child) ? DefaultValue(child, child.Column(n))
                            : DefaultValue(declaredIn, declaredIn.FindColumn(child.Column(n).Name)!); // a partition's columns have its parent's types
                    UpdateActionRow(child, fk, rowId, row, updated);
                }
                if (action == ReferentialAction.SetDefault)
                {
                    // The default may be the very key that went away: re-run the NO ACTION check.
                    if (!ParentKeyExists(parent, fk, oldKey) && HasChild(child, fk, oldKey))
                        throw StillReferenced(parent, child, fk, oldRow);
                }
                break;
            }
        }
    }

    /// <summary>
    /// A parent key still referenced under RESTRICT or NO ACTION: thrown, or, for a DELETE or UPDATE
    /// that takes it as a value (<see cref="FailureAsValue"/>, set only when nothing but this
    /// statement's <see cref="Finish"/> runs events), kept in <see cref="Failure"/>; <see cref="Finish"/>
    /// then stops and the statement returns it, undone like a thrown one, without a throw through
    /// every frame from here to the caller.
    /// </summary>
    private void Refuse(TenonException error)
    {
        if (!FailureAsValue) throw error;
        Failure ??= error;
    }

    // One list for the children of the event being applied; an action that runs while another holds it gets its own.
    private List<(long RowId, object?[] Row)>? _childBuffer;

    // The list of a writer whose statement ended, for the next writer on this thread (a writer is
    // made per statement, and growing a new list to a parent's hundred children each time showed).
    // A list is in one place at a time: in use, a writer's _childBuffer, or here.
    [ThreadStatic] private static List<(long RowId, object?[] Row)>? t_spareChildBuffer;

    private List<(long RowId, object?[] Row)> TakeChildBuffer()
    {
        var list = _childBuffer;
        if (list is null)
        {
            list = t_spareChildBuffer ?? new List<(long RowId, object?[] Row)>();
            t_spareChildBuffer = null;
        }
        _childBuffer = null;
        return list;
    }

    private void ReturnChildBuffer(List<(long RowId, object?[] Row)> list)
    {
        // A huge cascade's list is not kept for the rest of the statement.
        if (list.Capacity > 4096) return;
        list.Clear();
        _childBuffer = list;
    }

    /// <summary>Leaves this writer's child list to the next writer on the thread (its statement has ended).</summary>
    private void PassOnChildBuffer()
    {
        if (_childBuffer is null) return;
        t_spareChildBuffer = _childBuffer;
        _childBuffer = null;
    }

    /// <summary>
    /// A row a statement (or a referential action) is about to write was changed meanwhile by what
    /// ran for an earlier row of it (a BEFORE ROW trigger, or a function it calls): PostgreSQL finds
    /// the row modified by a later command of its own statement and fails. Locking the row for a
    /// BEFORE ROW trigger says "updated" even for a delete; a delete without one says "deleted".
    /// </summary>
    internal static TenonException ChangedByTrigger(string verb = "updated") => new(SqlState.TriggeredDataChangeViolation,
        $"tuple to be {verb} was already modified by an operation triggered by the current command",
        hint: "Consider using an AFTER trigger instead of a BEFORE trigger to propagate changes to other rows.");

    /// <summary>Whether writing a row of <paramref name="table"/> runs BEFORE ROW triggers for <paramref name="ev"/> (insert, update, delete).</summary>
    internal bool FiresBeforeRow(TableDef table, string ev) => RowTriggers(table, 'B', ev).Count > 0;

    /// <summary>Whether this row version is still the table's (what ran for an earlier child of the same action may have changed or removed it).</summary>
    private bool IsLive(TableDef table, long rowId, object?[] row) =>
        Tx.Rows(table.Oid).TryGet(rowId, out var live) && ReferenceEquals(live, row);

    /// <summary>
    /// REPEATABLE READ writing on an older snapshot: PostgreSQL's referential actions look at the
    /// latest committed rows. Children others deleted or changed since the snapshot are not there;
    /// children others added are, and then RESTRICT and NO ACTION fail as usual while an action
    /// (which would change a row the snapshot cannot see) fails with 40001.
    /// </summary>
    private void ReconcileChildren(TableDef child, ForeignKeyDef fk, ReferentialAction action,
        (object? Value, SqlType Type)[] oldKey, object?[] oldRow, TableDef parent, List<(long RowId, object?[] Row)> children)
    {
        children.RemoveAll(c => Tx.ChangedConcurrently(child.Oid, c.RowId));
        var latest = Tx.LatestData(child.Oid)!;
        var inLatest = new List<(long RowId, object?[] Row)>();
        FindChildren(child, fk, oldKey, inLatest, firstOnly: false, latest);
        foreach (var (rowId, _) in inLatest)
        {
            if (Tx.InSnapshot(child.Oid, rowId)) continue;
            if (action is ReferentialAction.NoAction or ReferentialAction.Restrict)
                throw SqlErrors.ForeignKeyStillReferenced(parent, fk, child,
                    KeyColumnList(parent, fk.ParentColumns, quote: false), KeyValueList(parent, fk.ParentColumns, oldRow));
            throw SerializationErrors.ConcurrentUpdate();
        }
    }

    /// <summary>Whether some child row's FK columns equal a parent key.</summary>
    private bool HasChild(TableDef child, ForeignKeyDef fk, (object? Value, SqlType Type)[] parentKey)
    {
        var found = new List<(long RowId, object?[] Row)>(1);
        FindChildren(child, fk, parentKey, found, firstOnly: true);
        return found.Count > 0;
    }

    /// <summary>
    /// Adds to <paramref name="result"/> the child rows whose FK columns equal a parent key (only the
    /// first one found when <paramref name="firstOnly"/>), through an index on the FK columns when one
    /// exists. Reads the transaction's rows, or <paramref name="latest"/>'s when given.
    /// </summary>
    private void FindChildren(TableDef child, ForeignKeyDef fk, (object? Value, SqlType Type)[] parentKey,
        List<(long RowId, object?[] Row)> result, bool firstOnly, TableData? latest = null)
    {
        var rows = latest is null ? Tx.Rows(child.Oid) : latest.Rows;
        var n = fk.Columns.Count;
        var sameFamily = true;
        for (var i = 0; i < n && sameFamily; i++)
            sameFamily = ForeignKeyTypes.SameFamily(child.Column(fk.Columns[i]).Type, parentKey[i].Type);
        if (!sameFamily)
        {
            // The comparison happens in the referenced types: convert each child value, so no index on them helps.
            foreach (var (id, row) in rows.Scan())
            {
                _ctx.Session.CheckForInterrupts();
                var match = true;
                for (var i = 0; i < n && match; i++)
                {
                    var (value, type) = parentKey[i];
                    match = TryPromote(row[fk.Columns[i] - 1], child.Column(fk.Columns[i]).Type, type, out var promoted)
                        && promoted is not null && value is not null && ValueComparer.Equal(promoted, value, type.Id);
                }
                if (!match) continue;
                result.Add((id, row));
                if (firstOnly) return;
            }
            return;
        }
        var key = new object?[n];
        for (var i = 0; i < n; i++)
            if (!TryConvert(parentKey[i].Value, parentKey[i].Type, child.Column(fk.Columns[i]).Type, out key[i]))
                return;
        for (var p = 0; p < child.Indexes.Count; p++)
        {
            var index = child.Indexes[p];
            if (index.Columns.Count < n || index.Predicate is not null) continue;
            // The index must lead with the FK columns (in any order); the seek key follows the index's order.
            var leads = true;
            var inFkOrder = true;
            for (var j = 0; j < n && leads; j++)
            {
                var at = IndexOf(fk.Columns, index.Columns[j]);
                leads = at >= 0;
                inFkOrder &= at == j;
            }
            if (!leads) continue;
            var seekKey = key;
            if (!inFkOrder)
            {
                seekKey = new object?[n];
                for (var j = 0; j < n; j++) seekKey[j] = key[IndexOf(fk.Columns, index.Columns[j])];
            }
            var store = latest is null ? Tx.Index(child.Oid, p) : latest.Indexes[p];
            if (index.Columns.Count == n)
            {
                foreach (var id in store.Seek(seekKey))
                {
                    if (!rows.TryGet(id, out var row)) continue;
                    result.Add((id, row));
                    if (firstOnly) return;
                }
            }
            else
            {
                foreach (var id in store.SeekPrefixRowIds(seekKey))
                {
                    if (!rows.TryGet(id, out var row)) continue;
                    result.Add((id, row));
                    if (firstOnly) return;
                }
            }
            return;
        }
        var types = new TypeId[n];
        for (var i = 0; i < n; i++) types[i] = child.Column(fk.Columns[i]).Type.Id;
        foreach (var (id, row) in rows.Scan())
        {
            _ctx.Session.CheckForInterrupts();
            var match = true;
            for (var i = 0; i < n && match; i++)
            {
                var v = row[fk.Columns[i] - 1];
                match = v is not null && ValueComparer.Equal(v, key[i]!, types[i]);
            }
            if (!match) continue;
            result.Add((id, row));
            if (firstOnly) return;
        }
    }

    private bool TryConvert(object? value, SqlType from, SqlType to, out object? result)
    {
        result = value;
        if (value is null || from.Id == to.Id) return true;
        try
        {
            result = ValueCast.Cast(value, from, to.WithoutModifier(), CastContext.Explicit, _ctx.Settings);
            // A lossy conversion (e.g. 1.5 to integer) cannot match.
            var back = ValueCast.Cast(result!, to.WithoutModifier(), from, CastContext.Explicit, _ctx.Settings);
            return back is not null && ValueComparer.Equal(back, value, from.Id);
        }
        catch (TenonException)
        {
            return false;
        }
    }

    // The implicit conversion of a referencing value to the referenced type (the FK was accepted because it exists).
    private bool TryPromote(object? value, SqlType from, SqlType to, out object? result)
    {
        result = value;
        if (value is null || from.Id == to.Id) return true;
        try
        {
            result = ValueCast.Cast(value, from, to.WithoutModifier(), CastContext.Implicit, _ctx.Settings);
            return true;
        }
        catch (TenonException)
        {
            return false;
        }
    }

    private static int IndexOf(IReadOnlyList<short> list, short value)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == value) return i;
        return -1;
    }

    /// <summary>A column's default value (its DEFAULT expression, identity sequence, or NULL).</summary>
    public object? DefaultValue(TableDef table, ColumnDef column)
    {
        var defaults = Bound.Defaults;
        var key = (table, column.Number);
        if (!defaults.TryGetValue(key, out var expr))
        {
            expr = null;
            var binder = new Binder(_ctx);
            if (column.Default is not null)
                expr = binder.CoerceForColumn(binder.BindExpr(column.Default, null), column, column.Default.Position);
            else if (column.Identity != IdentityKind.None && column.OwnedSequence is not null)
                expr = binder.CoerceForColumn(
                    binder.BindExpr(new FunctionCall(new QualifiedName(null, "nextval"), [new StringLiteral(Errors.SqlErrors.QuoteIdentifier(table.Schema) + "." + Errors.SqlErrors.QuoteIdentifier(column.OwnedSequence))]), null),
                    column, 0);
            else if (column.Type.Domain is not null)
                expr = binder.CoerceForColumn(binder.BindDomainDefault(column.Type), column, 0);
            defaults[key] = expr = NextValDefaultExpr.Of(expr, identity: column.Default is null && column.Identity != IdentityKind.None);
        }
        return expr?.Eval(Array.Empty<object?>(), _ctx);
    }
}

public sealed partial class RowWriter
{
    /// <summary>Queues a check of an existing child row (ADD FOREIGN KEY, VALIDATE CONSTRAINT).</summary>
    public void QueueChildCheck(ForeignKeyDef fk, long rowId, object?[] row)
    {
        if (ChildCheckNeeded(fk, row)) _events.Enqueue(ConstraintEvent.ChildCheck(fk, rowId, row));
    }

    /// <summary>Runs the queued events now, ignoring deferral.</summary>
    public void RunImmediately()
    {
        while (_events.TryDequeue(out var e)) RunOrThrow(e);
    }
}

using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution;
using Tenon.Execution.Expressions;
using Tenon.Execution.Routines;
using Tenon.Sql.Ast;

namespace Tenon.Constraints;

/// <summary>
/// An AFTER ROW trigger's event in the writer's queue. PostgreSQL keeps user triggers and the
/// foreign keys' RI triggers in one after-trigger queue, each row's events in trigger-name order;
/// so this queue holds both, and a user trigger named before "RI_ConstraintTrigger" is queued
/// ahead of the row's foreign-key events (a constraint trigger's pg_constraint type is 't').
/// </summary>
public sealed record TriggerEventDef(TriggerDef Trigger, string Op, object?[]? Old, object?[]? New) : ConstraintDef(Trigger.Name, Trigger.Oid, Trigger.TableOid)
{
    public override char Kind => 't';

    /// <summary>For an AFTER STATEMENT event: which queuing of the table's event it belongs to (see <see cref="RowWriter.FireStatementTriggers"/>).</summary>
    public int Generation { get; init; }
}

/// <summary>User triggers on the row path: BEFORE ROW triggers change or skip a row, AFTER ROW ones are queued.</summary>
public sealed partial class RowWriter
{
    private const string RiTriggerPrefix = "RI_ConstraintTrigger";

    private IReadOnlyList<TriggerDef> RowTriggers(TableDef table, char timing, string ev) =>
        Catalog.Routines.Triggers.IsEmpty ? Array.Empty<TriggerDef>() : MatchingRowTriggers(table, timing, ev);

    // Apart from RowTriggers so that its closure is allocated only when the database has triggers.
    private List<TriggerDef> MatchingRowTriggers(TableDef table, char timing, string ev) =>
        Catalog.TriggersOf(table.Oid).Where(t => t.ForEachRow && t.Timing == timing && t.Enabled != 'D' && t.Fires(ev)).ToList();

    /// <summary>
    /// Runs the BEFORE ROW triggers of an insert (old null), update or delete (new null). Returns
    /// false when one returned NULL (the row is skipped); otherwise a changed row is copied into
    /// <paramref name="newRow"/>.
    /// </summary>
    /// <summary>
    /// The BEFORE UPDATE row triggers of a row about to be updated in partition <paramref name="table"/>,
    /// fired before it is known whether the new row stays there or moves (as PostgreSQL does); false
    /// when one skipped the row. <paramref name="newRow"/> takes their changes.
    /// </summary>
    internal bool FireBeforeUpdate(TableDef table, object?[] oldRow, object?[] newRow) => FireBeforeRow(table, "update", oldRow, newRow);

    private bool FireBeforeRow(TableDef table, string ev, object?[]? oldRow, object?[]? newRow)
    {
        var triggers = RowTriggers(table, 'B', ev);
        if (triggers.Count == 0) return true;
        var current = newRow;
        foreach (var t in triggers)
        {
            if (!Applies(t, table, ev, oldRow, current)) continue;
            var result = Fire(t, table, ev, oldRow, current);
            if (result is null) return false;
            if (current is not null) current = result;
        }
        if (current is not null && newRow is not null && !ReferenceEquals(current, newRow)) Array.Copy(current, newRow, newRow.Length);
        return true;
    }

    /// <summary>Queues the AFTER ROW triggers of a written row, those named before the RI triggers or after them.</summary>
    private void QueueAfterRow(TableDef table, string ev, object?[]? oldRow, object?[]? newRow, bool beforeRi)
    {
        var triggers = RowTriggers(table, 'A', ev);
        if (triggers.Count == 0) return;
        foreach (var t in triggers)
        {
            if (string.CompareOrdinal(t.Name, RiTriggerPrefix) < 0 != beforeRi) continue;
            if (!Applies(t, table, ev, oldRow, newRow)) continue;
            var def = new TriggerEventDef(t, ev, oldRow, newRow) { Deferrable = t.Deferrable, InitiallyDeferred = t.InitiallyDeferred };
            _events.Enqueue(Counted(new ConstraintEvent(ConstraintEventKind.AfterTrigger, def, 0, oldRow ?? newRow!, newRow)));
        }
    }

    private void RunAfterTrigger(ConstraintEvent e)
    {
        var def = (TriggerEventDef)e.Constraint;
        if (!Catalog.Tables.TryGetValue(def.Trigger.TableOid, out var table)) return;
        if (!Catalog.Routines.Triggers.TryGetValue(def.Trigger.Oid, out var live) || live.Enabled == 'D') return;
        // An AFTER STATEMENT event queued again since (by a later action on the table) runs only there.
        if (!def.Trigger.ForEachRow && _afterStatementQueued is { } queued && queued.TryGetValue((table.Oid, def.Op), out var latest) && latest != def.Generation) return;
        Fire(live, table, def.Op, def.Old, def.New);
    }

    /// <summary>UPDATE OF columns and the WHEN condition.</summary>
    private bool Applies(TriggerDef t, TableDef table, string ev, object?[]? oldRow, object?[]? newRow)
    {
        if (ev == "update" && t.UpdateColumns is { } cols && oldRow is not null && newRow is not null)
        {
            var changed = false;
            foreach (var c in cols)
                if (table.FindColumn(c) is { } col && !Equals(oldRow[col.Number - 1], newRow[col.Number - 1])) changed = true;
            if (!changed) return false;
        }
        if (t.When is null) return true;
        var scope = new TriggerRowScope(table, oldRow, newRow);
        var inner = new ExecContext(_ctx.Session, _ctx.Transaction, null) { Variables = scope };
        var binder = new Binding.Binder(inner);
        var cond = binder.BindCondition(t.When, null, "WHEN");
        return cond.Eval(Array.Empty<object?>(), inner) is true;
    }

    /// <summary>Calls the trigger function; returns the row it returned (null for NULL).</summary>
    private object?[]? Fire(TriggerDef t, TableDef table, string ev, object?[]? oldRow, object?[]? newRow) =>
        _ctx.Explain is { } explain ? FireExplained(explain, t, table, ev, oldRow, newRow) : FireNow(t, table, ev, oldRow, newRow);

    // Apart from Fire so that its closure is allocated under EXPLAIN ANALYZE only.
    private object?[]? FireExplained(Execution.Explain.ExplainStats explain, TriggerDef t, TableDef table, string ev, object?[]? oldRow, object?[]? newRow) =>
        explain.Fire(t, () => FireNow(t, table, ev, oldRow, newRow));

    private object?[]? FireNow(TriggerDef t, TableDef table, string ev, object?[]? oldRow, object?[]? newRow)
    {
        if (t.FunctionOid == TextSearch.TsVectorUpdateTrigger.FunctionOid)
            return TextSearch.TsVectorUpdateTrigger.Run(t, table, ev, oldRow, newRow ?? oldRow!);
        if (!Catalog.Functions.TryGetValue(t.FunctionOid, out var fn))
            throw new TenonException(SqlState.UndefinedFunction, $"function with OID {t.FunctionOid} does not exist");
        var relation = new TableDefOrView(table.Oid, table.Name, table.Schema, RoutineTypes.RowColumns(table));
        var data = new TriggerData(t, ev.ToUpperInvariant(), relation, oldRow is null ? null : Live(table, oldRow), newRow is null ? null : Live(table, newRow));
        var rows = RoutineRuntime.Run(fn, [], _ctx, data);
        if (rows.Count == 0 || rows[0] is not { } r) return null;
        return Stored(table, r);
    }

    /// <summary>A stored row without its dropped columns (the row type a trigger sees).</summary>
    private static object?[] Live(TableDef table, object?[] row) =>
        table.Columns.Count == table.LiveColumns.Count() ? (object?[])row.Clone() : table.Columns.Where(c => !c.IsDropped).Select(c => row[c.Number - 1]).ToArray();

    private static object?[] Stored(TableDef table, object?[] live)
    {
        if (table.Columns.Count == live.Length) return live;
        var row = new object?[table.Columns.Count];
        var k = 0;
        foreach (var c in table.Columns)
            if (!c.IsDropped) row[c.Number - 1] = live[k++];
        return row;
    }

    /// <summary>Whether the database has any trigger (else no trigger work is needed).</summary>
    public bool HasTriggers => !Catalog.Routines.Triggers.IsEmpty;

    /// <summary>
    /// Statement-level triggers of a table: BEFORE ones run now (as the statement starts); AFTER
    /// ones are queued behind the statement's row events, so <see cref="Finish"/> runs them (and
    /// events a cascade queues while the queue runs come after them, as in PostgreSQL).
    /// The statement and the referential actions it sets off (each a statement of its own on the
    /// child table in PostgreSQL, run at the same query level) fire a table's BEFORE STATEMENT
    /// triggers for an event once; queuing the AFTER STATEMENT ones again drops those queued
    /// before and not yet run, so they run once, behind the last action's row events.
    /// </summary>
    /// <remarks>
    /// <paramref name="setColumns"/>, the names of the columns an update sets, decides whether an
    /// UPDATE OF trigger fires (one of its columns must be set, whatever the rows); null fires them all.
    /// </remarks>
    public void FireStatementTriggers(TableDef table, string ev, char timing, IReadOnlyCollection<string>? setColumns = null)
    {
        if (!HasTriggers) return;
        FireMatchingStatementTriggers(table, ev, timing, setColumns);
    }

    // Apart from FireStatementTriggers so that its closure is allocated only when the database has triggers.
    private void FireMatchingStatementTriggers(TableDef table, string ev, char timing, IReadOnlyCollection<string>? setColumns)
    {
        var generation = 0;
        if (timing == 'B')
        {
            if (!(_beforeStatementFired ??= new()).Add((table.Oid, ev))) return;
        }
        else
        {
            _afterStatementQueued ??= new();
            generation = _afterStatementQueued.TryGetValue((table.Oid, ev), out var g) ? g + 1 : 1;
            _afterStatementQueued[(table.Oid, ev)] = generation;
        }
        foreach (var t in Catalog.TriggersOf(table.Oid).Where(t => !t.ForEachRow && t.Timing == timing && t.Enabled != 'D' && t.Fires(ev)).ToList())
        {
            if (ev == "update" && t.UpdateColumns is { } of && setColumns is not null && !of.Any(setColumns.Contains)) continue;
            if (!Applies(t, table, ev, null, null)) continue;
            if (timing == 'B') Fire(t, table, ev, null, null);
            else _events.Enqueue(Counted(new ConstraintEvent(ConstraintEventKind.AfterTrigger, new TriggerEventDef(t, ev, null, null) { Generation = generation }, 0, Array.Empty<object?>(), null)));
        }
    }

    // The statement's tables and events whose BEFORE STATEMENT triggers ran, and the latest queuing of their AFTER STATEMENT ones.
    private HashSet<(uint Table, string Event)>? _beforeStatementFired;
    private Dictionary<(uint Table, string Event), int>? _afterStatementQueued;

    /// <summary>
    /// The statement-level triggers of the statement a referential action runs on the child table
    /// (a delete for ON DELETE CASCADE, an update otherwise): BEFORE ones before it looks for
    /// children (<paramref name="timing"/> 'B'), AFTER ones queued behind the rows it wrote ('A').
    /// PostgreSQL runs that statement for every parent row the action applies to, children or not.
    /// </summary>
    private void FireActionStatementTriggers(TableDef child, ForeignKeyDef fk, ReferentialAction action, bool parentDeleted, char timing)
    {
        if (action is ReferentialAction.NoAction or ReferentialAction.Restrict || Catalog.Routines.Triggers.IsEmpty) return;
        // A partition's copy of a partitioned table's foreign key acts for that table's: PostgreSQL
        // runs the one action statement on the partitioned table, whose triggers fire (not the partition's).
        while (fk.ParentConstraintOid != 0 && child.IsPartition && Catalog.Tables.TryGetValue(child.PartitionParent, out var up))
        {
            ForeignKeyDef? inherited = null;
            foreach (var f in up.ForeignKeys)
                if (f.Oid == fk.ParentConstraintOid) { inherited = f; break; }
            if (inherited is null) break;
            (child, fk) = (up, inherited);
        }
        // Without statement triggers on the child there is nothing to fire, nor to fire only once.
        var any = false;
        foreach (var t in Catalog.TriggersOf(child.Oid)) any |= !t.ForEachRow;
        if (!any) return;
        if (action == ReferentialAction.Cascade && parentDeleted) { FireMatchingStatementTriggers(child, "delete", timing, null); return; }
        var set = parentDeleted && fk.OnDeleteSetColumns is { } list ? list : fk.Columns;
        FireMatchingStatementTriggers(child, "update", timing, set.Select(n => child.Column(n).Name).ToList());
    }

    /// <summary>NEW and OLD in a trigger's WHEN condition.</summary>
    private sealed class TriggerRowScope(TableDef table, object?[]? oldRow, object?[]? newRow) : IVariableScope
    {
        public BoundExpr? Resolve(IReadOnlyList<string> names, int position)
        {
            if (names.Count != 2 || names[0] is not ("new" or "old")) return null;
            var row = names[0] == "new" ? newRow : oldRow;
            var col = table.FindColumn(names[1])
                ?? throw new TenonException(SqlState.UndefinedColumn, $"column {names[0]}.{names[1]} does not exist") { Position = position };
            return new ConstExpr(row?[col.Number - 1], col.Type);
        }
    }
}

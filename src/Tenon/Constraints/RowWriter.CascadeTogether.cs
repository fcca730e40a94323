using Tenon.Catalog;
using Tenon.Sql.Ast;

namespace Tenon.Constraints;

public sealed partial class RowWriter
{
    /// <summary>
    /// Runs <paramref name="first"/>, an ON DELETE CASCADE event, together with the events queued
    /// right behind it for the same foreign key (a cascade that deleted several parents queues one
    /// for each, back to back): their children are all found, then deleted in one
    /// <see cref="DeleteChildren"/> pass, in the order running them one by one would delete them.
    /// Nothing else can run between two of those events: deleting children only queues events
    /// behind them, and the child table has no row trigger on delete (<see cref="CanDeleteTogether"/>).
    /// So each event's children are the ones it would find alone, except that a row two events
    /// share (possible only when their keys are equal) goes with the first. False when the event
    /// must run alone through <see cref="Run"/>.
    /// </summary>
    /// <remarks>
    /// Uses the queue only through Enqueue and TryDequeue: the first event behind the group is
    /// taken out to look at it and handed back in <paramref name="held"/>, to run next.
    /// </remarks>
    private bool TryCascadeDeleteTogether(ConstraintEvent first, out ConstraintEvent? held)
    {
        held = null;
        if (first.Kind != ConstraintEventKind.ParentDelete || _ctx.Explain is not null || Tx.Latest is not null) return false;
        if (!Catalog.Tables.TryGetValue(first.ForeignKey.TableOid, out var child)) return false;
        ForeignKeyDef? fk = null;
        var fks = child.ForeignKeys;
        for (var i = 0; i < fks.Count; i++)
            if (fks[i].Oid == first.ForeignKey.Oid) { fk = fks[i]; break; }
        if (fk is null || fk.OnDelete != ReferentialAction.Cascade || !CanDeleteTogether(child)) return false;
        if (!_events.TryDequeue(out var next)) return false;
        if (!SameCascade(next, first))
        {
            held = next;
            return false;
        }
        var parent = Catalog.Table(fk.ParentTableOid);
        // Each event's delete on the child fires its statement triggers; together, BEFORE ones once
        // before any child is looked for, AFTER ones queued once behind all the deletes (see FireStatementTriggers).
        FireStatementTriggers(child, "delete", 'B');
        var children = TakeChildBuffer();
        try
        {
            var e = first;
            while (true)
            {
                _ctx.Session.CheckForInterrupts();
                var oldKey = new (object? Value, Types.SqlType Type)[fk.ParentColumns.Count];
                for (var i = 0; i < oldKey.Length; i++) oldKey[i] = (e.OldRow[fk.ParentColumns[i] - 1], parent.Column(fk.ParentColumns[i]).Type);
                FindChildren(child, fk, oldKey, children, firstOnly: false);
                if (next is null) break;
                e = next;
                if (!_events.TryDequeue(out next)) next = null;
                else if (!SameCascade(next, first))
                {
                    held = next;
                    next = null;
                }
            }
            DropRepeatedChildren(children);
            if (children.Count > 0) DeleteChildren(child, children);
            FireStatementTriggers(child, "delete", 'A');
        }
        finally
        {
            ReturnChildBuffer(children);
        }
        return true;
    }

    private static bool SameCascade(ConstraintEvent e, ConstraintEvent first) =>
        e.Kind == ConstraintEventKind.ParentDelete && ReferenceEquals(e.Constraint, first.Constraint);

    /// <summary>Keeps the first occurrence of each row (events with equal keys find the same children).</summary>
    private static void DropRepeatedChildren(List<(long RowId, object?[] Row)> children)
    {
        var ids = new long[children.Count];
        for (var c = 0; c < ids.Length; c++) ids[c] = children[c].RowId;
        Array.Sort(ids);
        var repeated = false;
        for (var i = 1; i < ids.Length && !repeated; i++) repeated = ids[i] == ids[i - 1];
        if (!repeated) return;
        var seen = new HashSet<long>();
        var kept = 0;
        for (var c = 0; c < children.Count; c++)
            if (seen.Add(children[c].RowId)) children[kept++] = children[c];
        children.RemoveRange(kept, children.Count - kept);
    }
}

using Tenon.Catalog;

namespace Tenon.Constraints;

public sealed partial class RowWriter
{
    /// <summary>
    /// Runs <paramref name="first"/>, a child check (R.4), together with the checks of the same
    /// foreign key queued right behind it (a cascade that rewrote a parent's children, a multi-row
    /// insert or update): each one exactly as <see cref="Run"/> would, in order, but with the child
    /// table, the key and the parent looked up once. Checks only read, so nothing they do can change
    /// the catalog, the child's rows or whether the key is deferred between two of them. False when
    /// the event must run alone through <see cref="Run"/>.
    /// </summary>
    /// <remarks>
    /// Uses the queue only through TryDequeue: the first event behind the group is taken out to
    /// look at it and handed back in <paramref name="held"/>, to run next.
    /// </remarks>
    private bool TryCheckChildrenTogether(ConstraintEvent first, out ConstraintEvent? held)
    {
        held = null;
        if (first.Kind != ConstraintEventKind.ChildCheck || _ctx.Explain is not null) return false;
        if (!_events.TryDequeue(out var next)) return false;
        if (!SameCheck(next, first) || !Catalog.Tables.TryGetValue(first.ForeignKey.TableOid, out var child))
        {
            held = next;
            return false;
        }
        ForeignKeyDef? fk = null;
        var fks = child.ForeignKeys;
        for (var i = 0; i < fks.Count; i++)
            if (fks[i].Oid == first.ForeignKey.Oid) { fk = fks[i]; break; }
        if (fk is null)
        {
            held = next;
            return false;
        }
        var parent = Catalog.Table(fk.ParentTableOid);
        var rows = Tx.Rows(child.Oid);
        var e = first;
        while (true)
        {
            _ctx.Session.CheckForInterrupts();
            // As in Run: a row deleted or updated since the event was queued is not checked.
            if (rows.TryGet(e.RowId, out var live) && ReferenceEquals(live, e.OldRow) && !_lastParentFound.Holds(this, fk, parent, e.OldRow))
            {
                CheckParentExists(child, fk, parent, e.OldRow);
                _lastParentFound.Remember(this, fk, parent, e.OldRow);
            }
            if (next is null) break;
            e = next;
            if (!_events.TryDequeue(out next)) next = null;
            else if (!SameCheck(next, first))
            {
                held = next;
                next = null;
            }
        }
        return true;
    }

    // The same constraint is deferred or not for all of them (IsDeferred of the first was asked in Finish).
    private static bool SameCheck(ConstraintEvent e, ConstraintEvent first) =>
        e.Kind == ConstraintEventKind.ChildCheck && ReferenceEquals(e.Constraint, first.Constraint);
}

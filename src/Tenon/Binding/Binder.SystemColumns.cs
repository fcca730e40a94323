using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Types;

namespace Tenon.Binding;

/// <summary>
/// The system column xmin: the id of the transaction that wrote a row version. A table read by a
/// statement that names xmin is scanned with its row ids (hidden column "ctid", see
/// <see cref="Execution.ExecContext.StatementMentionsXmin"/>), and xmin is looked up from the row
/// id in the table's store. A table entry without row ids is the target of an INSERT (or the
/// describing of a RETURNING list): its rows are new versions, written by this transaction.
/// </summary>
public sealed partial class Binder
{
    /// <summary>Set for an INSERT's RETURNING list: the target's rows are versions this transaction writes.</summary>
    public bool RowsAreNewVersions { get; set; }

    private BoundExpr? UnqualifiedXmin(Scope s, int level, int position)
    {
        var candidates = s.Entries.Where(e => e.TableOid != 0 && !e.Unreferenceable && Catalog.Tables.ContainsKey(e.TableOid)).ToList();
        if (candidates.Count == 0) return null;
        if (candidates.Count > 1)
            throw new TenonException(SqlState.AmbiguousColumn, "column reference \"xmin\" is ambiguous") { Position = position };
        return XminOf(candidates[0], s, level, position);
    }

    private BoundExpr? XminOf(RangeEntry entry, Scope s, int level, int position)
    {
        if (entry.TableOid == 0 || !Catalog.Tables.ContainsKey(entry.TableOid)) return null;
        var oid = entry.TableOid;
        var rowId = entry.Columns.FirstOrDefault(c => c.Hidden && c.Name == "ctid" && c.Type.Id == TypeId.Int8);
        if (rowId is null)
        {
            if (!RowsAreNewVersions) return null;
            if (level > 0) NoteOuterReference(s);
            return new FunctionExpr("xmin", [], SqlType.Xid, (_, ctx) => ctx.Transaction.Xid, strict: false, volatileFn: true);
        }
        // A scan of a partitioned table or inheritance parent says per row which table stores it.
        if (entry.Columns.FirstOrDefault(c => c.Hidden && c.Name == "tableoid" && c.Type.Id == TypeId.Oid) is { } storedIn)
            return new FunctionExpr("xmin", [MakeColumn(rowId, level, s, position), MakeColumn(storedIn, level, s, position)], SqlType.Xid,
                (a, ctx) => ctx.Transaction.Rows((uint)a[1]!).Xmin((long)a[0]!), strict: true, volatileFn: false);
        return new FunctionExpr("xmin", [MakeColumn(rowId, level, s, position)], SqlType.Xid,
            (a, ctx) => ctx.Transaction.Rows(oid).Xmin((long)a[0]!), strict: true, volatileFn: false);
    }
}

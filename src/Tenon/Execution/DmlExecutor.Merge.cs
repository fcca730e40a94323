using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Execution.Plan;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// MERGE: every source row is joined with the target rows its ON condition matches, as the
/// statement's starting state has them. For each match the first WHEN MATCHED clause whose
/// condition holds runs (UPDATE, DELETE or DO NOTHING); a source row matching no target row runs
/// the first WHEN NOT MATCHED clause whose condition holds (INSERT or DO NOTHING). A target row
/// changed by one source row and matched again for a change is PostgreSQL's 21000. Rows are
/// written through <see cref="RowWriter"/> as UPDATE, DELETE and INSERT write them.
/// </summary>
public sealed partial class DmlExecutor
{
    private sealed record BoundMergeWhen(MergeWhen When, BoundExpr? Condition, List<(ColumnDef Col, BoundExpr? Expr)>? Sets,
        List<ColumnDef>? Targets, BoundExpr?[]? Values, InsertStatement? AsInsert);

    public StatementResult Merge(MergeStatement stmt)
    {
        var binder = NewBinder();
        binder.BindStatementWith(stmt.With);
        var table = binder.ResolveTable(stmt.Target, stmt.Target.Position, out var view);
        if (view is not null)
            throw new TenonException(SqlState.WrongObjectType, $"cannot execute MERGE on relation \"{view.Name}\"",
                "This operation is not supported for views.");
        if (table!.IsMatView)
            throw new TenonException(SqlState.WrongObjectType, $"cannot execute MERGE on relation \"{table.Name}\"",
                "This operation is not supported for materialized views.");
        var alias = stmt.Alias ?? table!.Name;

        // The target's columns and row id, then the source's: one scope for ON, the conditions and the actions.
        var scope = new Scope(null);
        var columns = table!.Columns.Select(c => new PlanColumn(c.Name, c.Type, table.Oid, c.Number)).ToArray();
        // A partitioned or inheritance target is read with its descendants, each row with the oid of the table storing it.
        var descendants = ScansDescendants(Catalog, table, stmt.Only);
        PlanNode targetPlan = descendants ? new PartitionScanNode(table.Oid, columns, includeRowId: true)
            : new TableScanNode(table.Oid, columns, includeRowId: true);
        var scopeCols = table.Columns.Select((c, i) => new ScopeColumn(c.Name, c.Type, i, table.Oid, c.Number) { Hidden = c.IsDropped }).ToList();
        scopeCols.Add(new ScopeColumn("ctid", SqlType.Int8, table.Columns.Count) { Hidden = true });
        if (descendants) scopeCols.Add(new ScopeColumn("tableoid", SqlType.Oid, table.Columns.Count + 1) { Hidden = true });
        scope.Add(new RangeEntry(alias, scopeCols) { TableOid = table.Oid });
        scope.Width = scopeCols.Count;
        var targetWidth = scopeCols.Count;
        var sourcePlan = binder.BindFrom([stmt.Source], scope);
        var on = binder.BindCondition(stmt.On, scope, "JOIN/ON");

        CheckReachable(stmt.Whens);
        var whens = stmt.Whens.Select(w => BindMergeWhen(binder, table, w, scope, stmt)).ToList();
        if (describeBinder is not null) return new StatementResult("");

        var writer = new RowWriter(ctx);
        var targetRows = targetPlan.Execute(ctx).ToList();
        var sourceRows = sourcePlan.Execute(ctx).ToList();
        var changed = new HashSet<(uint, long)>();
        var count = 0;
        var combined = new object?[targetWidth + sourcePlan.Columns.Count];
        foreach (var source in sourceRows)
        {
            ctx.Session.CheckForInterrupts();
            Array.Copy(source, 0, combined, targetWidth, sourcePlan.Columns.Count);
            var matchedAny = false;
            foreach (var target in targetRows)
            {
                Array.Copy(target, combined, targetWidth);
                if (on.Eval(combined, ctx) is not true) continue;
                matchedAny = true;
                if (FirstApplicable(whens, matched: true, combined) is { } w && w.When.Kind != MergeActionKind.DoNothing)
                {
                    var rowId = (long)target[table.Columns.Count]!;
                    var storedIn = descendants ? (uint)target[table.Columns.Count + 1]! : table.Oid;
                    if (!changed.Add((storedIn, rowId)))
                        throw new TenonException(SqlState.CardinalityViolation, "MERGE command cannot affect row a second time",
                            hint: "Ensure that not more than one source row matches any one target row.");
                    if (!ctx.Transaction.Rows(storedIn).TryGet(rowId, out var current)) continue;
                    if (w.When.Kind == MergeActionKind.Delete) writer.Delete(Catalog.Table(storedIn), rowId, current);
                    else if (descendants)
                    {
                        // The row in the target's layout, as the scan gave it.
                        var newRow = target[..table.Columns.Count];
                        foreach (var (col, expr) in w.Sets!)
                            newRow[col.Number - 1] = expr is null ? writer.DefaultValue(table, col) : expr.Eval(combined, ctx);
                        if (table.IsPartitioned) UpdatePartitioned(writer, table, storedIn, rowId, newRow);
                        else UpdateInherited(writer, table, storedIn, rowId, newRow);
                    }
                    else
                    {
                        var newRow = (object?[])current.Clone();
                        foreach (var (col, expr) in w.Sets!)
                            newRow[col.Number - 1] = expr is null ? writer.DefaultValue(table, col) : expr.Eval(combined, ctx);
                        writer.Update(table, rowId, current, newRow);
                    }
                    count++;
                }
            }
            if (matchedAny) continue;
            Array.Clear(combined, 0, targetWidth);
            if (FirstApplicable(whens, matched: false, combined) is not { When.Kind: MergeActionKind.Insert } insert) continue;
            var targets = insert.Targets!;
            var values = new object?[targets.Count];
            var isDefault = new bool[targets.Count];
            for (var i = 0; i < targets.Count; i++)
            {
                if (insert.Values is null || insert.Values[i] is null) isDefault[i] = true;
                else values[i] = insert.Values[i]!.Eval(combined, ctx);
            }
            writer.Insert(table, BuildRow(ctx, writer, table, targets, values, isDefault, insert.AsInsert!, new PathTarget?[targets.Count]));
            count++;
        }
        writer.Finish();
        return new StatementResult($"MERGE {count}");
    }

    private BoundMergeWhen? FirstApplicable(List<BoundMergeWhen> whens, bool matched, object?[] row)
    {
        foreach (var w in whens)
            if (w.When.Matched == matched && (w.Condition is null || w.Condition.Eval(row, ctx) is true)) return w;
        return null;
    }

    /// <summary>A WHEN clause without AND makes later clauses of the same kind unreachable: PostgreSQL's 42601.</summary>
    private static void CheckReachable(IReadOnlyList<MergeWhen> whens)
    {
        bool unconditionalMatched = false, unconditionalNotMatched = false;
        foreach (var w in whens)
        {
            if (w.Matched ? unconditionalMatched : unconditionalNotMatched)
                throw new TenonException(SqlState.SyntaxError, "unreachable WHEN clause specified after unconditional WHEN clause");
            if (w.Condition is null)
            {
                if (w.Matched) unconditionalMatched = true;
                else unconditionalNotMatched = true;
            }
        }
    }

    private static BoundMergeWhen BindMergeWhen(Binder binder, TableDef table, MergeWhen w, Scope scope, MergeStatement stmt)
    {
        var condition = w.Condition is null ? null : binder.BindCondition(w.Condition, scope, "WHEN");
        switch (w.Kind)
        {
            case MergeActionKind.Update:
                return new BoundMergeWhen(w, condition, BindAssignments(binder, table, w.Set, scope), null, null, null);
            case MergeActionKind.Insert:
            {
                var targets = new List<ColumnDef>();
                if (w.Columns is null) targets.AddRange(table.LiveColumns);
                else
                    for (var i = 0; i < w.Columns.Count; i++)
                    {
                        var pos = w.ColumnPositions is { } ps && i < ps.Count ? ps[i] : w.Position;
                        var col = table.FindColumn(w.Columns[i])
                            ?? throw new TenonException(SqlState.UndefinedColumn, $"column \"{w.Columns[i]}\" of relation \"{table.Name}\" does not exist") { Position = pos };
                        if (targets.Contains(col))
                            throw new TenonException(SqlState.DuplicateColumn, $"column \"{col.Name}\" specified more than once") { Position = pos };
                        targets.Add(col);
                    }
                var asInsert = new InsertStatement(stmt.Target, null, w.Columns, null) { Overriding = w.Overriding, Position = stmt.Position };
                if (w.Values is null) return new BoundMergeWhen(w, condition, null, targets, null, asInsert);
                if (w.Values.Count > targets.Count)
                    throw new TenonException(SqlState.SyntaxError, "INSERT has more expressions than target columns") { Position = w.Values[targets.Count].Position };
                if (w.Values.Count < targets.Count && w.Columns is not null)
                    throw new TenonException(SqlState.SyntaxError, "INSERT has more target columns than expressions") { Position = w.ColumnPositions?[w.Values.Count] ?? 0 };
                targets = targets.Take(w.Values.Count).ToList();
                var values = new BoundExpr?[targets.Count];
                for (var i = 0; i < targets.Count; i++)
                {
                    if (w.Values[i] is DefaultExpr) continue;
                    values[i] = binder.CoerceForColumn(binder.BindExpr(w.Values[i], scope), targets[i], w.Values[i].Position);
                    RejectGeneratedAlways(targets[i], asInsert);
                }
                return new BoundMergeWhen(w, condition, null, targets, values, asInsert);
            }
            default:
                return new BoundMergeWhen(w, condition, null, null, null, null);
        }
    }
}

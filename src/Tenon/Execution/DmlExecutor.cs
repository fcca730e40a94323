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
/// INSERT, UPDATE and DELETE: computes the target rows from a plan over the statement's starting
/// state, then writes them through a <see cref="RowWriter"/>, which enforces constraints, and
/// returns RETURNING rows. Rows are collected before any is written, so a statement never sees
/// its own changes (as PostgreSQL's snapshot guarantees).
/// With a <paramref name="describeBinder"/>, a statement is only bound (its parameter types land in
/// that binder) and returns its RETURNING columns without reading or writing a row: what an
/// extended-protocol Parse/Describe needs.
/// </summary>
public sealed partial class DmlExecutor(ExecContext ctx, Binder? describeBinder = null)
{
    private Binder NewBinder() => describeBinder ?? new Binder(ctx);

    private static StatementResult Described((BoundExpr[] Exprs, ResultColumn[] Columns)? returning) =>
        new("", returning?.Columns, null);

    private SystemCatalog Catalog => ctx.Transaction.Catalog;

    public StatementResult Insert(InsertStatement stmt)
    {
        var binder = NewBinder();
        binder.BindStatementWith(stmt.With);
        var (table, realTable, _) = ResolveWriteTarget(binder, stmt.Table, stmt.Position, "INSERT");
        if (stmt.OnConflict is not null && table != realTable)
            throw new TenonException(SqlState.FeatureNotSupported, "INSERT … ON CONFLICT through a view is not supported") { Position = stmt.Position };
        var live = table.LiveColumns.ToList();
        List<ColumnDef> targets;
        if (stmt.Columns is null) targets = live;
        else
        {
            targets = new List<ColumnDef>();
            for (var i = 0; i < stmt.Columns.Count; i++)
            {
                var name = stmt.Columns[i];
                var pos = stmt.ColumnPositions is { } ps && i < ps.Count ? ps[i] : stmt.Position;
                var col = table.FindColumn(name)
                    ?? throw new TenonException(SqlState.UndefinedColumn, $"column \"{name}\" of relation \"{table.Name}\" does not exist") { Position = pos };
                if (targets.Contains(col))
                    throw new TenonException(SqlState.DuplicateColumn, $"column \"{name}\" specified more than once") { Position = pos };
                targets.Add(col);
            }
        }

        // Source rows: bound first, produced after ON CONFLICT and RETURNING are bound (PostgreSQL's
        // order of parse analysis), so a binding error there evaluates nothing.
        var writer = new RowWriter(ctx);
        Func<List<object?[]>> produceRows;
        if (stmt.Source is null)
            produceRows = () => [BuildRow(writer, realTable, targets, Array.Empty<object?>(), Array.Empty<bool>(), stmt)];
        else if (stmt.Source.Body is ValuesBody values && stmt.Source.OrderBy.Count == 0 && stmt.Source.Limit is null && stmt.Source.With is null)
        {
            foreach (var row in values.Rows)
            {
                if (row.Count > targets.Count)
                    throw new TenonException(SqlState.SyntaxError, "INSERT has more expressions than target columns") { Position = row[targets.Count].Position };
                if (row.Count < targets.Count && stmt.Columns is not null)
                    throw new TenonException(SqlState.SyntaxError, "INSERT has more target columns than expressions") { Position = stmt.ColumnPositions?[row.Count] ?? 0 };
            }
            var bound = values.Rows.Select(row => row.Select((e, i) => e is DefaultExpr ? null : binder.CoerceForColumn(binder.BindExpr(e, null), targets[i], e.Position)).ToArray()).ToList();
            for (var i = 0; i < targets.Count; i++)
                if (bound.Any(r => i < r.Length && r[i] is not null)) RejectGeneratedAlways(targets[i], stmt);
            produceRows = () =>
            {
                var rows = new List<object?[]>();
                foreach (var (row, ast) in bound.Zip(values.Rows))
                {
                    var vals = new object?[row.Length];
                    var isDefault = new bool[row.Length];
                    for (var i = 0; i < row.Length; i++)
                    {
                        if (row[i] is null) { isDefault[i] = true; continue; }
                        vals[i] = row[i]!.Eval(Array.Empty<object?>(), ctx);
                    }
                    rows.Add(BuildRow(writer, realTable, targets.Take(row.Length).ToList(), vals, isDefault, stmt, ast));
                }
                return rows;
            };
        }
        else
        {
            var plan = binder.BindInsertSource(stmt.Source, targets);
            if (plan.Columns.Count > targets.Count)
            {
                // PostgreSQL points at the first select-list expression without a target column.
                var position = stmt.Source.Body is SelectCore core && core.Targets.Count == plan.Columns.Count
                    ? core.Targets[targets.Count].Expr.Position : stmt.Source.Position;
                throw new TenonException(SqlState.SyntaxError, "INSERT has more expressions than target columns") { Position = position };
            }
            if (plan.Columns.Count < targets.Count && stmt.Columns is not null)
                throw new TenonException(SqlState.SyntaxError, "INSERT has more target columns than expressions") { Position = stmt.ColumnPositions?[plan.Columns.Count] ?? 0 };
            // A type mismatch points at the output expression, when there is one per column.
            var items = LeadingOutputs(stmt.Source.Body) is { } outs && outs.Count == plan.Columns.Count ? outs : null;
            var casts = plan.Columns.Select((c, i) => binder.CoerceForColumn(new ColumnExpr(i, c.Type, 0, c.Name), targets[i],
                items?[i].Position ?? (stmt.Source.Body is ValuesBody ? 0 : stmt.Source.Position))).ToArray();
            for (var i = 0; i < casts.Length; i++) RejectGeneratedAlways(targets[i], stmt);
            // An untyped literal of the select list is read by the target type's input function,
            // whose errors point at the literal (not the length check or a domain's constraints).
            var literalAt = plan.Columns.Select((c, i) => c.Type.Id == TypeId.Unknown && stmt.Source.Body is SelectCore sc && i < sc.Targets.Count
                ? sc.Targets[i].Expr.Position : 0).ToArray();
            produceRows = () =>
            {
                var rows = new List<object?[]>();
                foreach (var r in plan.Execute(ctx).ToList())
                {
                    var vals = new object?[casts.Length];
                    for (var i = 0; i < casts.Length; i++)
                    {
                        try
                        {
                            vals[i] = casts[i].Eval(r, ctx);
                        }
                        catch (TenonException ex) when (literalAt[i] > 0 && ex.Position == 0
                                                        && ex.SqlState != SqlState.StringDataRightTruncation && !ex.SqlState.StartsWith("23", StringComparison.Ordinal))
                        {
                            ex.Position = literalAt[i];
                            throw;
                        }
                    }
                    rows.Add(BuildRow(writer, realTable, targets.Take(vals.Length).ToList(), vals, new bool[vals.Length], stmt));
                }
                return rows;
            };
        }

        var conflict = stmt.OnConflict is { } oc ? BindOnConflict(binder, table, stmt, oc) : null;
        binder.RowsAreNewVersions = true;
        var returning = BindReturning(binder, table, stmt.Returning, stmt.Alias,
            conflict is null ? null : ConflictScope(table, stmt.Alias, excludedVisible: false));
        if (describeBinder is not null) return Described(returning);
        var rowsToInsert = produceRows();
        var output = new List<object?[]>();
        var touched = new HashSet<long>();
        var count = 0;
        foreach (var row in rowsToInsert)
        {
            var written = row;
            if (conflict is null) writer.Insert(realTable, row);
            else if (InsertOrResolve(writer, table, conflict, row, touched) is { } result) written = result;
            else continue;
            count++;
            if (returning is not null) output.Add(returning.Value.Exprs.Select(e => e.Eval(written, ctx)).ToArray());
        }
        writer.Finish();
        return new StatementResult($"INSERT 0 {count}", returning?.Columns, returning is null ? null : output);
    }

    /// <summary>
    /// The output expressions of a query's leftmost SELECT, which PostgreSQL names as the location
    /// of an output column (a VALUES list's columns have none).
    /// </summary>
    private static IReadOnlyList<Expr>? LeadingOutputs(QueryBody body) => body switch
    {
        SelectCore c => c.Targets.Select(t => t.Expr).ToList(),
        SetOperationBody op => LeadingOutputs(op.Left),
        NestedQueryBody n => LeadingOutputs(n.Query.Body),
        _ => null,
    };

    /// <summary>
    /// 428C9 for a value given to a generated column, or to a GENERATED ALWAYS identity column without OVERRIDING. Checked for
    /// the whole statement before any row is built (as PostgreSQL's rewriter does), so no sequence
    /// value is drawn and an INSERT … SELECT fails even when it selects no rows.
    /// </summary>
    private static void RejectGeneratedAlways(ColumnDef col, InsertStatement stmt)
    {
        if (col.Generated is not null)
            throw new TenonException(SqlState.GeneratedAlways, $"cannot insert a non-DEFAULT value into column \"{col.Name}\"",
                $"Column \"{col.Name}\" is a generated column.");
        if (col.Identity == IdentityKind.Always && stmt.Overriding == OverridingKind.None)
            throw new TenonException(SqlState.GeneratedAlways, $"cannot insert a non-DEFAULT value into column \"{col.Name}\"",
                $"Column \"{col.Name}\" is an identity column defined as GENERATED ALWAYS.",
                "Use OVERRIDING SYSTEM VALUE to override.");
    }

    private object?[] BuildRow(RowWriter writer, TableDef table, List<ColumnDef> targets, object?[] values, bool[] isDefault, InsertStatement stmt, IReadOnlyList<Expr>? ast = null)
    {
        var row = new object?[table.Columns.Count];
        var given = new bool[table.Columns.Count];
        for (var i = 0; i < targets.Count && i < values.Length; i++)
        {
            if (isDefault[i]) continue;
            var col = targets[i];
            // OVERRIDING USER VALUE: identity columns take their sequence's value whatever was given.
            if (col.Identity != IdentityKind.None && stmt.Overriding == OverridingKind.UserValue) continue;
            row[col.Number - 1] = values[i];
            given[col.Number - 1] = true;
        }
        foreach (var col in table.Columns)
            if (!col.IsDropped && !given[col.Number - 1])
                row[col.Number - 1] = writer.DefaultValue(table, col);
        return row;
    }

    /// <summary>
    /// The rows an UPDATE or DELETE visits: the target table (with its row id as a hidden
    /// <c>ctid</c> column), joined with FROM/USING items, filtered by WHERE (index scans where they apply).
    /// </summary>
    private static PlanNode TargetScan(Binder binder, TableDef table, string alias, IReadOnlyList<TableRef> others, Expr? where, out Scope scope)
    {
        scope = new Scope(null);
        var columns = table.Columns.Select(c => new PlanColumn(c.Name, c.Type, table.Oid, c.Number)).ToArray();
        PlanNode plan = new TableScanNode(table.Oid, columns, includeRowId: true);
        var scopeCols = table.Columns.Select((c, i) => new ScopeColumn(c.Name, c.Type, i, table.Oid, c.Number) { Hidden = c.IsDropped }).ToList();
        scopeCols.Add(new ScopeColumn("ctid", SqlType.Int8, table.Columns.Count) { Hidden = true });
        scope.Add(new RangeEntry(alias, scopeCols) { TableOid = table.Oid });
        scope.Width = scopeCols.Count;
        if (others.Count > 0) plan = new JoinNode(JoinKind.Cross, plan, binder.BindFrom(others, scope), null);
        return binder.PlanWhere(plan, where is null ? null : binder.BindCondition(where, scope, "WHERE"));
    }

    /// <summary>
    /// Binds <c>SET col = expr | DEFAULT, …</c> (UPDATE and ON CONFLICT DO UPDATE); a null
    /// expression means DEFAULT. PostgreSQL's errors for unknown and repeated columns and for
    /// GENERATED ALWAYS identity columns.
    /// </summary>
    internal static List<(ColumnDef Col, BoundExpr? Expr)> BindAssignments(Binder binder, TableDef table, IReadOnlyList<SetClause> clauses, Scope scope)
    {
        var sets = new List<(ColumnDef Col, BoundExpr? Expr)>();
        foreach (var s in clauses)
        {
            var col = table.FindColumn(s.Column)
                ?? throw new TenonException(SqlState.UndefinedColumn, $"column \"{s.Column}\" of relation \"{table.Name}\" does not exist") { Position = s.Position };
            if (s.Path.Count > 0)
            {
                // col[i] = v, col[i][j] = v: assignments to one column compose, left to right.
                var previous = sets.FindIndex(x => x.Col == col);
                var current = previous >= 0 ? sets[previous].Expr : null;
                var assigned = binder.BindArrayAssignment(s, col.Type, col.Name, current, scope);
                if (previous >= 0) sets[previous] = (col, assigned);
                else sets.Add((col, assigned));
                continue;
            }
            if (sets.Any(x => x.Col == col))
                throw new TenonException(SqlState.SyntaxError, $"multiple assignments to same column \"{s.Column}\"");
            if (s.Value is DefaultExpr) { sets.Add((col, null)); continue; }
            if (col.Generated is not null)
                throw new TenonException(SqlState.GeneratedAlways, $"column \"{col.Name}\" can only be updated to DEFAULT",
                    $"Column \"{col.Name}\" is a generated column.");
            if (col.Identity == IdentityKind.Always)
                throw new TenonException(SqlState.GeneratedAlways, $"column \"{col.Name}\" can only be updated to DEFAULT",
                    $"Column \"{col.Name}\" is an identity column defined as GENERATED ALWAYS.");
            sets.Add((col, binder.CoerceForColumn(binder.BindExpr(s.Value, scope), col, s.Value.Position)));
        }
        return sets;
    }

    public StatementResult Update(UpdateStatement stmt)
    {
        var binder = NewBinder();
        binder.BindStatementWith(stmt.With);
        var (table, realTable, viewFilter) = ResolveWriteTarget(binder, stmt.Table, stmt.Position, "UPDATE");
        var alias = stmt.Alias ?? table.Name;
        var plan = TargetScan(binder, table, alias, stmt.From, stmt.Where, out var scope);
        if (viewFilter is not null) plan = new FilterNode(plan, viewFilter);
        var sets = BindAssignments(binder, table, stmt.Set, scope);
        var returning = BindReturning(binder, table, stmt.Returning, alias, scope);
        if (describeBinder is not null) return Described(returning);
        var writer = new RowWriter(ctx);
        var targets = plan.Execute(ctx).ToList();
        var seen = new HashSet<long>();
        var output = new List<object?[]>();
        var count = 0;
        var rowIdSlot = table.Columns.Count;
        foreach (var input in targets)
        {
            var rowId = (long)input[rowIdSlot]!;
            if (!seen.Add(rowId)) continue;
            var oldRow = input[..table.Columns.Count];
            var newRow = (object?[])oldRow.Clone();
            foreach (var (col, expr) in sets)
                newRow[col.Number - 1] = expr is null ? writer.DefaultValue(table, col) : expr.Eval(input, ctx);
            if (!ctx.Transaction.Rows(table.Oid).TryGet(rowId, out var current)) continue;
            var newRowId = writer.Update(realTable, rowId, current, newRow);
            count++;
            if (returning is not null)
            {
                // RETURNING sees the new row version (its xmin is this transaction's).
                var outRow = (object?[])input.Clone();
                Array.Copy(newRow, outRow, newRow.Length);
                outRow[rowIdSlot] = newRowId;
                output.Add(returning.Value.Exprs.Select(e => e.Eval(outRow, ctx)).ToArray());
            }
        }
        writer.Finish();
        return new StatementResult($"UPDATE {count}", returning?.Columns, returning is null ? null : output);
    }

    public StatementResult Delete(DeleteStatement stmt)
    {
        var binder = NewBinder();
        binder.BindStatementWith(stmt.With);
        var (table, realTable, viewFilter) = ResolveWriteTarget(binder, stmt.Table, stmt.Position, "DELETE");
        var alias = stmt.Alias ?? table.Name;
        var plan = TargetScan(binder, table, alias, stmt.Using, stmt.Where, out var scope);
        if (viewFilter is not null) plan = new FilterNode(plan, viewFilter);
        var returning = BindReturning(binder, table, stmt.Returning, alias, scope);
        if (describeBinder is not null) return Described(returning);
        var writer = new RowWriter(ctx);
        var output = new List<object?[]>();
        var seen = new HashSet<long>();
        var rowIdSlot = table.Columns.Count;
        foreach (var input in plan.Execute(ctx).ToList())
        {
            var rowId = (long)input[rowIdSlot]!;
            if (!seen.Add(rowId)) continue;
            var oldRow = input[..table.Columns.Count];
            writer.Delete(realTable, rowId, ctx.Transaction.Rows(table.Oid).TryGet(rowId, out var cur) ? cur : oldRow);
            if (returning is not null) output.Add(returning.Value.Exprs.Select(e => e.Eval(input, ctx)).ToArray());
        }
        writer.Finish();
        return new StatementResult($"DELETE {seen.Count}", returning?.Columns, returning is null ? null : output);
    }

    private (BoundExpr[] Exprs, ResultColumn[] Columns)? BindReturning(Binder binder, TableDef table, IReadOnlyList<SelectItem>? items, string? alias, Scope? scope = null)
    {
        if (items is null) return null;
        scope ??= RowWriter.TableScope(table, alias);
        var exprs = new List<BoundExpr>();
        var cols = new List<ResultColumn>();
        foreach (var item in items)
        {
            if (item.Expr is StarExpr { Table: { } qualifier })
            {
                var entry = scope.FindEntry(qualifier);
                if (entry is null || entry.Unreferenceable)
                {
                    // Binding any column of the name raises PostgreSQL's error for it.
                    binder.BindExpr(new ColumnRef([qualifier, "*"]) { Position = item.Expr.Position }, scope);
                }
                else if (entry.TableOid != table.Oid)
                {
                    foreach (var c in entry.Columns.Where(c => !c.Hidden))
                    {
                        var bound = binder.BindExpr(new ColumnRef([qualifier, c.Name]) { Position = item.Expr.Position }, scope);
                        exprs.Add(bound);
                        cols.Add(bound is ColumnExpr { TableOid: > 0 } x ? new ResultColumn(c.Name, bound.Type, x.TableOid, x.ColumnNumber) : new ResultColumn(c.Name, bound.Type));
                    }
                    continue;
                }
            }
            if (item.Expr is StarExpr)
            {
                foreach (var c in table.LiveColumns)
                {
                    exprs.Add(new ColumnExpr(c.Number - 1, c.Type, 0, c.Name));
                    cols.Add(new ResultColumn(c.Name, c.Type, table.Oid, c.Number));
                }
                continue;
            }
            var e = binder.BindExpr(item.Expr, scope);
            if (e.Type.Id == TypeId.Unknown) e = binder.TryCoerce(e, SqlType.Text, CastContext.Implicit)!;
            exprs.Add(e);
            cols.Add(e is ColumnExpr { TableOid: > 0 } ce
                ? new ResultColumn(item.Alias ?? Binder.ColumnLabel(item.Expr), e.Type, ce.TableOid, ce.ColumnNumber)
                : new ResultColumn(item.Alias ?? Binder.ColumnLabel(item.Expr), e.Type));
        }
        return (exprs.ToArray(), cols.ToArray());
    }
}

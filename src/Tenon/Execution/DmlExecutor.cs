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
/// Each statement is bound first (<c>Bind…</c>), into a function that runs it against any
/// <see cref="ExecContext"/>: a prepared statement's plan cache (Session.PlanCache.cs) keeps that
/// function and runs it again while the catalog, settings and parameter types stay the same. So the
/// run part reads nothing of the binding context but what it is given.
/// </summary>
public sealed partial class DmlExecutor(ExecContext ctx, Binder? describeBinder = null)
{
    private Binder NewBinder() => LastBinder = describeBinder ?? BinderFactory?.Invoke() ?? new Binder(ctx);

    /// <summary>The binder of the last statement bound (the plan cache reads the table sizes it planned with).</summary>
    internal Binder? LastBinder { get; private set; }

    /// <summary>Makes the binder for a statement that must see names beyond the catalog (a data-modifying WITH query sees the WITH queries before it).</summary>
    public Func<Binder>? BinderFactory { get; init; }

    /// <summary>
    /// A data-modifying WITH query leaves its foreign-key checks and actions to the end of the
    /// whole statement (PostgreSQL runs them with the statement's other after-row events).
    /// </summary>
    public bool DeferChecksToStatementEnd { get; init; }

    private static void FinishWriter(ExecContext ctx, RowWriter writer, bool deferToStatementEnd)
    {
        if (deferToStatementEnd)
        {
            ctx.PendingWriters.Add(writer);
            return;
        }
        FinishPendingWriters(ctx);
        writer.Finish();
    }

    /// <summary>Runs the checks the statement's data-modifying WITH queries left for its end.</summary>
    internal static void FinishPendingWriters(ExecContext ctx)
    {
        if (!ctx.HasPendingWriters) return;
        foreach (var pending in ctx.PendingWriters) pending.Finish();
        ctx.PendingWriters.Clear();
    }

    /// <summary>
    /// Whether an UPDATE or DELETE hands a RESTRICT or NO ACTION refusal back as a value
    /// (<see cref="StatementResult.Failure"/>): it is the statement the session runs (not one inside a
    /// function or EXECUTE), with no data-modifying WITH, and its writer's events run at its own end.
    /// </summary>
    private static bool RefusalAsValue(ExecContext ec, Sql.Ast.Statement stmt, WithClause? with, bool defer) =>
        ReferenceEquals(ec.FailureAsValueFor, stmt) && with is null && !defer;

    private static StatementResult Described((BoundExpr[] Exprs, ResultColumn[] Columns)? returning) =>
        new("", returning?.Columns, null);

    private SystemCatalog Catalog => ctx.Transaction.Catalog;

    public StatementResult Insert(InsertStatement stmt) => BindInsert(stmt)(ctx);

    /// <summary>
    /// INSERT … VALUES (one row) with a set-returning call among its items inserts a row per
    /// result, as PostgreSQL's single-row VALUES is a select list: it is bound as SELECT items.
    /// </summary>
    private static InsertStatement WithSetReturningValuesAsSelect(InsertStatement stmt)
    {
        if (stmt.Source is not { Body: ValuesBody { Rows.Count: 1 } values } source || source.OrderBy.Count > 0 || source.Limit is not null) return stmt;
        var row = values.Rows[0];
        if (!row.Any(e => e is FunctionCall f && Binder.IsSetReturningCall(f)) || row.Any(e => e is DefaultExpr)) return stmt;
        var core = new SelectCore(row.Select(e => new SelectItem(e, null) { Position = e.Position }).ToList()) { Position = values.Position };
        return stmt with { Source = source with { Body = core } };
    }

    /// <summary>Binds an INSERT into a function that runs it (see the class summary).</summary>
    internal Func<ExecContext, StatementResult> BindInsert(InsertStatement stmt)
    {
        if (stmt.With is null && HasInsteadOf(stmt.Table, stmt.Position, "insert")) return ec => new DmlExecutor(ec).InsteadOfInsert(stmt)!;
        stmt = WithSetReturningValuesAsSelect(stmt);
        var binder = NewBinder();
        binder.BindStatementWith(stmt.With);
        var (table, realTable, _, viewCheck) = ResolveWriteTarget(binder, stmt.Table, stmt.Position, "INSERT");
        RequireTargetPrivileges(binder, stmt.Table, stmt.Position, Privilege.Insert,
            ReadsColumns(stmt.Returning) || stmt.OnConflict is not null, stmt.Columns?.Select(c => table.FindColumn(c)?.Number ?? 0).ToList());
        // Through an automatically updatable view ON CONFLICT infers and resolves on the view's table;
        // Tenon does so when the view shows the table's columns under their own names.
        if (stmt.OnConflict is not null && table != realTable && table.LiveColumns.Any(c => realTable.Column(c.Number).Name != c.Name))
            throw new TenonException(SqlState.FeatureNotSupported, "INSERT … ON CONFLICT through a view is not supported") { Position = stmt.Position };
        var live = table.LiveColumns.ToList();
        List<ColumnDef> targets;
        if (stmt.Columns is null) targets = live;
        else
        {
            targets = new List<ColumnDef>();
            var plainTargets = new HashSet<ColumnDef>();
            for (var i = 0; i < stmt.Columns.Count; i++)
            {
                var name = stmt.Columns[i];
                var pos = stmt.ColumnPositions is { } ps && i < ps.Count ? ps[i] : stmt.Position;
                var col = table.FindColumn(name)
                    ?? throw new TenonException(SqlState.UndefinedColumn, $"column \"{name}\" of relation \"{table.Name}\" does not exist") { Position = pos };
                // Subscript targets may share a column; a plain target may not share it with anything.
                var indirect = stmt.Indirections?[i] is not null;
                if (targets.Contains(col) && (!indirect || plainTargets.Contains(col)))
                    throw new TenonException(SqlState.DuplicateColumn, $"column \"{name}\" specified more than once") { Position = pos };
                if (!indirect) plainTargets.Add(col);
                targets.Add(col);
            }
        }
        var subscriptTargets = BindInsertIndirections(binder, stmt, targets);

        // Source rows: bound first, produced after ON CONFLICT and RETURNING are bound (PostgreSQL's
        // order of parse analysis), so a binding error there evaluates nothing.
        PlanNode? sourcePlan = null;
        Func<ExecContext, RowWriter, List<object?[]>> produceRows;
        // One VALUES row of plain columns, made without the list and the array of values around it.
        Func<ExecContext, RowWriter, object?[]>? produceOne = null;
        if (stmt.Source is null)
            produceRows = (ec, writer) => [BuildRow(ec, writer, realTable, targets, Array.Empty<object?>(), Array.Empty<bool>(), stmt, subscriptTargets)];
        else if (stmt.Source.Body is ValuesBody values && stmt.Source.OrderBy.Count == 0 && stmt.Source.Limit is null && stmt.Source.With is null)
        {
            // Row by row as PostgreSQL checks them: a list of another length than the first, then
            // the list against the target columns.
            var width = values.Rows[0].Count;
            foreach (var row in values.Rows)
            {
                if (row.Count != width)
                    throw new TenonException(SqlState.SyntaxError, "VALUES lists must all be the same length") { Position = row.Count > 0 ? row[0].Position : values.Position };
                if (row.Count > targets.Count)
                    throw new TenonException(SqlState.SyntaxError, "INSERT has more expressions than target columns") { Position = row[targets.Count].Position };
                if (row.Count < targets.Count && stmt.Columns is not null)
                    throw new TenonException(SqlState.SyntaxError, "INSERT has more target columns than expressions") { Position = stmt.ColumnPositions?[row.Count] ?? 0 };
            }
            foreach (var row in values.Rows)
                for (var i = 0; i < row.Count; i++)
                    if (row[i] is DefaultExpr && i < subscriptTargets.Length && subscriptTargets[i] is { } path)
                        throw new TenonException(SqlState.FeatureNotSupported, path.FieldFirst ? "cannot set a subfield to DEFAULT" : "cannot set an array element to DEFAULT")
                        {
                            Position = stmt.ColumnPositions![i],
                        };
            binder.Clause = "VALUES";
            var bound = values.Rows.Select(row => row.Select((e, i) => e is DefaultExpr ? null
                : CoerceForTarget(binder, binder.BindExpr(e, null), targets[i], subscriptTargets[i], e.Position, stmt.ColumnPositions?[i] ?? 0)).ToArray()).ToList();
            binder.Clause = "WHERE";
            for (var i = 0; i < targets.Count; i++)
                if (bound.Any(r => i < r.Length && r[i] is not null)) RejectGeneratedAlways(targets[i], stmt);
            var rowTargets = bound.Select(row => row.Length == targets.Count ? targets : targets.Take(row.Length).ToList()).ToList();
            // Which items are DEFAULT is known now: computed once, not per run.
            var defaults = bound.Select(row => row.Select(e => e is null).ToArray()).ToList();
            produceRows = (ec, writer) =>
            {
                var rows = new List<object?[]>(bound.Count);
                for (var r = 0; r < bound.Count; r++)
                {
                    var row = bound[r];
                    var vals = new object?[row.Length];
                    var isDefault = defaults[r];
                    for (var i = 0; i < row.Length; i++)
                        if (row[i] is { } item) vals[i] = item.Eval(Array.Empty<object?>(), ec);
                    rows.Add(BuildRow(ec, writer, realTable, rowTargets[r], vals, isDefault, stmt, subscriptTargets));
                }
                return rows;
            };
            if (bound.Count == 1 && subscriptTargets.All(t => t is null))
            {
                var items = bound[0];
                var oneTargets = rowTargets[0];
                produceOne = (ec, writer) => BuildValuesRow(ec, writer, realTable, oneTargets, items, stmt);
            }
        }
        else
        {
            var plan = binder.BindInsertSource(stmt.Source, targets);
            sourcePlan = plan;
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
            var casts = plan.Columns.Select((c, i) => CoerceForTarget(binder, new ColumnExpr(i, c.Type, 0, c.Name), targets[i], subscriptTargets[i],
                items?[i].Position ?? (stmt.Source.Body is ValuesBody ? 0 : stmt.Source.Position), stmt.ColumnPositions?[i] ?? 0)).ToArray();
            for (var i = 0; i < casts.Length; i++) RejectGeneratedAlways(targets[i], stmt);
            // An untyped literal of the select list is read by the target type's input function,
            // whose errors point at the literal (not the length check or a domain's constraints).
            var literalAt = plan.Columns.Select((c, i) => c.Type.Id == TypeId.Unknown && stmt.Source.Body is SelectCore sc && i < sc.Targets.Count
                ? sc.Targets[i].Expr.Position : 0).ToArray();
            produceRows = (ec, writer) =>
            {
                var rows = new List<object?[]>();
                foreach (var r in (ec.Explain is { } explain ? explain.Instrument(plan) : plan).Execute(ec).ToList())
                {
                    var vals = new object?[casts.Length];
                    for (var i = 0; i < casts.Length; i++)
                    {
                        try
                        {
                            vals[i] = casts[i].Eval(r, ec);
                        }
                        catch (TenonException ex) when (literalAt[i] > 0 && ex.Position == 0
                                                        && ex.SqlState != SqlState.StringDataRightTruncation && !ex.SqlState.StartsWith("23", StringComparison.Ordinal))
                        {
                            ex.Position = literalAt[i];
                            throw;
                        }
                    }
                    rows.Add(BuildRow(ec, writer, realTable, targets.Take(vals.Length).ToList(), vals, new bool[vals.Length], stmt, subscriptTargets));
                }
                return rows;
            };
        }

        var conflict = stmt.OnConflict is { } oc ? BindOnConflict(binder, table, stmt, oc) : null;
        binder.RowsAreNewVersions = true;
        // Through a partitioned table without ON CONFLICT, RETURNING sees each row's partition as its tableoid.
        var routedReturning = conflict is null && table.IsPartitioned && table == realTable && stmt.Returning is not null;
        var returning = BindReturning(binder, table, stmt.Returning, stmt.Alias,
            conflict is not null ? ConflictScope(table, stmt.Alias, excludedVisible: false) : routedReturning ? RoutedInsertScope(table, stmt.Alias) : null);
        if (describeBinder is not null) return _ => Described(returning);
        if (ctx.Explain is { } explained && !explained.CaptureInsert(realTable, stmt.Alias, sourcePlan,
                stmt.Source?.Body is ValuesBody vb ? vb.Rows.Count : 1, Explained(table, stmt, conflict), ref produceRows)) return _ => Described(returning);
        // EXPLAIN ANALYZE instruments produceRows.
        if (ctx.Explain is not null) produceOne = null;
        var defer = DeferChecksToStatementEnd;
        // The writer of the last run that ended normally, reused by the next (RowWriter.Reuse.cs);
        // taken while a run uses it, so a run nested in another (a function it calls) makes its own.
        RowWriter? spare = null;
        return ec =>
        {
            binder.RunDataModifyingCtes(ec);
            var writer = spare?.Reuse(ec) ?? new RowWriter(ec);
            spare = null;
            writer.FireStatementTriggers(realTable, "insert", 'B');
            var single = produceOne?.Invoke(ec, writer);
            var rowsToInsert = single is null ? produceRows(ec, writer) : null;
            var rowCount = single is null ? rowsToInsert!.Count : 1;
            // Every value is computed: with one row and no RETURNING (evaluated after the write, it may
            // fail or call a function), nothing else of the statement runs between its write and its end.
            writer.SingleRowStatement = rowCount == 1 && conflict is null && returning is null && !defer && stmt.With is null;
            writer.FailureAsValue = writer.SingleRowStatement && ReferenceEquals(ec.FailureAsValueFor, stmt);
            var output = returning is null ? null : new List<object?[]>();
            var touched = conflict is null ? null : new HashSet<long>();
            var resolver = conflict is null ? null : new DmlExecutor(ec);
            var count = 0;
            for (var r = 0; r < rowCount; r++)
            {
                var row = single ?? rowsToInsert![r];
                var written = row;
                if (routedReturning)
                {
                    written = InsertRouted(writer, realTable, row);
                    viewCheck?.Check(writer, realTable, written, ec);
                }
                else if (conflict is null)
                {
                    // A BEFORE ROW trigger returning NULL skips the row; a rejected row ends the statement.
                    var rowId = writer.Insert(realTable, row);
                    if (rowId < 0)
                    {
                        if (writer.Failure is { } failure) return StatementResult.Failed(failure);
                        continue;
                    }
                    // A routed row is stored in a partition, under that partition's row id.
                    if (realTable.IsPartitioned) viewCheck?.Check(writer, realTable, row, ec);
                    else viewCheck?.CheckStored(writer, realTable, rowId, ec);
                }
                else if (resolver!.InsertOrResolve(writer, realTable, conflict, row, touched!) is { } result)
                {
                    written = result;
                    viewCheck?.Check(writer, realTable, result, ec);
                }
                else continue;
                count++;
                if (output is not null) output.Add(EvalAll(returning!.Value.Exprs, written, ec));
            }
            writer.FireStatementTriggers(realTable, "insert", 'A');
            FinishWriter(ec, writer, defer);
            if (!defer) spare = writer.Park();
            if (count == 1 && returning is null) return InsertedOneRow;
            return new StatementResult(count == 1 ? "INSERT 0 1" : $"INSERT 0 {count}", returning?.Columns, output);
        };
    }

    // The result of most INSERTs; results are immutable, so one serves them all.
    private static readonly StatementResult InsertedOneRow = new("INSERT 0 1");

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

    private static object?[] BuildRow(ExecContext ctx, RowWriter writer, TableDef table, List<ColumnDef> targets, object?[] values, bool[] isDefault, InsertStatement stmt, PathTarget?[] subscriptTargets)
    {
        var row = new object?[table.Columns.Count];
        Span<bool> given = table.Columns.Count <= 128 ? stackalloc bool[table.Columns.Count] : new bool[table.Columns.Count];
        for (var i = 0; i < targets.Count && i < values.Length; i++)
        {
            if (isDefault[i]) continue;
            var col = targets[i];
            // OVERRIDING USER VALUE: identity columns take their sequence's value whatever was given.
            if (col.Identity != IdentityKind.None && stmt.Overriding == OverridingKind.UserValue) continue;
            row[col.Number - 1] = subscriptTargets[i] is { } sub ? sub.Apply(row[col.Number - 1], values[i], ctx) : values[i];
            given[col.Number - 1] = true;
        }
        CheckPathDomains(ctx, targets, subscriptTargets, row);
        var columns = table.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            var col = columns[c];
            if (!col.IsDropped && !given[col.Number - 1])
                row[col.Number - 1] = writer.DefaultValue(table, col);
        }
        return row;
    }

    /// <summary>
    /// <see cref="BuildRow"/> for one VALUES row whose targets are plain columns: each item is
    /// evaluated straight into the row, in item order, then the defaults, in column order, as there.
    /// A null item is DEFAULT.
    /// </summary>
    private static object?[] BuildValuesRow(ExecContext ctx, RowWriter writer, TableDef table, List<ColumnDef> targets, BoundExpr?[] items, InsertStatement stmt)
    {
        var columns = table.Columns;
        var row = new object?[columns.Count];
        Span<bool> given = columns.Count <= 128 ? stackalloc bool[columns.Count] : new bool[columns.Count];
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is not { } item) continue;
            var value = item.Eval(Array.Empty<object?>(), ctx);
            var col = targets[i];
            // OVERRIDING USER VALUE: identity columns take their sequence's value whatever was given.
            if (col.Identity != IdentityKind.None && stmt.Overriding == OverridingKind.UserValue) continue;
            row[col.Number - 1] = value;
            given[col.Number - 1] = true;
        }
        for (var c = 0; c < columns.Count; c++)
        {
            var col = columns[c];
            if (!col.IsDropped && !given[col.Number - 1])
                row[col.Number - 1] = writer.DefaultValue(table, col);
        }
        return row;
    }

    /// <summary>Each expression evaluated over <paramref name="row"/>: a RETURNING row.</summary>
    private static object?[] EvalAll(IReadOnlyList<BoundExpr> exprs, object?[] row, ExecContext ec)
    {
        var values = new object?[exprs.Count];
        for (var i = 0; i < values.Length; i++) values[i] = exprs[i].Eval(row, ec);
        return values;
    }

    /// <summary>
    /// The rows an UPDATE or DELETE visits: the target table (with its row id as a hidden
    /// <c>ctid</c> column), joined with FROM/USING items, filtered by WHERE (index scans where they apply).
    /// </summary>
    private static PlanNode TargetScan(Binder binder, TableDef table, string alias, IReadOnlyList<TableRef> others, Expr? where, out Scope scope, bool only = false)
    {
        scope = new Scope(null);
        var columns = table.Columns.Select(c => new PlanColumn(c.Name, c.Type, table.Oid, c.Number)).ToArray();
        PlanNode plan = ScansDescendants(binder.Catalog, table, only) ? new PartitionScanNode(table.Oid, columns, includeRowId: true) { Alias = alias }
            : new TableScanNode(table.Oid, columns, includeRowId: true) { Alias = alias };
        var scopeCols = table.Columns.Select((c, i) => new ScopeColumn(c.Name, c.Type, i, table.Oid, c.Number) { Hidden = c.IsDropped }).ToList();
        scopeCols.Add(new ScopeColumn("ctid", SqlType.Int8, table.Columns.Count) { Hidden = true });
        if (plan is PartitionScanNode) scopeCols.Add(new ScopeColumn("tableoid", SqlType.Oid, table.Columns.Count + 1) { Hidden = true });
        var target = new RangeEntry(alias, scopeCols) { TableOid = table.Oid };
        if (others.Count > 0)
        {
            // The FROM/USING items cannot refer to the target, not even LATERAL (PostgreSQL's
            // "invalid reference to FROM-clause entry"): while they bind, it is there but unreferenceable.
            scope.Add(new RangeEntry(alias, scopeCols) { TableOid = table.Oid, Unreferenceable = true });
            scope.Width = scopeCols.Count;
            plan = new JoinNode(JoinKind.Cross, plan, binder.BindFrom(others, scope), null);
            scope.Entries[0] = target;
        }
        else
        {
            scope.Add(target);
            scope.Width = scopeCols.Count;
        }
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
        var plain = new HashSet<ColumnDef>();
        foreach (var s in clauses)
        {
            var col = table.FindColumn(s.Column)
                ?? throw new TenonException(SqlState.UndefinedColumn, $"column \"{s.Column}\" of relation \"{table.Name}\" does not exist") { Position = s.Position };
            if (s.Path.Count > 0)
            {
                // col[i] = v, col[i][j] = v: assignments to one column compose, left to right.
                var previous = sets.FindIndex(x => x.Col == col);
                var current = previous >= 0 ? sets[previous].Expr : null;
                if (plain.Contains(col))
                    throw new TenonException(SqlState.SyntaxError, $"multiple assignments to same column \"{s.Column}\"");
                if (s.Value is DefaultExpr)
                    throw new TenonException(SqlState.FeatureNotSupported,
                        s.Steps.Count > 0 && s.Steps[0].Field is not null ? "cannot set a subfield to DEFAULT" : "cannot set an array element to DEFAULT") { Position = s.Position };
                var assigned = s.Steps.Any(x => x.Field is not null)
                    ? binder.BindPathAssignment(current ?? binder.BindExpr(new ColumnRef([col.Name]) { Position = s.Position }, scope), col.Name, s.Steps, s.Position,
                        (type, mismatch) =>
                        {
                            var v = binder.BindExpr(s.Value, scope);
                            return binder.TryCoerce(v, type, CastContext.Assignment, s.Value.Position)
                                ?? throw new TenonException(SqlState.DatatypeMismatch, $"{mismatch} but expression is of type {v.Type.WithoutModifier().DisplayName}",
                                    hint: "You will need to rewrite or cast the expression.") { Position = s.Position };
                        }, scope)
                    : binder.BindArrayAssignment(s, col.Type, col.Name, current, scope);
                if (previous >= 0) sets[previous] = (col, assigned);
                else sets.Add((col, assigned));
                continue;
            }
            if (sets.Any(x => x.Col == col))
                throw new TenonException(SqlState.SyntaxError, $"multiple assignments to same column \"{s.Column}\"");
            plain.Add(col);
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

    public StatementResult Update(UpdateStatement stmt) => BindUpdate(stmt)(ctx);

    /// <summary>Binds an UPDATE into a function that runs it (see the class summary).</summary>
    internal Func<ExecContext, StatementResult> BindUpdate(UpdateStatement stmt)
    {
        if (stmt.With is null && stmt.From.Count == 0 && stmt.Returning is null
            && HasInsteadOf(stmt.Table, stmt.Position, "update"))
            return ec => new DmlExecutor(ec).InsteadOfUpdateOrDelete(stmt.Table, stmt.Alias, stmt.Where, stmt.Set, stmt.Position, isUpdate: true)!;
        var binder = NewBinder();
        binder.BindStatementWith(stmt.With);
        var (table, realTable, viewFilter, viewCheck) = ResolveWriteTarget(binder, stmt.Table, stmt.Position, "UPDATE");
        RequireTargetPrivileges(binder, stmt.Table, stmt.Position, Privilege.Update,
            stmt.Where is not null || ReadsColumns(stmt.Returning) || stmt.From.Count > 0, null);
        var alias = stmt.Alias ?? table.Name;
        var plan = TargetScan(binder, table, alias, stmt.From, stmt.Where, out var scope, stmt.Only);
        if (viewFilter is not null) plan = new FilterNode(plan, viewFilter);
        var sets = BindAssignments(binder, table, stmt.Set, scope);
        NoteUpdateProjection(plan, sets);
        var returning = BindReturning(binder, table, stmt.Returning, alias, scope);
        if (describeBinder is not null) return _ => Described(returning);
        if (ctx.Explain is { } explain && !explain.Capture("Update", realTable, stmt.Alias, ref plan)) return _ => Described(returning);
        var defer = DeferChecksToStatementEnd;
        var partitioned = ScansDescendants(Catalog, table, stmt.Only);
        return ec =>
        {
            binder.RunDataModifyingCtes(ec);
            return RunUpdate(ec, table, realTable, plan, sets, returning, defer, partitioned, RefusalAsValue(ec, stmt, stmt.With, defer), viewCheck);
        };
    }

    private static StatementResult RunUpdate(ExecContext ctx, TableDef table, TableDef realTable, PlanNode plan,
        List<(ColumnDef Col, BoundExpr? Expr)> sets, (BoundExpr[] Exprs, ResultColumn[] Columns)? returning, bool defer, bool partitioned, bool refusalAsValue,
        ViewCheck? viewCheck = null)
    {
        var writer = new RowWriter(ctx) { FailureAsValue = refusalAsValue };
        // UPDATE OF statement triggers fire when one of their columns is set.
        var setNames = writer.HasTriggers ? sets.Select(s => s.Col.Name).ToList() : null;
        writer.FireStatementTriggers(realTable, "update", 'B', setNames);
        var targets = plan.Execute(ctx).ToList();
        var output = new List<object?[]>();
        var count = 0;
        var rowIdSlot = table.Columns.Count;
        var seenIn = new HashSet<(uint, long)>();
        foreach (var input in targets)
        {
            var rowId = (long)input[rowIdSlot]!;
            var storedIn = partitioned ? (uint)input[rowIdSlot + 1]! : table.Oid;
            if (!seenIn.Add((storedIn, rowId))) continue;
            var oldRow = input[..table.Columns.Count];
            var newRow = (object?[])oldRow.Clone();
            for (var s = 0; s < sets.Count; s++)
            {
                var (col, expr) = sets[s];
                newRow[col.Number - 1] = expr is null ? writer.DefaultValue(table, col) : expr.Eval(input, ctx);
            }
            long newRowId;
            if (partitioned)
            {
                var moved = table.IsPartitioned ? new DmlExecutor(ctx).UpdatePartitioned(writer, realTable, storedIn, rowId, newRow)
                    : new DmlExecutor(ctx).UpdateInherited(writer, realTable, storedIn, rowId, newRow);
                if (moved is null) continue;
                var (movedRowId, movedTo) = moved.Value;
                newRowId = movedRowId;
                storedIn = movedTo;
                viewCheck?.Check(writer, realTable, newRow, ctx);
            }
            else
            {
                // Gone since the scan: what ran for an earlier row of this statement deleted or updated it.
                if (!ctx.Transaction.Rows(table.Oid).TryGet(rowId, out var current)) throw RowWriter.ChangedByTrigger();
                newRowId = writer.Update(realTable, rowId, current, newRow);
                // A BEFORE ROW trigger returning NULL skips the row.
                if (newRowId < 0) continue;
                viewCheck?.CheckStored(writer, realTable, newRowId, ctx);
            }
            count++;
            if (returning is not null)
            {
                // RETURNING sees the new row version (its xmin is this transaction's).
                var outRow = (object?[])input.Clone();
                Array.Copy(newRow, outRow, newRow.Length);
                outRow[rowIdSlot] = newRowId;
                if (partitioned) outRow[rowIdSlot + 1] = storedIn;
                output.Add(EvalAll(returning.Value.Exprs, outRow, ctx));
            }
        }
        writer.FireStatementTriggers(realTable, "update", 'A', setNames);
        FinishWriter(ctx, writer, defer);
        if (writer.Failure is { } refused) return StatementResult.Failed(refused);
        return new StatementResult($"UPDATE {count}", returning?.Columns, returning is null ? null : output);
    }

    public StatementResult Delete(DeleteStatement stmt) => BindDelete(stmt)(ctx);

    /// <summary>Binds a DELETE into a function that runs it (see the class summary).</summary>
    internal Func<ExecContext, StatementResult> BindDelete(DeleteStatement stmt)
    {
        if (stmt.With is null && stmt.Using.Count == 0 && stmt.Returning is null
            && HasInsteadOf(stmt.Table, stmt.Position, "delete"))
            return ec => new DmlExecutor(ec).InsteadOfUpdateOrDelete(stmt.Table, stmt.Alias, stmt.Where, null, stmt.Position, isUpdate: false)!;
        var binder = NewBinder();
        binder.BindStatementWith(stmt.With);
        var (table, realTable, viewFilter, _) = ResolveWriteTarget(binder, stmt.Table, stmt.Position, "DELETE");
        RequireTargetPrivileges(binder, stmt.Table, stmt.Position, Privilege.Delete,
            stmt.Where is not null || ReadsColumns(stmt.Returning) || stmt.Using.Count > 0, null);
        var alias = stmt.Alias ?? table.Name;
        var plan = TargetScan(binder, table, alias, stmt.Using, stmt.Where, out var scope, stmt.Only);
        if (viewFilter is not null) plan = new FilterNode(plan, viewFilter);
        var returning = BindReturning(binder, table, stmt.Returning, alias, scope);
        if (describeBinder is not null) return _ => Described(returning);
        if (ctx.Explain is { } explain && !explain.Capture("Delete", realTable, stmt.Alias, ref plan)) return _ => Described(returning);
        var defer = DeferChecksToStatementEnd;
        var partitioned = ScansDescendants(Catalog, table, stmt.Only);
        return ec =>
        {
            binder.RunDataModifyingCtes(ec);
            return RunDelete(ec, table, realTable, plan, returning, defer, partitioned, RefusalAsValue(ec, stmt, stmt.With, defer));
        };
    }

    private static StatementResult RunDelete(ExecContext ctx, TableDef table, TableDef realTable, PlanNode plan,
        (BoundExpr[] Exprs, ResultColumn[] Columns)? returning, bool defer, bool partitioned, bool refusalAsValue)
    {
        var writer = new RowWriter(ctx) { FailureAsValue = refusalAsValue };
        writer.FireStatementTriggers(realTable, "delete", 'B');
        var output = returning is null ? null : new List<object?[]>();
        var skipped = 0;
        var rowIdSlot = table.Columns.Count;
        var targets = plan.Execute(ctx).ToList();
        // A row the scan gives twice (a join in USING) is deleted once; one row needs no set.
        var seen = targets.Count > 1 ? new HashSet<(uint, long)>() : null;
        var distinct = 0;
        // One row, refused as a value with nothing around it: its refusal can be found before it is deleted.
        var refuseEarly = refusalAsValue && returning is null && targets.Count == 1;
        foreach (var input in targets)
        {
            var rowId = (long)input[rowIdSlot]!;
            var storedIn = partitioned ? (uint)input[rowIdSlot + 1]! : realTable.Oid;
            if (seen is not null && !seen.Add((storedIn, rowId))) continue;
            distinct++;
            var target = partitioned ? ctx.Transaction.Catalog.Table(storedIn) : realTable;
            // Gone since the scan: what ran for an earlier row of this statement deleted or updated it.
            if (!ctx.Transaction.Rows(target.Oid).TryGet(rowId, out var cur))
                throw RowWriter.ChangedByTrigger(writer.FiresBeforeRow(target, "delete") ? "updated" : "deleted");
            if (refuseEarly && writer.RefusesDeleteEarly(target, rowId, cur)) return StatementResult.Failed(writer.Failure!);
            if (!writer.Delete(target, rowId, cur))
            {
                skipped++;
                continue;
            }
            if (returning is not null) output!.Add(EvalAll(returning.Value.Exprs, input, ctx));
        }
        writer.FireStatementTriggers(realTable, "delete", 'A');
        FinishWriter(ctx, writer, defer);
        if (writer.Failure is { } refused) return StatementResult.Failed(refused);
        if (distinct - skipped == 1 && returning is null) return DeletedOneRow;
        return new StatementResult($"DELETE {distinct - skipped}", returning?.Columns, output);
    }

    // The result of most single-row DELETEs (results are immutable, so one serves them all).
    private static readonly StatementResult DeletedOneRow = new("DELETE 1");

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
            if (item.Expr is StarExpr plainStar)
            {
                foreach (var c in table.LiveColumns)
                {
                    exprs.Add(new ColumnExpr(c.Number - 1, c.Type, 0, c.Name));
                    cols.Add(new ResultColumn(c.Name, c.Type, table.Oid, c.Number));
                }
                // RETURNING * also lists the columns of UPDATE's FROM and DELETE's USING items.
                foreach (var entry in scope.Entries.Skip(1).Where(e => plainStar.Table is null && e.Alias is not null && !e.Unreferenceable))
                    foreach (var c in entry.Columns.Where(c => !c.Hidden))
                    {
                        var bound = binder.BindExpr(new ColumnRef([entry.Alias!, c.Name]) { Position = item.Expr.Position }, scope);
                        exprs.Add(bound);
                        cols.Add(bound is ColumnExpr { TableOid: > 0 } x ? new ResultColumn(c.Name, bound.Type, x.TableOid, x.ColumnNumber) : new ResultColumn(c.Name, bound.Type));
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

using Tenon.Catalog;
using Tenon.Catalog.PgCatalog;
using Tenon.Errors;
using Tenon.Execution;
using Tenon.Execution.Expressions;
using Tenon.Execution.Plan;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Binding;

public sealed partial class Binder
{
    /// <summary>Binds the FROM list into one plan (comma-separated items are cross joins) and fills <paramref name="scope"/>.</summary>
    public PlanNode BindFrom(IReadOnlyList<TableRef> from, Scope scope)
    {
        if (from.Count == 0) return new SingleRowNode();
        PlanNode? plan = null;
        var start = scope.Width;
        foreach (var item in from)
        {
            _lateralRight = LateralKind.None;
            var next = BindTableRef(item, scope);
            var lateral = _lateralRight;
            _lateralRight = LateralKind.None;
            plan = plan is null ? next
                : lateral != LateralKind.None ? new LateralJoinNode(JoinKind.Cross, plan, next, null, start, lateral == LateralKind.Subquery)
                : new JoinNode(JoinKind.Cross, plan, next, null);
        }
        return plan!;
    }

    private enum LateralKind { None, Function, Subquery }

    /// <summary>While a non-LATERAL subquery in FROM binds: the FROM items beside it, which it cannot see (for error hints only).</summary>
    private List<RangeEntry>? _invisibleEntries;

    /// <summary>Set by binding a FROM item that reads earlier FROM items; the join binding it takes part in consumes it.</summary>
    private LateralKind _lateralRight;

    private static bool ReadsFromRow(IEnumerable<BoundExpr> args) =>
        args.Any(a => a.Descendants().Any(d => d is ColumnExpr { Level: 0 }));

    private PlanNode BindTableRef(TableRef item, Scope scope)
    {
        var plan = BindTableRefUnrecorded(item, scope);
        if (Recording is { } recording && item is not JoinTableRef && scope.Entries.Count > 0) recording.Entries[item] = scope.Entries[^1];
        return plan;
    }

    private PlanNode BindTableRefUnrecorded(TableRef item, Scope scope)
    {
        switch (item)
        {
            case NamedTableRef named:
                return BindNamedTable(named, scope);
            case SubqueryTableRef sub:
            {
                PlanNode plan;
                if (sub.Lateral)
                {
                    _lateralDepth++;
                    try { plan = BindQuery(sub.Query, scope); }
                    finally { _lateralDepth--; }
                    _lateralRight = LateralKind.Subquery;
                }
                else
                {
                    // The FROM items beside it are not visible to it; naming one is an error with PostgreSQL's hint.
                    var saved = _invisibleEntries;
                    _invisibleEntries = scope.Entries.ToList();
                    try { plan = BindQuery(sub.Query, scope.Parent); }
                    finally { _invisibleEntries = saved; }
                }
                if (sub.Alias is null)
                    throw new TenonException(SqlState.SyntaxError, "subquery in FROM must have an alias",
                        hint: "For example, FROM (SELECT ...) [AS] foo.") { Position = sub.Position };
                return AddEntry(plan, sub.Alias.Name, sub.Alias.Columns, 0, scope, sub.Position);
            }
            case FunctionTableRef fn:
                return BindFunctionTable(fn, scope);
            case JoinTableRef join:
                return BindJoin(join, scope);
        }
        throw new TenonException(SqlState.FeatureNotSupported, "unsupported FROM item") { Position = item.Position };
    }

    private PlanNode BindNamedTable(NamedTableRef named, Scope scope)
    {
        var name = named.Name;
        if (name.Schema is null)
            for (var i = _ctes.Count - 1; i >= 0; i--)
                if (_ctes[i].TryGetValue(name.Name, out var cte))
                    return cte.WithoutReturning
                        ? throw new TenonException(SqlState.FeatureNotSupported, $"WITH query \"{cte.Name}\" does not have a RETURNING clause") { Position = named.Position }
                        : AddEntry(cte.Plan, named.Alias?.Name ?? name.Name, named.Alias?.Columns, 0, scope, named.Position);

        // Inside a view's query, a name means the relation it meant when the view was made (renamed since or not).
        var recorded = RecordedRelation(name);
        if (recorded == 0 && SystemRelations.Find(Catalog, Path, name.Schema, name.Name) is { } system)
            return AddEntry(new SystemScanNode(system), named.Alias?.Name ?? name.Name, named.Alias?.Columns, 0, scope, named.Position);

        if (recorded == 0 && SequenceRelation(name, named.Position) is { } sequence)
        {
            Execution.Privileges.RequireOnRelation(_ctx, sequence.Oid, Tenon.Catalog.Privilege.Select);
            Dependencies?.Relations.Add(sequence.Oid);
            return AddEntry(new SystemScanNode(sequence), named.Alias?.Name ?? name.Name, named.Alias?.Columns, 0, scope, named.Position);
        }

        ViewDef? view = null;
        var table = recorded != 0 ? Catalog.Tables.GetValueOrDefault(recorded) : ResolveTable(name, named.Position, out view);
        if (recorded != 0 && table is null) view = Catalog.Views[recorded];
        if (recorded == 0) RequireSelect(view?.Oid ?? table!.Oid);
        else RequireSelectAsViewOwner(recorded);
        if (view is not null)
        {
            Dependencies?.Relations.Add(view.Oid);
            Dependencies?.Names.TryAdd((name.Schema, name.Name), view.Oid);
            Recording?.Relations.TryAdd(named, view.Oid);
            var viewPlan = BindView(view, named.Position);
            var viewEntry = AddEntry(viewPlan, named.Alias?.Name ?? name.Name, RecordedViewColumnNames(view, named.Alias?.Columns), 0, scope, named.Position);
            scope.Entries[^1].RowType = view.RowType;
            return viewEntry;
        }
        Dependencies?.Relations.Add(table!.Oid);
        Dependencies?.Names.TryAdd((name.Schema, name.Name), table!.Oid);
        Recording?.Relations.TryAdd(named, table!.Oid);
        var columns = table!.Columns.Select(c => new PlanColumn(RecordedColumnName(table, c), c.Type, table.Oid, c.Number)).ToArray();
        PlanNode scan = (table.IsPartitioned || Catalog.HasInheritanceChildren(table.Oid)) && !named.Only
            ? new PartitionScanNode(table.Oid, columns, includeRowId: _ctx.StatementMentionsXmin) { Alias = named.Alias?.Name }
            : new TableScanNode(table.Oid, columns, includeRowId: _ctx.StatementMentionsXmin) { Alias = named.Alias?.Name };
        // Dropped columns occupy their slot but are invisible, and so are the row id (Binder.SystemColumns.cs)
        // and a partitioned table's per-row tableoid, which follow the table's columns.
        var node = AddEntry(scan, named.Alias?.Name ?? (recorded != 0 ? name.Name : table.Name), named.Alias?.Columns, table.Oid, scope, named.Position,
            hidden: i => i >= table.Columns.Count || table.Columns[i].IsDropped);
        scope.Entries[^1].RowType = table.RowType;
        return node;
    }

    /// <summary>
    /// A sequence read as a relation: one row of last_value, log_cnt and is_called, read when the
    /// scan runs. log_cnt counts values PostgreSQL has written ahead to its log; Tenon logs none ahead, so it is 0.
    /// </summary>
    private SystemRelation? SequenceRelation(QualifiedName name, int position)
    {
        var oid = LookupRelation(name, position);
        if (oid == 0 || !Catalog.Sequences.TryGetValue(oid, out var seq)) return null;
        return new SystemRelation(seq.Name, seq.Oid,
            [new("last_value", SqlType.Int8), new("log_cnt", SqlType.Int8), new("is_called", SqlType.Bool)],
            catalog =>
            {
                if (!catalog.Sequences.TryGetValue(oid, out var current)) return [];
                lock (current.State.Gate) return [[current.State.LastValue, 0L, current.State.IsCalled]];
            });
    }

    /// <summary>Looks a relation up for reading: a table or a view; 42P01 when neither exists.</summary>
    public TableDef? ResolveTable(QualifiedName name, int position, out ViewDef? view)
    {
        view = null;
        var oid = LookupRelation(name, position);
        if (oid != 0 && Catalog.Tables.TryGetValue(oid, out var table)) return table;
        if (oid != 0 && Catalog.Views.TryGetValue(oid, out var v)) { view = v; return null; }
        if (oid != 0)
            throw new TenonException(SqlState.WrongObjectType, $"\"{name.Name}\" is not a table") { Position = position };
        throw new TenonException(SqlState.UndefinedTable, $"relation \"{name}\" does not exist") { Position = position };
    }

    /// <summary>
    /// A relation name's oid along the session's search path, 0 when there is none; 3F000 at
    /// <paramref name="position"/> when the name's schema does not exist.
    /// </summary>
    /// <remarks>
    /// As PostgreSQL's parser opens a relation: an unknown schema means no such relation
    /// (42P01, reported by the caller), not 3F000.
    /// </remarks>
    public uint LookupRelation(QualifiedName name, int position)
    {
        if (name.Schema is { } s && s != SystemCatalog.TempSchema && !Catalog.Schemas.Contains(s)) return 0;
        // A name in a schema the user may not use is refused there, as PostgreSQL's namespace lookup does.
        if (name.Schema is { } q && !_ctx.Session.IsSuperuser(Catalog.Auth))
            Execution.Privileges.RequireOnSchema(_ctx, Path.Qualifier(q), Tenon.Catalog.Privilege.Usage, position);
        return LookupRelation(Catalog, Path, name, position);
    }

    /// <inheritdoc cref="LookupRelation(QualifiedName, int)"/>
    public static uint LookupRelation(SystemCatalog catalog, SearchPath path, QualifiedName name, int position)
    {
        if (name.Schema is not null && name.Schema != SystemCatalog.TempSchema && !catalog.Schemas.Contains(name.Schema))
            throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{name.Schema}\" does not exist") { Position = position };
        var oid = catalog.LookupRelation(path, name.Schema, name.Name);
        if (oid != 0 && catalog.RelationSchema(oid) is var schema && SearchPath.IsTempSchema(schema) && schema != path.TempSchema)
            throw new TenonException(SqlState.FeatureNotSupported, "cannot access temporary tables of other sessions") { Position = position };
        return oid;
    }

    /// <summary>Adds a FROM entry whose rows are <paramref name="plan"/>'s rows at the current scope width.</summary>
    private PlanNode AddEntry(PlanNode plan, string alias, IReadOnlyList<string>? columnAliases, uint tableOid, Scope scope, int position,
        Func<int, bool>? hidden = null)
    {
        if (columnAliases is not null && columnAliases.Count > plan.Columns.Count)
            throw new TenonException(SqlState.InvalidColumnReference,
                $"table \"{alias}\" has {plan.Columns.Count} columns available but {columnAliases.Count} columns specified") { Position = position };
        var start = scope.Width;
        var cols = new List<ScopeColumn>();
        var visible = 0;
        for (var i = 0; i < plan.Columns.Count; i++)
        {
            var pc = plan.Columns[i];
            // Column aliases name the visible columns in order (a dropped column takes none).
            var isHidden = hidden?.Invoke(i) == true;
            var name = columnAliases is not null && !isHidden && visible < columnAliases.Count ? columnAliases[visible] : pc.Name;
            if (!isHidden) visible++;
            cols.Add(new ScopeColumn(name, pc.Type, start + i, pc.TableOid, pc.ColumnNumber) { Hidden = isHidden });
        }
        scope.Add(new RangeEntry(alias, cols) { TableOid = tableOid });
        scope.Width += plan.Columns.Count;
        return plan;
    }

    private PlanNode BindFunctionTable(FunctionTableRef fn, Scope scope)
    {
        var name = fn.Call.Name.Name;
        RefuseUnmatchedNamedArguments(fn.Call, scope);
        if (name == "pg_partition_ancestors") return BindPartitionAncestors(fn, scope);
        if (name == "pg_partition_tree") return BindPartitionTree(fn, scope);
        if (name == "unnest" && fn.Call.Args.Count == 1) return BindUnnest(fn, scope);
        if (JsonSetFunctions.IsJsonSetFunction(name) && fn.Call.Name.Schema is null or "pg_catalog") return BindJsonSetFunction(fn, scope);
        if (name == "generate_subscripts" && !fn.WithOrdinality)
        {
            var bound = fn.Call.Args.Select(a => BindExpr(a, scope)).ToList();
            var subArgs = SubscriptsArgs(bound, fn.Call) ?? throw NoSuchSetFunction(fn.Call, bound);
            if (ReadsFromRow(subArgs)) _lateralRight = LateralKind.Function;
            var column = fn.Alias?.Columns is { Count: > 0 } ? fn.Alias.Columns[0] : fn.Alias?.Name ?? name;
            var scan = new FunctionScanNode(subArgs, (values, _) => Subscripts(values), [new PlanColumn(column, SqlType.Int4)]) { FunctionName = name, Alias = fn.Alias?.Name };
            return AddEntry(scan, fn.Alias?.Name ?? name, fn.Alias?.Columns, 0, scope, fn.Position);
        }
        if (name != "generate_series" && BindUserFunctionTable(fn, scope) is { } routineScan) return routineScan;
        if (name != "generate_series")
            throw new TenonException(SqlState.FeatureNotSupported, $"function {name} in FROM is not supported yet") { Position = fn.Position };
        // A function in FROM may always read the FROM items before it (it is implicitly LATERAL).
        var args = fn.Call.Args.Select(a => BindExpr(a, scope)).ToList();
        if (ReadsFromRow(args)) _lateralRight = LateralKind.Function;
        if (args.Count is < 2 or > 3)
            throw new TenonException(SqlState.UndefinedFunction, $"function generate_series({string.Join(", ", args.Select(a => a.Type.DisplayName))}) does not exist",
                hint: "No function matches the given name and argument types. You might need to add explicit type casts.") { Position = fn.Call.Position };
        var timeType = TimeSeriesType(args);
        var type = timeType ?? (args.Any(a => a.Type.Id == TypeId.Int8) ? SqlType.Int8 : args.Any(a => a.Type.Id == TypeId.Numeric) ? SqlType.Numeric : SqlType.Int4);
        if (timeType is not null)
        {
            args = CoerceTimeSeriesArgs(args, timeType, fn.Call) ?? throw NoSuchSetFunction(fn.Call, args);
        }
        else
        {
            if (args.Any(a => !a.Type.IsInteger && a.Type.Id is not TypeId.Numeric and not TypeId.Unknown)) throw NoSuchSetFunction(fn.Call, args);
            args = args.Select((a, i) => TryCoerce(a, type, CastContext.Implicit, fn.Call.Args[i].Position) ?? a).ToList();
        }
        var columnName = fn.Alias?.Columns is { Count: > 0 } ? fn.Alias.Columns[0] : fn.Alias?.Name ?? "generate_series";
        List<PlanColumn> columns = [new PlanColumn(columnName, type)];
        if (fn.WithOrdinality) columns.Add(new PlanColumn(fn.Alias?.Columns is { Count: > 1 } ? fn.Alias.Columns[1] : "ordinality", SqlType.Int8));
        var plan = new FunctionScanNode(args, (values, ctx) => timeType is null ? Series(values, type) : TimeSeries(values, type, ctx), columns, fn.WithOrdinality) { FunctionName = name, Alias = fn.Alias?.Name };
        return AddEntry(plan, fn.Alias?.Name ?? "generate_series", fn.Alias?.Columns, 0, scope, fn.Position);
    }

    private PlanNode BindUnnest(FunctionTableRef fn, Scope scope)
    {
        var arg = BindExpr(fn.Call.Args[0], scope);
        if (ReadsFromRow([arg])) _lateralRight = LateralKind.Function;
        if (!arg.Type.IsArray)
            throw new TenonException(SqlState.UndefinedFunction, $"function unnest({arg.Type.DisplayName}) does not exist",
                hint: "No function matches the given name and argument types. You might need to add explicit type casts.") { Position = fn.Call.Position };
        var element = arg.Type.Element!.WithoutModifier();
        var columnName = fn.Alias?.Columns is { Count: > 0 } ? fn.Alias.Columns[0] : fn.Alias?.Name ?? "unnest";
        var columns = new List<PlanColumn> { new(columnName, element) };
        if (fn.WithOrdinality) columns.Add(new PlanColumn("ordinality", SqlType.Int8));
        return AddEntry(new UnnestScanNode(arg, fn.WithOrdinality, columns), fn.Alias?.Name ?? "unnest", fn.Alias?.Columns, 0, scope, fn.Position);
    }

    /// <summary>
    /// generate_series over timestamps (a third argument of type interval, or a timestamp start):
    /// timestamp when the bounds are timestamps, otherwise timestamptz, the preferred type, which
    /// dates and unknown literals also become. Null for the numeric forms.
    /// </summary>
    private static SqlType? TimeSeriesType(List<BoundExpr> args)
    {
        if (args.Count != 3) return null;
        var bounds = args.Take(2).Select(a => a.Type.Id).ToList();
        if (args[2].Type.Id != TypeId.Interval && !bounds.Any(b => b is TypeId.Timestamp or TypeId.Timestamptz or TypeId.Date)) return null;
        return bounds.All(b => b is TypeId.Timestamp or TypeId.Unknown) && bounds.Contains(TypeId.Timestamp) ? SqlType.Timestamp : SqlType.Timestamptz;
    }

    private List<BoundExpr>? CoerceTimeSeriesArgs(List<BoundExpr> args, SqlType type, FunctionCall call)
    {
        var result = new List<BoundExpr>();
        for (var i = 0; i < 3; i++)
        {
            var target = i < 2 ? type : SqlType.Interval;
            if (args[i].Type.Id != TypeId.Unknown && !ValueCast.CanCast(args[i].Type, target, CastContext.Implicit)) return null;
            result.Add(TryCoerce(args[i], target, CastContext.Implicit, call.Args[i].Position) ?? args[i]);
        }
        return result;
    }

    /// <summary>
    /// start, start + step, … while not past stop (below it for a negative step); a timestamptz
    /// series adds the step in the session TimeZone, so days stay days across DST changes.
    /// </summary>
    private static IEnumerable<object?> TimeSeries(object?[] v, SqlType type, ExecContext ctx)
    {
        var step = (PgInterval)v[2]!;
        var sign = step.CompareTo(PgInterval.Zero);
        if (sign == 0) throw new TenonException(SqlState.InvalidParameterValue, "step size cannot equal zero");
        if (type.Id == TypeId.Timestamp)
        {
            var stop = (PgTimestamp)v[1]!;
            for (var x = (PgTimestamp)v[0]!; sign > 0 ? x <= stop : x >= stop; x = Arithmetic.TimestampPlusInterval(x, step)) yield return x;
        }
        else
        {
            var stop = (PgTimestampTz)v[1]!;
            for (var x = (PgTimestampTz)v[0]!; sign > 0 ? x <= stop : x >= stop; x = Arithmetic.TimestampTzPlusInterval(x, step, ctx.Settings)) yield return x;
        }
    }

    private static IEnumerable<object?> Series(object?[] v, SqlType type)
    {
        if (type.Id == TypeId.Numeric)
        {
            var start = (Numeric)v[0]!; var stop = (Numeric)v[1]!; var step = v.Length > 2 ? (Numeric)v[2]! : Numeric.FromLong(1);
            if (step.Sign == 0) throw new TenonException(SqlState.InvalidParameterValue, "step size cannot equal zero");
            for (var x = start; step.Sign > 0 ? x.CompareTo(stop) <= 0 : x.CompareTo(stop) >= 0; x = x.Add(step)) yield return x;
            yield break;
        }
        long a = Convert.ToInt64(v[0]), b = Convert.ToInt64(v[1]), s = v.Length > 2 ? Convert.ToInt64(v[2]) : 1;
        if (s == 0) throw new TenonException(SqlState.InvalidParameterValue, "step size cannot equal zero");
        for (var x = a; s > 0 ? x <= b : x >= b; x += s)
        {
            yield return type.Id == TypeId.Int4 ? (object)(int)x : x;
            if ((s > 0 && x > long.MaxValue - s) || (s < 0 && x < long.MinValue - s)) yield break;
        }
    }

    private PlanNode BindJoin(JoinTableRef join, Scope scope)
    {
        var leftStart = scope.Entries.Count;
        var leftWidthStart = scope.Width;
        var leftStar = scope.Star.Count;
        _lateralRight = LateralKind.None;
        var left = BindTableRef(join.Left, scope);
        var leftLateral = _lateralRight;
        _lateralRight = LateralKind.None;
        var leftEntries = scope.Entries.Skip(leftStart).ToList();
        var rightStart = scope.Entries.Count;
        var rightStar = scope.Star.Count;
        var right = BindTableRef(join.Right, scope);
        var rightLateral = _lateralRight;
        // The join as a whole reads earlier FROM items when either side does (the enclosing join
        // then hands it the FROM row, which a lateral right side here extends).
        _lateralRight = leftLateral != LateralKind.None ? leftLateral : rightLateral;
        if (rightLateral != LateralKind.None && join.Kind is JoinKind.Right or JoinKind.Full)
            throw new TenonException(SqlState.InvalidColumnReference, "invalid reference to FROM-clause entry for table \"" + leftEntries.LastOrDefault()?.Alias + "\"",
                "The combining JOIN type must be INNER or LEFT for a LATERAL reference.") { Position = join.Right.Position };
        var rightEntries = scope.Entries.Skip(rightStart).ToList();
        if (join.Kind is JoinKind.Left or JoinKind.Full) foreach (var e in rightEntries) e.NullExtended = true;
        if (join.Kind is JoinKind.Right or JoinKind.Full) foreach (var e in leftEntries) e.NullExtended = true;

        // Rows of this join are laid out as left ++ right; the scope indexes are absolute, so
        // rebase conditions by the offset of the left side within the whole FROM row.
        var offset = leftWidthStart;
        BoundExpr? condition = null;
        var usingNames = join.Using;
        // Each side's columns as its * lists them: a nested join's merged columns once.
        var leftColumns = scope.Star.GetRange(leftStar, rightStar - leftStar);
        var rightColumns = scope.Star.GetRange(rightStar, scope.Star.Count - rightStar);
        if (join.Natural)
        {
            usingNames = leftColumns.Select(c => c.Name).Intersect(rightColumns.Select(c => c.Name)).ToList();
            Recording?.NaturalColumns.TryAdd(join, usingNames);
        }
        var leftKeys = new List<BoundExpr>();
        var rightKeys = new List<BoundExpr>();
        var merged = new List<(string Name, BoundExpr Value)>();
        if (usingNames is not null)
        {
            var parts = new List<BoundExpr>();
            foreach (var name in usingNames)
            {
                var l = FindIn(scope, leftColumns, name, "left");
                var r = FindIn(scope, rightColumns, name, "right");
                var eq = (BinaryOpExpr)MakeBinary("=", new ColumnExpr(l.Index - offset, l.Type, 0, name), new ColumnExpr(r.Index - offset, r.Type, 0, name), join.Position);
                parts.Add(eq);
                foreach (var e in leftEntries.Concat(rightEntries)) e.MergedAway.Add(name);
                if (join.Kind == JoinKind.Full)
                {
                    // FULL JOIN's merged column is COALESCE(left, right), computed into an extra slot after the join's columns.
                    var both = UnifyTypes([eq.Left, eq.Right], "JOIN/USING", [join.Position, join.Position], out var type);
                    merged.Add((name, new ConditionalExpr("coalesce", both, type, null)));
                }
                else scope.UsingColumns[name] = join.Kind == JoinKind.Right ? r : l;
            }
            if (parts.Count > 0) condition = parts.Count == 1 ? parts[0] : new LogicalExpr(true, parts);
        }
        else if (join.On is not null)
        {
            _clause = "JOIN conditions";
            var bound = BindCondition(join.On, scope, "JOIN/ON");
            condition = offset == 0 ? bound : Rebase(bound, offset);
        }

        if (condition is not null && rightLateral == LateralKind.None)
            ExtractEquiKeys(condition, left.Columns.Count, leftKeys, rightKeys);
        PlanNode node = rightLateral != LateralKind.None
            ? new LateralJoinNode(join.Kind, left, right, condition, offset, rightLateral == LateralKind.Subquery)
            : new JoinNode(join.Kind, left, right, condition,
            leftKeys.Count > 0 ? leftKeys : null,
            leftKeys.Count > 0 ? rightKeys.Select(k => Rebase(k, left.Columns.Count)).ToList() : null);
        if (merged.Count > 0)
        {
            var exprs = node.Columns.Select((c, i) => (BoundExpr)new ColumnExpr(i, c.Type, 0, c.Name)).ToList();
            var columns = node.Columns.ToList();
            foreach (var (name, value) in merged)
            {
                scope.UsingColumns[name] = new ScopeColumn(name, value.Type, scope.Width++);
                exprs.Add(value);
                columns.Add(new PlanColumn(name, value.Type));
            }
            node = new ProjectNode(node, exprs, columns);
        }
        if (usingNames is { Count: > 0 })
        {
            // The merged columns get an entry of their own, so that * and an enclosing join find
            // them once, as this join's columns. JOIN … USING (…) AS x names it x (the joined
            // tables keep their own names); otherwise no query can name it.
            var alias = join.Alias?.Name ?? $"\u0001join{++_syntheticJoins}";
            scope.Add(new RangeEntry(alias, usingNames.Select(n => scope.UsingColumns[n]).ToList()) { QualifiedOnly = true, Synthetic = join.Alias is null });
            scope.Star.RemoveRange(leftStar, scope.Star.Count - leftStar);
            foreach (var name in usingNames) scope.Star.Add(new StarColumn(alias, name));
            foreach (var c in leftColumns) if (!usingNames.Contains(c.Name)) scope.Star.Add(c);
            foreach (var c in rightColumns) if (!usingNames.Contains(c.Name)) scope.Star.Add(c);
        }
        return node;
    }

    private int _syntheticJoins;

    // PostgreSQL reports both without a position.
    private static ScopeColumn FindIn(Scope scope, List<StarColumn> side, string name, string sideName)
    {
        var matches = side.Where(c => c.Name == name).ToList();
        if (matches.Count == 0)
            throw new TenonException(SqlState.UndefinedColumn, $"column \"{name}\" specified in USING clause does not exist in {sideName} table");
        if (matches.Count > 1)
            throw new TenonException(SqlState.AmbiguousColumn, $"common column name \"{name}\" appears more than once in {sideName} table");
        return scope.Resolve(matches[0]);
    }

    private static BoundExpr Rebase(BoundExpr e, int offset) =>
        e.Rewrite(x => x is ColumnExpr { Level: 0 } c
            ? new ColumnExpr(c.Index - offset, c.Type, 0, c.Name) { Position = c.Position, TableOid = c.TableOid, ColumnNumber = c.ColumnNumber }
            : null);

    // Equalities "left column = right column" in a conjunction let the join hash the right side.
    private static void ExtractEquiKeys(BoundExpr condition, int leftWidth, List<BoundExpr> leftKeys, List<BoundExpr> rightKeys)
    {
        foreach (var c in Conjuncts(condition))
        {
            if (c is not BinaryOpExpr { Op: "=" } eq) continue;
            var lSide = Side(eq.Left, leftWidth);
            var rSide = Side(eq.Right, leftWidth);
            if (lSide == 1 && rSide == 2) { leftKeys.Add(eq.Left); rightKeys.Add(eq.Right); }
            else if (lSide == 2 && rSide == 1) { leftKeys.Add(eq.Right); rightKeys.Add(eq.Left); }
        }
        // Hash only on keys of identical types so hash equality matches the operator.
        for (var i = leftKeys.Count - 1; i >= 0; i--)
            if (leftKeys[i].Type.Id != rightKeys[i].Type.Id) { leftKeys.RemoveAt(i); rightKeys.RemoveAt(i); }
    }

    // 1: only left columns; 2: only right columns; 0: mixed, outer, or none.
    private static int Side(BoundExpr e, int leftWidth)
    {
        var side = 0;
        foreach (var d in e.Descendants())
        {
            if (d is ColumnExpr { Level: > 0 } || d is SubqueryExpr || d is FunctionExpr { Volatile: true }) return 0;
            if (d is not ColumnExpr c) continue;
            var s = c.Index < leftWidth ? 1 : 2;
            if (side != 0 && side != s) return 0;
            side = s;
        }
        return side;
    }
}

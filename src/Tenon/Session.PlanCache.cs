using System.Runtime.CompilerServices;
using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Execution;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;

namespace Tenon;

/// <summary>
/// Bound plans kept for statements run again and again (a <see cref="PreparedStatement"/>, or a
/// text of the parse cache, which is what the wire server's and ADO.NET's repeated statements are).
///
/// Binding depends on more than the statement: the catalog (every DDL replaces the catalog object,
/// so its identity stands for its contents), the settings (search_path resolves names; DateStyle
/// and TimeZone read literals; enable_indexscan steers the planner), the user (search_path's
/// "$user"), and the types of the parameter values. A plan is reused only while all of these are
/// the same as when it was bound, and while the tables whose sizes the planner weighed stay
/// about that size. Plans themselves hold no state of a run: each run gets a new ExecContext.
/// </summary>
public sealed partial class Session
{
    // Weak keys: a plan lives as long as its statement (a prepared statement, or a parse cache entry).
    private readonly ConditionalWeakTable<Statement, CachedPlan> _plans = new();

    // The entry of _plans last looked up or kept, checked before the table, so that a statement run
    // in a loop skips the table's lookup. Always what _plans holds for that statement (both are set
    // together); it keeps that one statement and its plan alive until another takes its place.
    private Statement? _lastPlanned;
    private CachedPlan? _lastPlan;

    private bool TryGetPlan(Statement stmt, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CachedPlan? plan)
    {
        if (ReferenceEquals(stmt, _lastPlanned))
        {
            plan = _lastPlan!;
            return true;
        }
        if (!_plans.TryGetValue(stmt, out plan)) return false;
        _lastPlanned = stmt;
        _lastPlan = plan;
        return true;
    }

    internal sealed class CachedPlan
    {
        public required SystemCatalog Catalog { get; init; }
        public required int SettingsVersion { get; init; }
        public required string User { get; init; }
        public required Types.SqlType[] ParameterTypes { get; init; }
        public required (uint TableOid, int Rows)[] TableSizes { get; init; }
        public required Func<ExecContext, StatementResult> Run { get; init; }
    }

    /// <summary>
    /// Runs a SELECT, INSERT, UPDATE or DELETE through its kept plan, binding (and keeping) it
    /// first when there is none that still fits; null for other statements.
    /// </summary>
    private StatementResult? RunCachable(Statement stmt, ExecContext ctx)
    {
        var with = stmt switch
        {
            SelectStatement s => s.Query.With,
            InsertStatement i => i.With,
            UpdateStatement u => u.With,
            DeleteStatement d => d.With,
            _ => null,
        };
        if (stmt is not (SelectStatement or InsertStatement or UpdateStatement or DeleteStatement)) return null;
        // A statement with a data-modifying WITH item is bound for every run, not kept.
        // A statement inside a PL/pgSQL body binds the block's variables into its plan: bound for every run.
        var keep = ctx.Variables is null && (with is null || with.Ctes.All(c => c.Statement is SelectStatement));
        var catalog = ctx.Transaction.Catalog;
        if (keep && TryGetPlan(stmt, out var cached) && Fits(cached, ctx))
        {
            PlanCounters.PlanReuses++;
            return cached.Run(ctx);
        }
        Binder binder;
        Func<ExecContext, StatementResult> run;
        switch (stmt)
        {
            case SelectStatement s:
            {
                var b = binder = new Binder(ctx);
                var plan = binder.BindTopLevelQuery(s.Query);
                var columns = plan.Columns.Select(c => new ResultColumn(c.Name, c.Type, c.TableOid, c.ColumnNumber)).ToArray();
                run = ec =>
                {
                    b.RunDataModifyingCtes(ec);
                    IReadOnlyList<object?[]> rows;
                    if (plan.TryExecuteSingle(ec, out var single))
                    {
                        ec.Session.PlanCounters.SingleRowRuns++;
                        rows = single is null ? Array.Empty<object?[]>() : new[] { single };
                    }
                    else
                        rows = plan.Execute(ec).ToList();
                    DmlExecutor.FinishPendingWriters(ec);
                    return new StatementResult(SelectTag(rows.Count), columns, rows);
                };
                break;
            }
            default:
            {
                var dml = new DmlExecutor(ctx);
                run = stmt switch
                {
                    InsertStatement i => dml.BindInsert(i),
                    UpdateStatement u => dml.BindUpdate(u),
                    _ => dml.BindDelete((DeleteStatement)stmt),
                };
                binder = dml.LastBinder!;
                break;
            }
        }
        // Binding reads the catalog and changes nothing; should a statement ever replace the
        // catalog while binding, its plan would not be kept.
        if (keep && ReferenceEquals(catalog, ctx.Transaction.Catalog))
        {
            PlanCounters.PlansBound++;
            var plan = new CachedPlan
            {
                Catalog = catalog,
                SettingsVersion = _settings.Version,
                User = UserName,
                ParameterTypes = ParameterTypesOf(ctx.Parameters),
                TableSizes = binder.RowCountsRead.ToArray(),
                Run = run,
            };
            _plans.AddOrUpdate(stmt, plan);
            _lastPlanned = stmt;
            _lastPlan = plan;
        }
        return run(ctx);
    }

    // The command tags of small results, made once instead of per statement.
    private static readonly string[] SelectTags = [.. Enumerable.Range(0, 64).Select(n => $"SELECT {n}")];

    private static string SelectTag(int count) => count < SelectTags.Length ? SelectTags[count] : $"SELECT {count}";

    private bool Fits(CachedPlan plan, ExecContext ctx)
    {
        if (!ReferenceEquals(plan.Catalog, ctx.Transaction.Catalog) || plan.SettingsVersion != _settings.Version || plan.User != UserName)
            return false;
        var ps = ctx.Parameters;
        var count = ps?.Count ?? 0;
        if (count != plan.ParameterTypes.Length) return false;
        for (var i = 0; i < count; i++)
            if (!Equals(ParameterValues.TypeOf(ps![i]), plan.ParameterTypes[i])) return false;
        foreach (var (oid, rows) in plan.TableSizes)
        {
            // Within a factor of two either way (and small tables are all alike): the planner's
            // choices (hash join or index probes) would come out the same.
            var now = ctx.Transaction.Rows(oid).Count;
            if (Math.Max(now, rows) > 64 && (now > rows * 2 || rows > now * 2)) return false;
        }
        return true;
    }

    private static Types.SqlType[] ParameterTypesOf(IReadOnlyList<object?>? ps)
    {
        if (ps is null || ps.Count == 0) return [];
        var types = new Types.SqlType[ps.Count];
        for (var i = 0; i < types.Length; i++) types[i] = ParameterValues.TypeOf(ps[i]);
        return types;
    }

    /// <summary>
    /// Expressions a <see cref="Constraints.RowWriter"/> binds from the catalog (CHECK constraints,
    /// column defaults, stored generated columns, expression and partial index keys), shared by the statements of this
    /// session while the catalog, settings and user stay the same. Keyed by the definition objects
    /// themselves, which a DDL replaces rather than changes.
    /// </summary>
    internal sealed class WriterExpressions
    {
        public required SystemCatalog Catalog { get; init; }
        public required int SettingsVersion { get; init; }
        public required string User { get; init; }
        public Dictionary<TableDef, List<(CheckConstraintDef Def, BoundExpr Expr)>> Checks { get; } = new(ReferenceEqualityComparer.Instance);
        public Dictionary<(TableDef Table, short Column), BoundExpr?> Defaults { get; } = new(TableColumnComparer.Instance);
        public Dictionary<IndexDef, (BoundExpr?[] Keys, BoundExpr? Predicate)> IndexExpressions { get; } = new(ReferenceEqualityComparer.Instance);
        public Dictionary<TableDef, List<(short Number, BoundExpr Expr)>> Generated { get; } = new(ReferenceEqualityComparer.Instance);
    }

    private sealed class TableColumnComparer : IEqualityComparer<(TableDef Table, short Column)>
    {
        public static readonly TableColumnComparer Instance = new();
        public bool Equals((TableDef Table, short Column) x, (TableDef Table, short Column) y) => ReferenceEquals(x.Table, y.Table) && x.Column == y.Column;
        public int GetHashCode((TableDef Table, short Column) k) => RuntimeHelpers.GetHashCode(k.Table) * 31 + k.Column;
    }

    private WriterExpressions? _writerExpressions;

    internal WriterExpressions WriterExpressionsFor(SystemCatalog catalog)
    {
        var w = _writerExpressions;
        if (w is null || !ReferenceEquals(w.Catalog, catalog) || w.SettingsVersion != _settings.Version || w.User != UserName)
            _writerExpressions = w = new WriterExpressions { Catalog = catalog, SettingsVersion = _settings.Version, User = UserName };
        return w;
    }
}

using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Errors;
using Tenon.Execution.Routines;
using Tenon.Sql;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// INSERT, UPDATE and DELETE on a view with an INSTEAD OF trigger for the command: each row the
/// command would write goes to the trigger (NEW and OLD in the view's row type) and nothing is
/// written to the view itself; a row the trigger returns NULL for is not counted.
/// </summary>
public sealed partial class DmlExecutor
{
    private (ViewDef View, IReadOnlyList<PlanColumnInfo> Columns)? InsteadOfTarget(QualifiedName name, int position, string ev)
    {
        if (describeBinder is not null || Catalog.Routines.Triggers.IsEmpty) return null;
        var binder = NewBinder();
        binder.ResolveTable(name, name.Position > 0 ? name.Position : position, out var view);
        if (view is null) return null;
        if (!Catalog.TriggersOf(view.Oid).Any(t => t.Timing == 'I' && t.Enabled != 'D' && t.Fires(ev))) return null;
        var plan = binder.BindQuery(((SelectStatement)Parser.ParseStatement($"SELECT * FROM {Quote(view.Schema)}.{Quote(view.Name)}")).Query, null);
        return (view, plan.Columns.Select(c => new PlanColumnInfo(c.Name, c.Type)).ToList());
    }

    /// <summary>Whether the command on <paramref name="name"/> goes to INSTEAD OF triggers (decided when binding; running it is a separate step so kept plans fire the triggers again).</summary>
    private bool HasInsteadOf(QualifiedName name, int position, string ev) => InsteadOfTarget(name, position, ev) is not null;

    internal sealed record PlanColumnInfo(string Name, SqlType Type);

    private static string Quote(string s) => Errors.SqlErrors.QuoteIdentifier(s);

    private int FireInsteadOf(ViewDef view, IReadOnlyList<PlanColumnInfo> columns, string ev, object?[]? oldRow, object?[]? newRow)
    {
        var writer = new RowWriter(ctx);
        var relation = new TableDefOrView(view.Oid, view.Name, view.Schema, columns.Select(c => (c.Name, c.Type)).ToList());
        var fired = 0;
        foreach (var t in Catalog.TriggersOf(view.Oid).Where(t => t.Timing == 'I' && t.Enabled != 'D' && t.Fires(ev)))
        {
            if (!Catalog.Functions.TryGetValue(t.FunctionOid, out var fn))
                throw new TenonException(SqlState.UndefinedFunction, $"function with OID {t.FunctionOid} does not exist");
            var rows = RoutineRuntime.Run(fn, [], ctx, new TriggerData(t, ev.ToUpperInvariant(), relation, oldRow, newRow));
            if (rows.Count == 0 || rows[0] is null) return 0;
            fired = 1;
        }
        _ = writer;
        return fired;
    }

    /// <summary>EXPLAIN has no plan to show for a write Tenon runs through INSTEAD OF triggers (and must not run it).</summary>
    private void RefuseExplain(string command, int position)
    {
        if (ctx.Explain is not null)
            throw new TenonException(SqlState.FeatureNotSupported, $"EXPLAIN of {command} on a view with INSTEAD OF triggers is not supported by Tenon yet")
                { Position = position };
    }

    private StatementResult? InsteadOfInsert(InsertStatement stmt)
    {
        if (InsteadOfTarget(stmt.Table, stmt.Position, "insert") is not var (view, columns)) return null;
        RefuseExplain("INSERT", stmt.Position);
        if (stmt.Returning is not null || stmt.OnConflict is not null)
            throw new TenonException(SqlState.FeatureNotSupported, "RETURNING and ON CONFLICT on a view with INSTEAD OF triggers are not supported by Tenon yet");
        var targets = (stmt.Columns ?? columns.Select(c => c.Name).ToList()).Select(n =>
        {
            var i = columns.ToList().FindIndex(c => c.Name == n);
            return i >= 0 ? i : throw new TenonException(SqlState.UndefinedColumn, $"column \"{n}\" of relation \"{view.Name}\" does not exist");
        }).ToList();
        var rows = new List<object?[]>();
        if (stmt.Source is not null)
        {
            var binder = NewBinder();
            var plan = binder.BindQuery(stmt.Source, null);
            if (plan.Columns.Count > targets.Count)
                throw new TenonException(SqlState.SyntaxError, "INSERT has more expressions than target columns");
            foreach (var r in plan.Execute(ctx).ToList())
            {
                var row = new object?[columns.Count];
                for (var i = 0; i < r.Length; i++)
                    row[targets[i]] = RoutineRuntime.Coerce(r[i], plan.Columns[i].Type, columns[targets[i]].Type, ctx);
                rows.Add(row);
            }
        }
        else rows.Add(new object?[columns.Count]);
        var count = 0;
        foreach (var row in rows) count += FireInsteadOf(view, columns, "insert", null, row);
        return new StatementResult($"INSERT 0 {count}");
    }

    private StatementResult? InsteadOfUpdateOrDelete(QualifiedName name, string? alias, Expr? where, IReadOnlyList<SetClause>? set, int position, bool isUpdate)
    {
        var ev = isUpdate ? "update" : "delete";
        if (InsteadOfTarget(name, position, ev) is not var (view, columns)) return null;
        RefuseExplain(isUpdate ? "UPDATE" : "DELETE", position);
        var a = Quote(alias ?? view.Name);
        var sets = set ?? [];
        var setList = string.Concat(sets.Select(s => ", " + ExprSource.Print(s.Value)));
        var sql = $"SELECT {a}.*{setList} FROM {Quote(view.Schema)}.{Quote(view.Name)} AS {a}" + (where is null ? "" : " WHERE " + ExprSource.Print(where));
        var binder = NewBinder();
        var plan = binder.BindQuery(((SelectStatement)Parser.ParseStatement(sql)).Query, null);
        var setTargets = sets.Select(s => columns.ToList().FindIndex(c => c.Name == s.Column) is var i and >= 0 ? i
            : throw new TenonException(SqlState.UndefinedColumn, $"column \"{s.Column}\" of relation \"{view.Name}\" does not exist")).ToList();
        var count = 0;
        foreach (var r in plan.Execute(ctx).ToList())
        {
            var oldRow = r[..columns.Count];
            object?[]? newRow = null;
            if (isUpdate)
            {
                newRow = (object?[])oldRow.Clone();
                for (var k = 0; k < setTargets.Count; k++)
                    newRow[setTargets[k]] = RoutineRuntime.Coerce(r[columns.Count + k], plan.Columns[columns.Count + k].Type, columns[setTargets[k]].Type, ctx);
            }
            count += FireInsteadOf(view, columns, ev, oldRow, newRow);
        }
        return new StatementResult($"{ev.ToUpperInvariant()} {count}");
    }
}

using Tenon.Binding;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution.Routines;

/// <summary>DO and CALL.</summary>
public static class RoutineCalls
{
    public static StatementResult Do(DoStatement stmt, ExecContext ctx)
    {
        if (stmt.Language != "plpgsql")
            throw new TenonException(SqlState.UndefinedObject, $"language \"{stmt.Language}\" does not exist");
        PlPgSql.Interpreter.RunInline(stmt.Body, ctx);
        return new StatementResult("DO");
    }

    public static StatementResult Call(CallStatement stmt, ExecContext ctx)
    {
        var binder = new Binder(ctx);
        var bound = stmt.Call.Args.Select(a => binder.BindExpr(a, null)).ToList();
        var resolved = binder.ResolveRoutine(stmt.Call, bound, forCall: true);
        if (resolved is not var (proc, args) || proc.Kind != 'p')
        {
            if (resolved is var (fn, _) && fn.Kind != 'p')
                throw new TenonException(SqlState.WrongObjectType, $"{RoutineRuntime.Signature(fn)} is not a procedure",
                    hint: "To call a function, use SELECT.") { Position = stmt.Call.Position };
            throw new TenonException(SqlState.UndefinedFunction, $"procedure {stmt.Call.Name}({Binder.ArgumentSignature(stmt.Call, bound)}) does not exist",
                hint: "No procedure matches the given name and argument types. You might need to add explicit type casts.") { Position = stmt.Call.Position };
        }
        var values = args.Select(a => a.Eval(Array.Empty<object?>(), ctx)).ToArray();
        var rows = RoutineRuntime.Run(proc, values, ctx);
        var outputs = proc.Parameters.Where(p => p.IsOutput).ToList();
        if (outputs.Count == 0) return new StatementResult("CALL");
        var columns = outputs.Select(o => new ResultColumn(o.Name ?? "column", o.Type)).ToList();
        var row = rows.Count > 0 ? rows[0] : new object?[outputs.Count];
        if (row.Length != outputs.Count) row = outputs.Count == 1 ? [row.Length > 0 ? row[0] : null] : row;
        return new StatementResult("CALL", columns, [row]);
    }
}

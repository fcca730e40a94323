using System.Collections.Concurrent;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Sql;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution.Routines;

/// <summary>What a trigger function is told about the event (TG_* variables, NEW and OLD).</summary>
public sealed record TriggerData(TriggerDef Trigger, string Op, TableDefOrView Relation, object?[]? Old, object?[]? New)
{
    public string When => Trigger.Timing switch { 'B' => "BEFORE", 'A' => "AFTER", _ => "INSTEAD OF" };
    public string Level => Trigger.ForEachRow ? "ROW" : "STATEMENT";
}

/// <summary>The relation a trigger is on: its name, schema and row columns.</summary>
public sealed record TableDefOrView(uint Oid, string Name, string Schema, IReadOnlyList<(string Name, SqlType Type)> Columns);

/// <summary>
/// Calls user-defined routines. A SQL function runs its statements in order with the arguments
/// as $n (and by name) and returns what the last one returns; a PL/pgSQL routine runs in the
/// interpreter of <see cref="PlPgSql"/>. Statements inside a routine run in the caller's
/// transaction, without a savepoint of their own (an error ends the calling statement).
/// </summary>
public static class RoutineRuntime
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<Statement>> SqlBodies = new();

    [ThreadStatic] private static int _depth;

    /// <summary>Nesting of routine calls allowed before "stack depth limit exceeded" (PostgreSQL's max_stack_depth, by count).</summary>
    private const int MaxDepth = 150;

    public static string Signature(RoutineDef f) => $"{f.Name}({string.Join(", ", f.InputTypes.Select(t => t.DisplayName))})";

    /// <summary>Checks a body's syntax when the routine is created (PostgreSQL's validator with check_function_bodies on).</summary>
    public static void Validate(RoutineDef f, ExecContext ctx)
    {
        if (f.Language != "sql")
        {
            PlPgSql.PlParser.ParseFunction(f.Body);
            return;
        }
        var statements = ParseSqlBody(f.Body);
        if (ctx.Session.CurrentSetting("check_function_bodies", true) is "off") return;
        // A one-statement body is analyzed now: its result must fit the declared result.
        if (statements.Count != 1 || statements[0] is not SelectStatement select || f.ReturnType.Id == TypeId.Void && f.ResultColumns is null) return;
        var inner = new ExecContext(ctx.Session, ctx.Transaction, new object?[f.InputTypes.Count])
        {
            Variables = new SqlParameterScope(f),
            ParameterTypes = f.InputTypes,
        };
        var columns = new Binding.Binder(inner).BindQuery(select.Query, null).Columns;
        var expected = f.ResultColumns?.Count ?? 1;
        if (f.ResultColumns is null && columns.Count != 1)
            throw new TenonException(SqlState.InvalidFunctionDefinition, $"return type mismatch in function declared to return {f.ReturnTypeName}",
                detail: "Final statement must return exactly one column.");
        if (f.ResultColumns is not null && columns.Count != expected && !(columns.Count == 1 && columns[0].Type.Id == TypeId.Record))
            throw new TenonException(SqlState.InvalidFunctionDefinition, $"return type mismatch in function declared to return {f.ReturnTypeName}",
                detail: columns.Count < expected ? "Final statement returns too few columns." : "Final statement returns too many columns.");
        if (f.ResultColumns is null && columns[0].Type is var actual && actual.Id is not (TypeId.Unknown or TypeId.Record) && actual != f.ReturnType
            && !ValueCast.CanCast(actual, f.ReturnType, CastContext.Assignment))
            throw new TenonException(SqlState.InvalidFunctionDefinition, $"return type mismatch in function declared to return {f.ReturnTypeName}",
                detail: $"Actual return type is {actual.DisplayName}.");
    }

    /// <summary>
    /// Whether PostgreSQL would inline this SQL function into an expression and find the result
    /// immutable: a body that is one SELECT of one expression with no FROM or other clauses, whose
    /// declared volatility is not below the body's (a STABLE function with a volatile body is not
    /// inlined), and whose expression calls only immutable functions.
    /// </summary>
    public static bool InlinesImmutably(RoutineDef f, ExecContext ctx)
    {
        if (f.Language != "sql" || f.ReturnsSet || f.ResultColumns is not null || f.Kind != 'f') return false;
        IReadOnlyList<Statement> statements;
        try { statements = ParseSqlBody(f.Body); }
        catch (TenonException) { return false; }
        if (statements is not [SelectStatement { Query: { With: null, OrderBy.Count: 0, Limit: null, Offset: null, Body: SelectCore core } }]
            || core is not { Targets: [var target], From.Count: 0, Where: null, GroupBy.Count: 0, Having: null, Distinct: false, DistinctOn: null, Into: null })
            return false;
        var inner = new ExecContext(ctx.Session, ctx.Transaction, new object?[f.InputTypes.Count])
        {
            Variables = new SqlParameterScope(f),
            ParameterTypes = f.InputTypes,
        };
        try
        {
            if (target.Expr is StarExpr) return false;
            var body = new Binding.Binder(inner).BindExpr(target.Expr, null);
            // A function declared STABLE is inlined only when its body is no worse than stable;
            // an immutable body is what matters here, whatever was declared.
            return Binding.Volatility.IsImmutable(body, r => r != f && InlinesImmutably(r, ctx));
        }
        catch (TenonException)
        {
            return false;
        }
    }

    private static IReadOnlyList<Statement> ParseSqlBody(string body) =>
        SqlBodies.TryGetValue(body, out var s) ? s : SqlBodies[body] = Parser.ParseScript(body);

    /// <summary>The "SQL function "f" statement 1" style context line of an error raised inside a routine.</summary>
    private static TenonException? WithContext(TenonException ex, string line)
    {
        // Used as an exception filter (it never catches): annotating before unwinding keeps deep recursion from piling up rethrows.
        ex.Where = ex.Where is null ? line : ex.Where + "\n" + line;
        return ex;
    }

    /// <summary>Runs a routine and returns its rows: one per result row for a set-returning one, else exactly one.</summary>
    public static List<object?[]> Run(RoutineDef f, object?[] args, ExecContext ctx, TriggerData? trigger = null)
    {
        if (++_depth > MaxDepth)
        {
            _depth = 0;
            throw new TenonException(SqlState.StatementTooComplex, "stack depth limit exceeded",
                hint: "Increase the configuration parameter \"max_stack_depth\" (currently 2048kB), after ensuring the platform's stack depth limit is adequate.");
        }
        try
        {
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            ctx.Session.CheckForInterrupts();
            if (f.Language == "sql") return RunSql(f, args, ctx);
            return PlPgSql.Interpreter.Run(f, args, ctx, trigger);
        }
        catch (InsufficientExecutionStackException)
        {
            throw new TenonException(SqlState.StatementTooComplex, "stack depth limit exceeded",
                hint: "Increase the configuration parameter \"max_stack_depth\" (currently 2048kB), after ensuring the platform's stack depth limit is adequate.");
        }
        finally
        {
            if (_depth > 0) _depth--;
        }
    }

    /// <summary>A scalar call: the single value (a record for a composite result), NULL when a SQL function's query returns no row.</summary>
    public static object? Call(RoutineDef f, object?[] args, ExecContext ctx)
    {
        var rows = Run(f, args, ctx);
        if (rows.Count == 0) return null;
        return AsValue(f, rows[0]);
    }

    /// <summary>The value of one result row: the column itself, or a record of the columns.</summary>
    public static object? AsValue(RoutineDef f, object?[] row)
    {
        if (f.ResultColumns is { } cols) return row.All(v => v is null) && row.Length == 0 ? null : new PgRecord(row, cols.Select(c => c.Type).ToArray());
        return row.Length > 0 ? row[0] : null;
    }

    /// <summary>Number of columns a result row has.</summary>
    public static int Width(RoutineDef f) => f.ResultColumns?.Count ?? 1;

    private static List<object?[]> RunSql(RoutineDef f, object?[] args, ExecContext ctx)
    {
        var statements = ParseSqlBody(f.Body);
        var inner = new ExecContext(ctx.Session, ctx.Transaction, args)
        {
            Variables = new SqlParameterScope(f),
            ParameterTypes = f.InputTypes,
        };
        StatementResult? last = null;
        for (var i = 0; i < statements.Count; i++)
        {
            try
            {
                last = ctx.Session.ExecuteInRoutine(statements[i], inner);
            }
            catch (TenonException ex) when (WithContext(ex, $"SQL function \"{f.Name}\" statement {i + 1}") is null)
            {
                throw;
            }
        }
        if (f.ReturnType.Id == TypeId.Void && f.ResultColumns is null) return [[null]];
        if (last is null || !last.HasRows)
            throw new TenonException(SqlState.InvalidFunctionDefinition, $"return type mismatch in function declared to return {f.ReturnTypeName}",
                detail: "Function's final statement must be SELECT or INSERT/UPDATE/DELETE RETURNING.");
        var width = Width(f);
        var rows = new List<object?[]>();
        var columns = last.Columns!;
        IEnumerable<object?[]> source = f.ReturnsSet ? last.Rows : last.Rows.Take(1);
        foreach (var r in source)
        {
            object?[] row;
            if (f.ResultColumns is { } rc)
            {
                // A query returning the composite as one column (SELECT t FROM t) or its columns.
                SqlType[]? fieldTypes = null;
                if (r.Length == 1 && r[0] is PgRecord rec && rc.Count != 1) (row, fieldTypes) = (rec.Fields, rec.FieldTypes);
                else row = r;
                if (row.Length != rc.Count)
                    throw new TenonException(SqlState.InvalidFunctionDefinition, $"return type mismatch in function declared to return {f.ReturnTypeName}",
                        detail: row.Length < rc.Count ? "Final statement returns too few columns." : "Final statement returns too many columns.");
                var outRow = new object?[rc.Count];
                for (var i = 0; i < rc.Count; i++)
                    outRow[i] = Coerce(row[i], fieldTypes is not null ? fieldTypes[i] : r.Length == rc.Count ? columns[i].Type : SqlType.Unknown, rc[i].Type, ctx);
                rows.Add(outRow);
            }
            else
            {
                if (r.Length != 1)
                    throw new TenonException(SqlState.InvalidFunctionDefinition, $"return type mismatch in function declared to return {f.ReturnTypeName}",
                        detail: "Final statement must return exactly one column.");
                rows.Add([Coerce(r[0], columns[0].Type, f.ReturnType, ctx)]);
            }
        }
        _ = width;
        return rows;
    }

    /// <summary>Converts a value to a declared type the way an assignment does (an unknown value through the type's input).</summary>
    public static object? Coerce(object? value, SqlType from, SqlType to, ExecContext ctx)
    {
        if (value is null || to.Id is TypeId.Unknown or TypeId.Record or TypeId.Void) return value;
        if (from == to) return value;
        if (from.Id == TypeId.Unknown || value is string && to.Id != TypeId.Text && from.Id is TypeId.Text or TypeId.Varchar or TypeId.Bpchar or TypeId.Name && !ValueCast.CanCast(from, to, CastContext.Assignment))
        {
            var text = value is string s ? s : ValueText.Format(value, from, ctx.Settings);
            return ValueText.Parse(text, to.WithoutModifier(), ctx.Settings) is var parsed && to.HasModifier
                ? ValueCast.Cast(parsed, to.WithoutModifier(), to, CastContext.Assignment, ctx.Settings) : parsed;
        }
        if (ValueCast.CanCast(from, to, CastContext.Assignment)) return ValueCast.Cast(value, from, to, CastContext.Assignment, ctx.Settings);
        // PL/pgSQL falls back to text output and input for any other pair.
        var t = ValueText.Format(value, from, ctx.Settings);
        return ValueText.Parse(t, to.WithoutModifier(), ctx.Settings);
    }

    /// <summary>A SQL function's parameters by name ($n by number is the binder's).</summary>
    private sealed class SqlParameterScope(RoutineDef f) : IVariableScope
    {
        public BoundExpr? Resolve(IReadOnlyList<string> names, int position)
        {
            if (names.Count > 2 || names.Count == 2 && names[0] != f.Name) return null;
            var k = 0;
            foreach (var p in f.InputParameters)
            {
                k++;
                if (p.Name == names[^1]) return new ParamExpr(k, p.Type);
            }
            return null;
        }
    }
}

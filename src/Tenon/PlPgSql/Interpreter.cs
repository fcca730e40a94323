using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution;
using Tenon.Execution.Routines;
using Tenon.Sql;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.PlPgSql;

/// <summary>
/// Runs a PL/pgSQL routine: declares its parameters and block variables, then executes the
/// statements. Embedded SQL is parsed by the main parser (cached by text) and bound each time it
/// runs, with the variables visible to the binder through <see cref="PlScopes"/>. An EXCEPTION
/// block runs under a savepoint of the transaction: when a handler catches an error, the block's
/// writes are undone first, as PostgreSQL's subtransaction does.
/// </summary>
public static class Interpreter
{
    private static readonly ConcurrentDictionary<string, PlBlock> Bodies = new();
    private static readonly ConcurrentDictionary<string, IReadOnlyList<Statement>> Statements = new();

    public static List<object?[]> Run(RoutineDef f, object?[] args, ExecContext ctx, TriggerData? trigger)
    {
        var block = Bodies.TryGetValue(f.Body, out var b) ? b : Bodies[f.Body] = ParseAtRuntime(f.Body);
        var run = new PlRun(f, args, ctx, trigger);
        return run.Execute(block);
    }

    /// <summary>A body not checked at creation (check_function_bodies off): its syntax errors have no place in the calling statement.</summary>
    private static PlBlock ParseAtRuntime(string body)
    {
        try
        {
            return PlParser.ParseFunction(body);
        }
        catch (TenonException ex)
        {
            ex.Position = 0;
            throw;
        }
    }

    /// <summary>DO: an anonymous block without parameters or result.</summary>
    public static void RunInline(string body, ExecContext ctx)
    {
        var f = new RoutineDef("inline_code_block", 0, "public", [], SqlType.Void, "plpgsql", body);
        var block = ParseAtRuntime(body);
        new PlRun(f, [], ctx, null).Execute(block);
    }

    internal static IReadOnlyList<Statement> Parse(string sql) =>
        Statements.TryGetValue(sql, out var s) ? s : Statements[sql] = Parser.ParseScript(sql);
}

/// <summary>Control flow leaving a statement list.</summary>
internal enum Flow { Normal, Exit, Continue, Return }

/// <summary>One invocation of a PL/pgSQL routine.</summary>
internal sealed class PlRun
{
    private readonly RoutineDef _f;
    private readonly object?[] _args;
    private readonly ExecContext _ctx;
    private readonly TriggerData? _trigger;
    private readonly PlScopes _scopes;
    private readonly List<object?[]> _rows = new();
    private readonly PlVar _found = new("found", SqlType.Bool) { Value = false };
    private long _rowCount;
    private string? _flowLabel;
    private object? _returnValue;
    private bool _returned;
    private TenonException? _caught;
    private int _line;
    private string _what = "during statement block entry";

    public PlRun(RoutineDef f, object?[] args, ExecContext ctx, TriggerData? trigger)
    {
        _f = f;
        _args = args;
        _ctx = ctx;
        _trigger = trigger;
        _scopes = new PlScopes(f.Name);
    }

    private string ContextLine => _f.Name == "inline_code_block" && _f.Oid == 0
        ? $"PL/pgSQL function inline_code_block line {_line} {_what}"
        : $"PL/pgSQL function {RoutineRuntime.Signature(_f)} line {_line} {_what}";

    public List<object?[]> Execute(PlBlock block)
    {
        _scopes.Push(_f.Name);
        _scopes.Declare(_found);
        var k = 0;
        foreach (var p in _f.Parameters)
        {
            if (p.IsInput)
            {
                var v = NewVar(p.Name ?? "$" + (k + 1), p.Type, _args[k]);
                _scopes.Declare(v);
                var alias = new PlVar("$" + (k + 1), p.Type);
                if (p.Name is not null) _scopes.Declare(v);
                k++;
                _ = alias;
            }
            else if (p.Name is not null) _scopes.Declare(NewVar(p.Name, p.Type, null));
        }
        if (_trigger is { } t) DeclareTriggerVariables(t);
        try
        {
            var flow = RunBlock(block);
            if (flow == Flow.Exit || flow == Flow.Continue)
                throw new TenonException(SqlState.SyntaxError, flow == Flow.Exit ? "EXIT cannot be used outside a loop, unless it has a label" : "CONTINUE cannot be used outside a loop");
        }
        catch (TenonException ex) when (AddContext(ex))
        {
            throw; // not reached: the filter only annotates (a filter runs before unwinding, so deep recursion does not pile up rethrows)
        }
        if (_trigger is not null) return [_returned && _returnValue is object?[] row ? row : null!];
        if (_f.ReturnsSet) return _rows;
        if (!_returned)
        {
            if (_f.ResultColumns is not null && _f.Parameters.Any(p => p.IsOutput)) return [OutRow()];
            if (_f.Parameters.Any(p => p.IsOutput)) return [[_scopes.Find(_f.Parameters.First(p => p.IsOutput).Name!)?.Value]];
            if (_f.ReturnType.Id == TypeId.Void || _f.Kind == 'p') return [[null]];
            throw new TenonException(SqlState.FunctionExecutedNoReturnStatement, "control reached end of function without RETURN") { Where = ContextLine };
        }
        if (_f.ResultColumns is not null) return [_returnValue as object?[] ?? new object?[_f.ResultColumns.Count]];
        return [[_returnValue]];
    }

    private bool AddContext(TenonException ex)
    {
        var line = ContextLine;
        ex.Where = ex.Where is null ? line : ex.Where + "\n" + line;
        return false;
    }

    private PlVar NewVar(string name, SqlType type, object? value) => new(name, type) { Value = value };

    private void DeclareTriggerVariables(TriggerData t)
    {
        var cols = t.Relation.Columns;
        _scopes.Declare(new PlVar("new", SqlType.Record) { IsRecord = true, Fields = cols, Value = t.New });
        _scopes.Declare(new PlVar("old", SqlType.Record) { IsRecord = true, Fields = cols, Value = t.Old });
        _scopes.Declare(NewVar("tg_name", SqlType.Name, t.Trigger.Name));
        _scopes.Declare(NewVar("tg_when", SqlType.Text, t.When));
        _scopes.Declare(NewVar("tg_level", SqlType.Text, t.Level));
        _scopes.Declare(NewVar("tg_op", SqlType.Text, t.Op));
        _scopes.Declare(NewVar("tg_relid", SqlType.Oid, t.Relation.Oid));
        _scopes.Declare(NewVar("tg_relname", SqlType.Name, t.Relation.Name));
        _scopes.Declare(NewVar("tg_table_name", SqlType.Name, t.Relation.Name));
        _scopes.Declare(NewVar("tg_table_schema", SqlType.Name, t.Relation.Schema));
        _scopes.Declare(NewVar("tg_nargs", SqlType.Int4, t.Trigger.Arguments.Count));
        // TG_ARGV's subscripts start at 0.
        var argv = t.Trigger.Arguments.Cast<object?>().ToArray();
        _scopes.Declare(NewVar("tg_argv", SqlType.ArrayOf(SqlType.Text),
            argv.Length == 0 ? PgArray.Empty(SqlType.Text) : new PgArray(SqlType.Text, argv, [argv.Length], [0])));
    }

    private object?[] OutRow() =>
        _f.Parameters.Where(p => p.IsOutput).Select(p => _scopes.Find(p.Name ?? "")?.Value).ToArray();

    // ---- blocks and statements ---------------------------------------------------------------

    private Flow RunBlock(PlBlock block)
    {
        _scopes.Push(block.Label);
        try
        {
            foreach (var d in block.Decls) Declare(d);
            if (block.Handlers is null) return RunList(block.Body, block.Label);
            foreach (var h in block.Handlers)
                foreach (var c in h.Conditions) Conditions.Check(c);
            var tx = _ctx.Transaction;
            var savepoint = tx.Freeze();
            var timing = tx.Timing;
            try
            {
                return RunList(block.Body, block.Label);
            }
            catch (TenonException ex) when (block.Handlers.Any(h => h.Conditions.Any(c => Conditions.Matches(c, ex.SqlState))))
            {
                var handler = block.Handlers.First(h => h.Conditions.Any(c => Conditions.Matches(c, ex.SqlState)));
                tx.Restore(savepoint);
                tx.Timing = timing;
                var saved = _caught;
                _caught = ex;
                _scopes.Push(null);
                _scopes.Declare(NewVar("sqlstate", SqlType.Text, ex.SqlState));
                _scopes.Declare(NewVar("sqlerrm", SqlType.Text, ex.MessageText));
                try
                {
                    return RunList(handler.Body, null);
                }
                finally
                {
                    _scopes.Pop();
                    _caught = saved;
                }
            }
        }
        finally
        {
            _scopes.Pop();
        }
    }

    private void Declare(PlDecl d)
    {
        _line = d.Line;
        if (d.AliasFor is { } target)
        {
            var aliased = target.StartsWith('$')
                ? _scopes.Find(AliasParamName(int.Parse(target[1..], CultureInfo.InvariantCulture)))
                : _scopes.Find(target);
            if (aliased is null) throw new TenonException(SqlState.UndefinedObject, $"variable \"{target}\" does not exist");
            _scopes.Declare(aliased.Name == d.Name ? aliased : Alias(d.Name, aliased));
            return;
        }
        var v = MakeVar(d);
        if (d.Default is { } def) Assign(v, Eval(def, out var type), type, init: true);
        else if (d.NotNull)
            throw new TenonException(SqlState.NullValueNotAllowed, $"variable \"{d.Name}\" must have a default value, since it's declared NOT NULL");
        _scopes.Declare(v);
    }

    private string AliasParamName(int n)
    {
        var k = 0;
        foreach (var p in _f.Parameters.Where(p => p.IsInput))
            if (++k == n) return p.Name ?? "$" + n;
        throw new TenonException(SqlState.UndefinedParameter, $"there is no parameter ${n}");
    }

    /// <summary>Another name for the same variable (ALIAS FOR): shares the variable object.</summary>
    private static PlVar Alias(string name, PlVar v) => v;

    private PlVar MakeVar(PlDecl d)
    {
        var text = d.TypeText!.Trim();
        var lower = text.ToLowerInvariant();
        if (lower == "record")
            return new PlVar(d.Name, SqlType.Record) { IsRecord = true, Constant = d.Constant, NotNull = d.NotNull };
        if (lower.EndsWith("%rowtype", StringComparison.Ordinal))
        {
            var rel = lower[..^8].Trim();
            var cols = TableColumns(rel);
            return new PlVar(d.Name, SqlType.Record) { IsRecord = true, Fields = cols, Constant = d.Constant };
        }
        if (lower.EndsWith("%type", StringComparison.Ordinal))
        {
            var refName = lower[..^5].Trim();
            var parts = refName.Split('.');
            if (parts.Length == 1 && _scopes.Find(parts[0]) is { } other)
                return new PlVar(d.Name, other.Type) { IsRecord = other.IsRecord, Fields = other.Fields, Constant = d.Constant, NotNull = d.NotNull };
            var type = RoutineTypes.Resolve(new TypeName(refName + "%type", Array.Empty<int>()), _ctx.Transaction.Catalog, _ctx.Session.SearchPath);
            return new PlVar(d.Name, type.Type) { Constant = d.Constant, NotNull = d.NotNull };
        }
        var typeName = ParseTypeName(text);
        var resolved = RoutineTypes.Resolve(typeName, _ctx.Transaction.Catalog, _ctx.Session.SearchPath);
        if (resolved.Columns is { } rc)
            return new PlVar(d.Name, SqlType.Record) { IsRecord = true, Fields = rc, Constant = d.Constant };
        return new PlVar(d.Name, resolved.Type) { Constant = d.Constant, NotNull = d.NotNull };
    }

    private IReadOnlyList<(string Name, SqlType Type)> TableColumns(string rel)
    {
        var parts = rel.Split('.');
        var catalog = _ctx.Transaction.Catalog;
        var oid = catalog.LookupRelation(_ctx.Session.SearchPath, parts.Length > 1 ? parts[0] : null, parts[^1]);
        if (oid != 0 && catalog.Tables.TryGetValue(oid, out var t)) return RoutineTypes.RowColumns(t);
        throw new TenonException(SqlState.UndefinedTable, $"relation \"{rel}\" does not exist");
    }

    /// <summary>A declared type's text parsed as the type of a CAST.</summary>
    private static TypeName ParseTypeName(string text)
    {
        var stmt = Interpreter.Parse("SELECT CAST(NULL AS " + text + ")");
        if (stmt is [SelectStatement { Query.Body: SelectCore core }] && core.Targets[0].Expr is CastExpr cast) return cast.Type;
        throw new TenonException(SqlState.SyntaxError, $"syntax error at or near \"{text}\"");
    }

    private Flow RunList(IReadOnlyList<PlStmt> list, string? label)
    {
        foreach (var s in list)
        {
            var flow = RunStatement(s);
            if (flow != Flow.Normal) return flow;
        }
        _ = label;
        return Flow.Normal;
    }

    private Flow RunStatement(PlStmt s)
    {
        _line = s.Line;
        _what = s switch
        {
            PlAssign => "at assignment",
            PlIf => "at IF",
            PlCase => "at CASE",
            PlLoop => "at LOOP",
            PlWhile => "at WHILE",
            PlForInt => "at FOR with integer loop variable",
            PlForQuery { Query: not null } => "at FOR over SELECT rows",
            PlForQuery => "at FOR over EXECUTE statement",
            PlForeach => "at FOREACH over array",
            PlExit { IsContinue: true } => "at CONTINUE",
            PlExit => "at EXIT",
            PlReturn => "at RETURN",
            PlReturnNext => "at RETURN NEXT",
            PlReturnQuery => "at RETURN QUERY",
            PlRaise => "at RAISE",
            PlSql { Perform: true } => "at PERFORM",
            PlSql => "at SQL statement",
            PlDynamic => "at EXECUTE",
            PlGetDiagnostics => "at GET DIAGNOSTICS",
            PlAssert => "at ASSERT",
            _ => "at statement block",
        };
        _ctx.Session.CheckForInterrupts();
        switch (s)
        {
            case PlBlock b:
            {
                var flow = RunBlock(b);
                if (flow == Flow.Exit && _flowLabel is not null && _flowLabel == b.Label)
                {
                    _flowLabel = null;
                    return Flow.Normal;
                }
                return flow;
            }
            case PlAssign a:
                AssignTarget(a.Target, Eval(a.Expr, out var t), t);
                return Flow.Normal;
            case PlIf i:
                foreach (var (cond, body) in i.Branches)
                    if (EvalBool(cond)) return RunNested(body);
                return i.Else is null ? Flow.Normal : RunNested(i.Else);
            case PlCase c: return RunCase(c);
            case PlLoop l: return RunLoop(l.Label, () => true, l.Body);
            case PlWhile w: return RunLoop(w.Label, () => EvalBool(w.Cond), w.Body);
            case PlForInt fi: return RunForInt(fi);
            case PlForQuery fq: return RunForQuery(fq);
            case PlForeach fe: return RunForeach(fe);
            case PlExit e:
                if (e.When is not null && !EvalBool(e.When)) return Flow.Normal;
                _flowLabel = e.Label;
                return e.IsContinue ? Flow.Continue : Flow.Exit;
            case PlReturn r: return Return(r);
            case PlReturnNext rn:
                ReturnNext(rn);
                return Flow.Normal;
            case PlReturnQuery rq:
                ReturnQuery(rq);
                return Flow.Normal;
            case PlRaise r:
                Raise(r);
                return Flow.Normal;
            case PlSql q:
                RunSql(q);
                return Flow.Normal;
            case PlDynamic d:
                RunDynamic(d);
                return Flow.Normal;
            case PlGetDiagnostics g:
                GetDiagnostics(g);
                return Flow.Normal;
            case PlNull: return Flow.Normal;
            case PlAssert a:
                if (!EvalBool(a.Cond, nullIsFalse: true))
                {
                    var msg = a.Message is null ? "assertion failed" : Eval(a.Message, out var mt) is { } mv ? Text(mv, mt) : "assertion failed";
                    throw new TenonException(SqlState.AssertFailure, msg);
                }
                return Flow.Normal;
        }
        throw new TenonException(SqlState.FeatureNotSupported, $"PL/pgSQL statement {s.GetType().Name} is not supported");
    }

    private Flow RunNested(IReadOnlyList<PlStmt> body) => RunList(body, null);

    private Flow RunCase(PlCase c)
    {
        object? subject = null;
        SqlType subjectType = SqlType.Unknown;
        if (c.Subject is not null) subject = Eval(c.Subject, out subjectType);
        foreach (var (exprs, body) in c.Whens)
        {
            bool hit;
            if (c.Subject is null) hit = EvalBool(exprs);
            else
            {
                // WHEN a, b: the subject equals one of them (compared as SQL's = would).
                var values = EvalRow("SELECT " + exprs, out var types);
                hit = false;
                for (var i = 0; i < values.Length && !hit; i++)
                    hit = subject is not null && values[i] is not null && Compare(subject, subjectType, values[i], types[i]);
            }
            if (hit) return RunNested(body);
        }
        if (c.Else is not null) return RunNested(c.Else);
        throw new TenonException(SqlState.CaseNotFound, "case not found", hint: "CASE statement is missing ELSE part.");
    }

    private bool Compare(object a, SqlType at, object? b, SqlType bt)
    {
        if (b is null) return false;
        if (at.Id == bt.Id) return ValueComparer.Compare(a, b, at.Id) == 0;
        var cast = RoutineRuntime.Coerce(b, bt, at, _ctx);
        return cast is not null && ValueComparer.Compare(a, cast, at.Id) == 0;
    }

    /// <summary>Runs a loop body; returns Normal when the loop ends (EXIT of this loop), or the flow that leaves it.</summary>
    private Flow LoopBody(string? label, IReadOnlyList<PlStmt> body, out bool stop)
    {
        stop = false;
        var flow = RunList(body, label);
        switch (flow)
        {
            case Flow.Exit when _flowLabel is null || _flowLabel == label:
                _flowLabel = null;
                stop = true;
                return Flow.Normal;
            case Flow.Continue when _flowLabel is null || _flowLabel == label:
                _flowLabel = null;
                return Flow.Normal;
            case Flow.Normal: return Flow.Normal;
            default:
                stop = true;
                return flow;
        }
    }

    private Flow RunLoop(string? label, Func<bool> condition, IReadOnlyList<PlStmt> body)
    {
        while (condition())
        {
            _ctx.Session.CheckForInterrupts();
            var flow = LoopBody(label, body, out var stop);
            if (stop) return flow;
        }
        return Flow.Normal;
    }

    private Flow RunForInt(PlForInt fi)
    {
        var lowerV = EvalInt(fi.Lower, "lower bound of FOR loop cannot be null");
        var upperV = EvalInt(fi.Upper, "upper bound of FOR loop cannot be null");
        var step = fi.By is null ? 1 : EvalInt(fi.By, "BY value of FOR loop cannot be null");
        if (step <= 0) throw new TenonException(SqlState.InvalidParameterValue, "BY value of FOR loop must be greater than zero");
        _scopes.Push(fi.Label);
        try
        {
            var v = NewVar(fi.Var, SqlType.Int4, null);
            _scopes.Declare(v);
            var found = false;
            for (long i = lowerV; fi.Reverse ? i >= upperV : i <= upperV; i += fi.Reverse ? -step : step)
            {
                found = true;
                _ctx.Session.CheckForInterrupts();
                v.Value = (int)i;
                var flow = LoopBody(fi.Label, fi.Body, out var stop);
                if (stop)
                {
                    _found.Value = true;
                    return flow;
                }
            }
            _found.Value = found;
            return Flow.Normal;
        }
        finally
        {
            _scopes.Pop();
        }
    }

    private long EvalInt(string expr, string nullMessage)
    {
        var v = Eval(expr, out var t);
        if (v is null) throw new TenonException(SqlState.NullValueNotAllowed, nullMessage);
        return Convert.ToInt64(RoutineRuntime.Coerce(v, t, SqlType.Int4, _ctx), CultureInfo.InvariantCulture);
    }

    private Flow RunForQuery(PlForQuery fq)
    {
        var result = fq.Query is not null ? ExecSql(fq.Query) : ExecDynamic(fq.Execute!, fq.Using);
        var columns = result.Columns ?? throw new TenonException(SqlState.SyntaxError, "cannot iterate over a statement that returns no rows");
        _scopes.Push(fq.Label);
        try
        {
            if (fq.Targets.Count == 1 && _scopes.Find(fq.Targets[0]) is null)
                _scopes.Declare(new PlVar(fq.Targets[0], SqlType.Record) { IsRecord = true });
            var any = false;
            foreach (var row in result.Rows)
            {
                any = true;
                _ctx.Session.CheckForInterrupts();
                AssignRow(fq.Targets, row, columns);
                var flow = LoopBody(fq.Label, fq.Body, out var stop);
                if (stop)
                {
                    _found.Value = true;
                    return flow;
                }
            }
            _found.Value = any;
            return Flow.Normal;
        }
        finally
        {
            _scopes.Pop();
        }
    }

    private Flow RunForeach(PlForeach fe)
    {
        var value = Eval(fe.Array, out var type);
        if (value is null) throw new TenonException(SqlState.NullValueNotAllowed, "FOREACH expression must not be null");
        if (value is not PgArray arr) throw new TenonException(SqlState.DatatypeMismatch, $"FOREACH expression must yield an array, not type {type.DisplayName}");
        if (fe.Slice > 0) throw new TenonException(SqlState.FeatureNotSupported, "FOREACH … SLICE is not supported by Tenon yet");
        foreach (var item in arr.Items)
        {
            _ctx.Session.CheckForInterrupts();
            if (fe.Targets.Count == 1) AssignTarget(fe.Targets[0], item, arr.ElementType);
            else if (item is PgRecord rec) AssignRow(fe.Targets, rec.Fields, rec.FieldTypes.Select((t, i) => new ResultColumn("f" + i, t)).ToList());
            var flow = LoopBody(fe.Label, fe.Body, out var stop);
            if (stop) return flow;
        }
        return Flow.Normal;
    }

    // ---- RETURN ----------------------------------------------------------------------------------

    private Flow Return(PlReturn r)
    {
        if (_trigger is not null)
        {
            if (r.Expr is null) throw new TenonException(SqlState.SyntaxError, "missing expression at or near \";\"");
            var v = Eval(r.Expr, out var t);
            _returnValue = v switch
            {
                null => null,
                PgRecord rec => CoerceRow(rec.Fields, rec.FieldTypes, _trigger.Relation.Columns),
                _ => throw new TenonException(SqlState.DatatypeMismatch, "returned row structure does not match the structure of the triggering table"),
            };
            _ = t;
            _returned = true;
            return Flow.Return;
        }
        if (_f.ReturnsSet)
        {
            if (r.Expr is not null) throw new TenonException(SqlState.SyntaxError, "RETURN cannot have a parameter in function returning set",
                hint: "Use RETURN NEXT or RETURN QUERY.");
            _returned = true;
            return Flow.Return;
        }
        _returned = true;
        if (r.Expr is null)
        {
            if (_f.Parameters.Any(p => p.IsOutput))
                _returnValue = _f.ResultColumns is not null ? OutRow() : _scopes.Find(_f.Parameters.First(p => p.IsOutput).Name!)?.Value;
            else _returnValue = null;
            return Flow.Return;
        }
        var value = Eval(r.Expr, out var type);
        _returnValue = ToResult(value, type);
        return Flow.Return;
    }

    /// <summary>A value as the routine's result: a row of the result columns for a composite result, else the value coerced.</summary>
    private object? ToResult(object? value, SqlType type)
    {
        if (_f.ResultColumns is { } cols)
        {
            if (value is null) return new object?[cols.Count];
            if (value is PgRecord rec) return CoerceRow(rec.Fields, rec.FieldTypes, cols);
            if (cols.Count == 1) return new[] { RoutineRuntime.Coerce(value, type, cols[0].Type, _ctx) };
            throw new TenonException(SqlState.DatatypeMismatch, "returned record type does not match expected record type");
        }
        if (_f.ReturnType.Id == TypeId.Void) return null;
        return RoutineRuntime.Coerce(value, type, _f.ReturnType, _ctx);
    }

    private object?[] CoerceRow(object?[] fields, SqlType[] types, IReadOnlyList<(string Name, SqlType Type)> cols)
    {
        if (fields.Length != cols.Count)
            throw new TenonException(SqlState.DatatypeMismatch, "returned record type does not match expected record type",
                detail: $"Number of returned columns ({fields.Length}) does not match expected column count ({cols.Count}).");
        var row = new object?[cols.Count];
        for (var i = 0; i < row.Length; i++) row[i] = RoutineRuntime.Coerce(fields[i], types[i], cols[i].Type, _ctx);
        return row;
    }

    private void ReturnNext(PlReturnNext rn)
    {
        if (!_f.ReturnsSet) throw new TenonException(SqlState.SyntaxError, "cannot use RETURN NEXT in a non-SETOF function");
        if (rn.Expr is null)
        {
            _rows.Add(_f.ResultColumns is not null ? OutRow() : [_scopes.Find(_f.Parameters.First(p => p.IsOutput).Name!)?.Value]);
            return;
        }
        var v = Eval(rn.Expr, out var t);
        var result = ToResult(v, t);
        _rows.Add(_f.ResultColumns is not null ? (object?[])result! : [result]);
    }

    private void ReturnQuery(PlReturnQuery rq)
    {
        if (!_f.ReturnsSet) throw new TenonException(SqlState.SyntaxError, "cannot use RETURN QUERY in a non-SETOF function");
        var result = rq.Query is not null ? ExecSql(rq.Query) : ExecDynamic(rq.Execute!, rq.Using);
        var columns = result.Columns ?? throw new TenonException(SqlState.SyntaxError, "query has no destination for result data");
        var width = RoutineRuntime.Width(_f);
        if (columns.Count != width)
            throw new TenonException(SqlState.DatatypeMismatch, "structure of query does not match function result type",
                detail: $"Number of returned columns ({columns.Count}) does not match expected column count ({width}).");
        foreach (var r in result.Rows)
        {
            var row = new object?[width];
            for (var i = 0; i < width; i++)
                row[i] = RoutineRuntime.Coerce(r[i], columns[i].Type, _f.ResultColumns?[i].Type ?? _f.ReturnType, _ctx);
            _rows.Add(row);
        }
        _rowCount = result.Rows.Count;
        _found.Value = result.Rows.Count > 0;
    }

    // ---- RAISE -------------------------------------------------------------------------------------

    private void Raise(PlRaise r)
    {
        if (r.Format is null && r.Condition is null && r.Options.Count == 0)
        {
            if (_caught is null) throw new TenonException(SqlState.StackedDiagnosticsAccessedWithoutActiveHandler, "RAISE without parameters cannot be used outside an exception handler");
            throw _caught;
        }
        string? message = null, detail = null, hint = null, code = null;
        if (r.Format is not null) message = FormatMessage(r.Format, r.Args);
        if (r.Condition is { } cond)
        {
            code = cond.StartsWith("sqlstate:", StringComparison.Ordinal) ? cond[9..]
                : Conditions.CodeOf(cond) ?? throw new TenonException(SqlState.UndefinedObject, $"unrecognized exception condition \"{cond}\"");
            message = cond.StartsWith("sqlstate:", StringComparison.Ordinal) ? code : cond;
        }
        foreach (var (option, expr) in r.Options)
        {
            var v = Eval(expr, out var t);
            if (v is null) throw new TenonException(SqlState.NullValueNotAllowed, $"RAISE statement option cannot be null");
            var text = Text(v, t);
            switch (option)
            {
                case "message": message = text; break;
                case "detail": detail = text; break;
                case "hint": hint = text; break;
                case "errcode":
                    code = text.Length == 5 && text.All(char.IsLetterOrDigit) && Conditions.CodeOf(text) is null ? text
                        : Conditions.CodeOf(text) ?? throw new TenonException(SqlState.UndefinedObject, $"unrecognized exception condition \"{text}\"");
                    break;
                case "column" or "constraint" or "datatype" or "table" or "schema": break;
                default: throw new TenonException(SqlState.SyntaxError, $"unrecognized RAISE statement option \"{option}\"");
            }
        }
        if (r.Level == "exception")
        {
            code ??= SqlState.RaiseException;
            message ??= r.Condition is null ? Conditions.NameOf(code) : message;
            throw new TenonException(code, message!, detail, hint);
        }
        if (r.Level is "debug" or "log") return;
        _ctx.Session.RaiseNotice(new Notice(r.Level.ToUpperInvariant(), code ?? "00000", message ?? Conditions.NameOf(code ?? "00000"), detail, hint));
    }

    private string FormatMessage(string format, IReadOnlyList<string> args)
    {
        var sb = new StringBuilder();
        var k = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '%')
            {
                if (i + 1 < format.Length && format[i + 1] == '%')
                {
                    sb.Append('%');
                    i++;
                    continue;
                }
                if (k >= args.Count) throw new TenonException(SqlState.SyntaxError, "too few parameters specified for RAISE");
                var v = Eval(args[k++], out var t);
                sb.Append(v is null ? "<NULL>" : Text(v, t));
            }
            else sb.Append(format[i]);
        }
        if (k < args.Count) throw new TenonException(SqlState.SyntaxError, "too many parameters specified for RAISE");
        return sb.ToString();
    }

    private string Text(object value, SqlType type) => value is string s ? s : ValueText.Format(value, type, _ctx.Settings);

    // ---- SQL ------------------------------------------------------------------------------------

    private ExecContext InnerContext() => new(_ctx.Session, _ctx.Transaction, _args)
    {
        Variables = _scopes,
        ParameterTypes = _f.InputTypes,
    };

    private StatementResult ExecSql(string sql)
    {
        var statements = Interpreter.Parse(sql);
        if (statements.Count != 1) throw new TenonException(SqlState.SyntaxError, $"syntax error at or near \";\"");
        return _ctx.Session.ExecuteInRoutine(statements[0], InnerContext());
    }

    private StatementResult ExecDynamic(string expr, IReadOnlyList<string>? usingExprs)
    {
        var text = Eval(expr, out var t);
        if (text is null) throw new TenonException(SqlState.NullValueNotAllowed, "query string argument of EXECUTE is null");
        var sql = Text(text, t);
        var values = new List<object?>();
        var types = new List<SqlType>();
        foreach (var u in usingExprs ?? [])
        {
            values.Add(Eval(u, out var ut));
            types.Add(ut.Id == TypeId.Unknown ? SqlType.Text : ut);
        }
        var statements = Parser.ParseScript(sql);
        if (statements.Count != 1) throw new TenonException(SqlState.FeatureNotSupported, "EXECUTE of a string with several commands is not supported");
        var inner = new ExecContext(_ctx.Session, _ctx.Transaction, values) { ParameterTypes = types };
        return _ctx.Session.ExecuteInRoutine(statements[0], inner);
    }

    private object? Eval(string expr, out SqlType type)
    {
        var row = EvalRow("SELECT " + expr, out var types, expr);
        if (row.Length != 1)
            throw new TenonException(SqlState.SyntaxError, $"query \"SELECT {expr}\" returned {row.Length} columns");
        type = types[0];
        return row[0];
    }

    private object?[] EvalRow(string sql, out SqlType[] types, string? exprForMessage = null)
    {
        var result = ExecSql(sql);
        types = result.Columns!.Select(c => c.Type).ToArray();
        if (result.Rows.Count > 1)
            throw new TenonException(SqlState.CardinalityViolation, $"query \"{sql}\" returned more than one row");
        _ = exprForMessage;
        return result.Rows.Count == 0 ? new object?[types.Length] : result.Rows[0];
    }

    private bool EvalBool(string expr, bool nullIsFalse = true)
    {
        var v = Eval(expr, out var t);
        if (v is null) return !nullIsFalse;
        if (v is bool b) return b;
        return RoutineRuntime.Coerce(v, t, SqlType.Bool, _ctx) is true;
    }

    private void RunSql(PlSql q)
    {
        var result = ExecSql(q.Sql);
        if (q.Into is null)
        {
            if (result.HasRows && !q.Perform && !IsDmlTag(result.CommandTag))
                throw new TenonException(SqlState.SyntaxError, "query has no destination for result data",
                    hint: "If you want to discard the results of a SELECT, use PERFORM instead.");
            _rowCount = TagCount(result);
            _found.Value = _rowCount > 0;
            return;
        }
        Into(q.Into, q.Strict, result, q.Sql);
    }

    private void Into(IReadOnlyList<string> targets, bool strict, StatementResult result, string sql)
    {
        if (!result.HasRows) throw new TenonException(SqlState.SyntaxError, "INTO used with a command that cannot return data");
        if (strict && result.Rows.Count == 0) throw new TenonException(SqlState.NoDataFound, "query returned no rows");
        if (strict && result.Rows.Count > 1)
            throw new TenonException(SqlState.TooManyRows, "query returned more than one row",
                hint: IsDmlTag(result.CommandTag) ? null : "Make sure the query returns a single row, or use LIMIT 1.");
        if (!strict && result.Rows.Count > 1 && IsDmlTag(result.CommandTag))
            throw new TenonException(SqlState.TooManyRows, "query returned more than one row");
        var row = result.Rows.Count > 0 ? result.Rows[0] : new object?[result.Columns!.Count];
        AssignRow(targets, row, result.Columns!);
        _rowCount = result.Rows.Count;
        _found.Value = result.Rows.Count > 0;
        _ = sql;
    }

    private void RunDynamic(PlDynamic d)
    {
        var result = ExecDynamic(d.Expr, d.Using);
        if (d.Into is not null) Into(d.Into, d.Strict, result, d.Expr);
        else _rowCount = TagCount(result);
    }

    private static bool IsDmlTag(string tag) => tag.StartsWith("INSERT", StringComparison.Ordinal) || tag.StartsWith("UPDATE", StringComparison.Ordinal)
        || tag.StartsWith("DELETE", StringComparison.Ordinal) || tag.StartsWith("MERGE", StringComparison.Ordinal);

    private static long TagCount(StatementResult r)
    {
        var parts = r.CommandTag.Split(' ');
        return parts.Length > 1 && long.TryParse(parts[^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : r.Rows.Count;
    }

    private void GetDiagnostics(PlGetDiagnostics g)
    {
        foreach (var (target, item) in g.Items)
        {
            object? value;
            SqlType type = SqlType.Text;
            if (!g.Stacked)
            {
                switch (item)
                {
                    case "row_count": value = _rowCount; type = SqlType.Int8; break;
                    case "pg_context": value = ContextLine; break;
                    default: throw new TenonException(SqlState.SyntaxError, $"unrecognized GET DIAGNOSTICS item \"{item}\"");
                }
            }
            else
            {
                var ex = _caught ?? throw new TenonException(SqlState.StackedDiagnosticsAccessedWithoutActiveHandler, "GET STACKED DIAGNOSTICS cannot be used outside an exception handler");
                value = item switch
                {
                    "returned_sqlstate" => ex.SqlState,
                    "message_text" => ex.MessageText,
                    "pg_exception_detail" => ex.Detail ?? "",
                    "pg_exception_hint" => ex.Hint ?? "",
                    "pg_exception_context" => ex.Where ?? "",
                    "column_name" => ex.ColumnName ?? "",
                    "constraint_name" => ex.ConstraintName ?? "",
                    "pg_datatype_name" => ex.DataTypeName ?? "",
                    "table_name" => ex.TableName ?? "",
                    "schema_name" => ex.SchemaName ?? "",
                    _ => throw new TenonException(SqlState.SyntaxError, $"unrecognized GET STACKED DIAGNOSTICS item \"{item}\""),
                };
            }
            AssignTarget(target, value, type);
        }
    }

    // ---- assignment ------------------------------------------------------------------------------

    private void AssignRow(IReadOnlyList<string> targets, object?[] row, IReadOnlyList<ResultColumn> columns)
    {
        if (targets.Count == 1 && FindTargetVar(targets[0]) is { IsRecord: true } rec && !targets[0].Contains('.'))
        {
            CheckWritable(rec);
            if (rec.Fields is null || rec.Type.Id == TypeId.Record && !IsDeclaredRowType(rec))
            {
                rec.Fields = columns.Select(c => (c.Name, c.Type)).ToList();
                rec.Value = (object?[])row.Clone();
            }
            else
            {
                var vals = new object?[rec.Fields.Count];
                for (var i = 0; i < vals.Length; i++)
                    vals[i] = i < row.Length ? RoutineRuntime.Coerce(row[i], columns[i].Type, rec.Fields[i].Type, _ctx) : null;
                rec.Value = vals;
            }
            return;
        }
        for (var i = 0; i < targets.Count; i++)
            AssignTarget(targets[i], i < row.Length ? row[i] : null, i < columns.Count ? columns[i].Type : SqlType.Unknown);
    }

    private readonly HashSet<PlVar> _rowTyped = new();

    private bool IsDeclaredRowType(PlVar v) => _rowTyped.Contains(v);

    private PlVar? FindTargetVar(string target)
    {
        var name = target.Split('.', '[')[0].Trim();
        return _scopes.Find(Unquote(name));
    }

    private static string Unquote(string name) =>
        name.Length > 1 && name[0] == '"' ? name[1..^1].Replace("\"\"", "\"") : name.ToLowerInvariant();

    private void CheckWritable(PlVar v)
    {
        if (v.Constant) throw new TenonException(SqlState.ErrorInAssignment, $"variable \"{v.Name}\" is declared CONSTANT");
    }

    private void AssignTarget(string target, object? value, SqlType type)
    {
        var tokens = Lexer.Tokenize(target);
        if (tokens[0].Kind == TokenKind.Param)
        {
            var n = int.Parse(tokens[0].Text, CultureInfo.InvariantCulture);
            var pv = _scopes.Find(AliasParamName(n)) ?? throw new TenonException(SqlState.UndefinedParameter, $"there is no parameter ${n}");
            Assign(pv, value, type);
            return;
        }
        var v = _scopes.Find(tokens[0].Text);
        var idx = 1;
        if (v is null && tokens.Count > 2 && tokens[1].Kind == TokenKind.Dot)
        {
            // label.variable
            v = _scopes.Find(tokens[2].Text);
            idx = 3;
        }
        if (v is null) throw new TenonException(SqlState.SyntaxError, $"\"{tokens[0].Text}\" is not a known variable");
        CheckWritable(v);
        if (tokens[idx].Kind == TokenKind.EndOfInput)
        {
            Assign(v, value, type);
            return;
        }
        if (tokens[idx].Kind == TokenKind.Dot && v.IsRecord)
        {
            var field = tokens[idx + 1].Text;
            if (v.Fields is null)
                throw new TenonException(SqlState.ObjectNotInPrerequisiteState, $"record \"{v.Name}\" is not assigned yet",
                    detail: "The tuple structure of a not-yet-assigned record is indeterminate.");
            var i = v.Fields.Select(f => f.Name).ToList().IndexOf(field);
            if (i < 0) throw new TenonException(SqlState.UndefinedColumn, $"record \"{v.Name}\" has no field \"{field}\"");
            var row = v.Value is object?[] r ? (object?[])r.Clone() : new object?[v.Fields.Count];
            row[i] = RoutineRuntime.Coerce(value, type, v.Fields[i].Type, _ctx);
            v.Value = row;
            return;
        }
        if (tokens[idx].Kind == TokenKind.LBracket && v.Type.IsArray)
        {
            var close = target.LastIndexOf(']');
            var open = target.IndexOf('[');
            var sub = Eval(target[(open + 1)..close], out var st);
            if (sub is null) throw new TenonException(SqlState.NullValueNotAllowed, "array subscript in assignment must not be null");
            var index = Convert.ToInt32(RoutineRuntime.Coerce(sub, st, SqlType.Int4, _ctx), CultureInfo.InvariantCulture);
            var element = RoutineRuntime.Coerce(value, type, v.Type.Element!, _ctx);
            var arr = v.Value as PgArray;
            var items = arr?.Items.ToList() ?? new List<object?>();
            var lower = arr is { IsEmpty: false } ? arr.LowerBounds[0] : index;
            if (arr is null || arr.IsEmpty) lower = index;
            while (index - lower >= items.Count) items.Add(null);
            while (index < lower)
            {
                items.Insert(0, null);
                lower--;
            }
            items[index - lower] = element;
            v.Value = lower == 1 ? PgArray.Of(v.Type.Element!, items.ToArray()) : PgArray.Of(v.Type.Element!, items.ToArray());
            return;
        }
        throw new TenonException(SqlState.FeatureNotSupported, $"assignment to \"{target}\" is not supported by Tenon yet");
    }

    private void Assign(PlVar v, object? value, SqlType type, bool init = false)
    {
        if (!init) CheckWritable(v);
        if (v.IsRecord)
        {
            switch (value)
            {
                case null:
                    v.Value = null;
                    return;
                case PgRecord rec:
                    if (v.Fields is null || !IsDeclaredRowType(v) && v.Type.Id == TypeId.Record && v.Fields.Count != rec.Fields.Length)
                        v.Fields = rec.FieldTypes.Select((t, i) => ("f" + (i + 1), t)).ToList();
                    v.Value = CoerceRow(rec.Fields, rec.FieldTypes, v.Fields);
                    return;
                default:
                    throw new TenonException(SqlState.DatatypeMismatch, "cannot assign non-composite value to a record variable");
            }
        }
        if (value is null && v.NotNull)
            throw new TenonException(SqlState.NullValueNotAllowed, $"null value cannot be assigned to variable \"{v.Name}\" declared NOT NULL");
        v.Value = RoutineRuntime.Coerce(value, type, v.Type, _ctx);
    }
}

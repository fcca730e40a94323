using Tenon.Errors;
using Tenon.Execution;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon;

/// <summary>
/// SQL-level prepared statements: PREPARE name [(types)] AS statement, EXECUTE name (arguments),
/// DEALLOCATE. The statement is kept parsed and bound again at each EXECUTE (as every Tenon
/// statement is); the arguments are evaluated, cast to the declared parameter types, and handed
/// over as $1..$n. EXECUTE answers as the statement itself does. The wire protocol's named
/// statements are kept apart, by the server.
/// </summary>
public sealed partial class Session
{
    private sealed record SqlPrepared(PrepareStatement Prepare, IReadOnlyList<SqlType> Types);

    private readonly Dictionary<string, SqlPrepared> _sqlPrepared = new(StringComparer.Ordinal);

    private StatementResult PrepareSql(PrepareStatement p, ExecContext ctx)
    {
        if (_sqlPrepared.ContainsKey(p.Name))
            throw new TenonException(SqlState.DuplicatePreparedStatement, $"prepared statement \"{p.Name}\" already exists");
        var types = p.ParameterTypes.Select(t => Binding.Binder.ResolveType(t, ctx.Transaction.Catalog)).ToList();
        // Bound now, as PostgreSQL analyses it here: binding errors are PREPARE's, and undeclared parameters take the types the statement gives them.
        StatementDescription description;
        try
        {
            description = Describe(p.Text, types.Select(t => (SqlType?)t).ToList());
        }
        catch (TenonException ex) when (ex.Position > 0)
        {
            ex.Position += p.Statement.Position - 1; // positions in the PREPARE statement's text
            throw;
        }
        _sqlPrepared[p.Name] = new SqlPrepared(p, description.ParameterTypes);
        return new StatementResult("PREPARE");
    }

    private SqlPrepared FindSqlPrepared(string name) =>
        _sqlPrepared.GetValueOrDefault(name)
        ?? throw new TenonException(SqlState.UndefinedPreparedStatement, $"prepared statement \"{name}\" does not exist");

    private StatementResult ExecuteSql(ExecutePreparedStatement e, ExecContext ctx, CopyInRequest? copyData)
    {
        var prepared = FindSqlPrepared(e.Name);
        var types = prepared.Types;
        var wanted = types.Count;
        if (e.Arguments.Count != wanted)
            throw new TenonException(SqlState.SyntaxError, $"wrong number of parameters for prepared statement \"{e.Name}\"",
                $"Expected {wanted} parameters but got {e.Arguments.Count}.");
        var binder = new Binding.Binder(ctx);
        var values = new object?[e.Arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var arg = binder.BindExpr(e.Arguments[i], null);
            if (i < types.Count && types[i].Id != TypeId.Unknown)
                arg = binder.TryCoerce(arg, types[i], CastContext.Assignment, e.Arguments[i].Position)
                    ?? throw new TenonException(SqlState.DatatypeMismatch,
                        $"parameter ${i + 1} of type {arg.Type.DisplayName} cannot be coerced to the expected type {types[i].DisplayName}",
                        hint: "You will need to rewrite or cast the expression.") { Position = e.Arguments[i].Position };
            values[i] = arg.Eval(Array.Empty<object?>(), ctx);
        }
        var inner = prepared.Prepare.Statement;
        var innerCtx = new ExecContext(this, ctx.Transaction, values) { StatementMentionsXmin = inner.MentionsXmin };
        CheckTransactionCharacteristics(inner, innerCtx);
        return Dispatch(inner, innerCtx, copyData);
    }

    private StatementResult Deallocate(DeallocateStatement d)
    {
        if (d.Name is null) _sqlPrepared.Clear();
        else
        {
            FindSqlPrepared(d.Name);
            _sqlPrepared.Remove(d.Name);
        }
        return new StatementResult(d.Name is null ? "DEALLOCATE ALL" : "DEALLOCATE");
    }
}

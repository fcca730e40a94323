using Tenon.Errors;
using Tenon.Execution;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;

namespace Tenon.Binding;

/// <summary>
/// Calls of user-defined aggregates (CREATE AGGREGATE): recognised by name before their arguments
/// are bound (they are bound in the aggregate's input scope, as built-in aggregates' are), then
/// chosen among the aggregates of that name by argument types like any user routine.
/// </summary>
public sealed partial class Binder
{
    /// <summary>True when the name is a user-defined aggregate's along the search path.</summary>
    internal bool IsUserAggregate(QualifiedName name) =>
        !Catalog.Functions.IsEmpty && !Aggregates.IsAggregate(name.Name)
        && (name.Schema is null || Catalog.Schemas.Contains(Session.SearchPath.Qualifier(name.Schema)))
        && Catalog.FunctionsNamed(name.Name, RoutineSchemas(name)).Any(r => r.Kind == 'a');

    /// <summary>True when the expression calls an aggregate, built-in or user-defined, of this query level.</summary>
    private bool ContainsAnyAggregate(Expr e) => ContainsAggregate(e, IsUserAggregate);

    /// <summary>The user aggregate a call names; <paramref name="args"/> become the arguments coerced to its input types.</summary>
    private AggregateFunction ResolveUserAggregate(FunctionCall f, ref List<BoundExpr> args)
    {
        var bound = args;
        if (ResolveRoutine(f, bound, aggregates: true) is not var (aggregate, coerced))
            throw NoSuchFunction(f, f.Star ? "*" : ArgumentSignature(f, bound));
        if (aggregate.InputTypes.Count == 0 && !f.Star)
            throw new TenonException(SqlState.WrongObjectType, $"{f.Name}(*) must be used to call a parameterless aggregate function") { Position = f.Position };
        args = coerced;
        return UserAggregate.Create(aggregate, Catalog, Session.FormatSettings);
    }
}

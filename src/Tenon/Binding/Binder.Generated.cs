using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Types;

namespace Tenon.Binding;

public sealed partial class Binder
{
    /// <summary>The clause name PostgreSQL uses in errors about generation expressions.</summary>
    internal const string GenerationExpression = "column generation expression";

    /// <summary>
    /// Binds the expression of a stored generated column over a row of its table, coerced to the
    /// column's type, with PostgreSQL's rules: no subqueries, aggregates, window or set-returning
    /// functions, system columns other than tableoid, or other generated columns, and only
    /// immutable functions.
    /// </summary>
    public BoundExpr BindGenerationExpression(TableDef table, ColumnDef column)
    {
        var expr = column.Generated ?? throw new InvalidOperationException($"column {column.Name} is not generated");
        var saved = NoSubqueriesIn;
        NoSubqueriesIn = GenerationExpression;
        try
        {
            var bound = BindExpr(expr, RowWriter.TableScope(table));
            foreach (var c in bound.Descendants().OfType<ColumnExpr>())
            {
                if (c.Level == 0 && c.Index < table.Columns.Count && table.Columns[c.Index] is { Generated: not null } other)
                    throw new TenonException(SqlState.InvalidObjectDefinition, $"cannot use generated column \"{other.Name}\" in column generation expression",
                        "A generated column cannot reference another generated column.") { Position = c.Position };
            }
            if (!Volatility.IsImmutable(bound))
                throw new TenonException(SqlState.InvalidObjectDefinition, "generation expression is not immutable");
            var coerced = TryCoerce(bound, column.Type, CastContext.Assignment, expr.Position);
            return coerced ?? throw new TenonException(SqlState.DatatypeMismatch,
                $"column \"{column.Name}\" is of type {column.Type.WithoutModifier().DisplayName} but generation expression is of type {bound.Type.WithoutModifier().DisplayName}",
                hint: "You will need to rewrite or cast the expression.") { Position = expr.Position };
        }
        finally
        {
            NoSubqueriesIn = saved;
        }
    }
}

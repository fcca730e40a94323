using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;

namespace Tenon.Binding;

/// <summary>
/// What binding a stored query found, kept for printing it again (pg_get_viewdef,
/// <see cref="Execution.QueryDeparser"/>): the bound form of every expression of the query tree,
/// the AST an aggregate, window or subquery placeholder came from, the FROM entry and column name
/// each column reference resolved to, the select lists after <c>*</c> was expanded, and the
/// relation each table name meant. Only a binder given a recording fills one; nothing else pays for it.
/// </summary>
public sealed class BindRecording
{
    public Dictionary<Expr, BoundExpr> Exprs { get; } = new(ReferenceEqualityComparer.Instance);
    public Dictionary<BoundExpr, Expr> Sources { get; } = new(ReferenceEqualityComparer.Instance);
    /// <summary>A column reference's FROM entry (null: none, a merged FULL JOIN column) and column name.</summary>
    public Dictionary<ColumnExpr, (RangeEntry? Entry, string Name)> Columns { get; } = new(ReferenceEqualityComparer.Instance);
    public Dictionary<SelectCore, List<SelectItem>> Targets { get; } = new(ReferenceEqualityComparer.Instance);
    /// <summary>The table, view or matview a FROM name meant (0: a WITH query or a system relation).</summary>
    public Dictionary<NamedTableRef, uint> Relations { get; } = new(ReferenceEqualityComparer.Instance);
    /// <summary>The columns of each FROM item, as the query saw them (for printing column aliases).</summary>
    public Dictionary<TableRef, RangeEntry> Entries { get; } = new(ReferenceEqualityComparer.Instance);
    /// <summary>The columns a NATURAL join merged.</summary>
    public Dictionary<JoinTableRef, IReadOnlyList<string>> NaturalColumns { get; } = new(ReferenceEqualityComparer.Instance);

    internal void Note(Expr e, BoundExpr bound)
    {
        Exprs[e] = bound;
        Sources.TryAdd(bound, e);
        // NOT IN (subquery) is NOT of the IN sublink.
        if (e is InSubqueryExpr { Negated: true } && bound is Execution.Expressions.NotExpr { Operand: SubqueryExpr inner }) Sources.TryAdd(inner, e);
    }
}

public sealed partial class Binder
{
    /// <summary>Set to record what binding finds (<see cref="BindRecording"/>); null normally.</summary>
    public BindRecording? Recording { get; set; }
}

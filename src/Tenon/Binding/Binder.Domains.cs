using Tenon.Catalog;
using Tenon.Execution.Expressions;
using Tenon.Types;

namespace Tenon.Binding;

/// <summary>Coercion to a domain (PostgreSQL's CoerceToDomain) and the binding of domain CHECKs on VALUE.</summary>
public sealed partial class Binder
{
    /// <summary>
    /// Coerces to the underlying (non-domain) type as usual, then checks the constraints of the
    /// whole domain stack at once, so every violation names the target domain, as in PostgreSQL.
    /// </summary>
    private BoundExpr? CoerceToDomain(BoundExpr e, SqlType target, CastContext context, int position)
    {
        var inner = TryCoerce(e, target.BaseType, context, position);
        return inner is null ? null : new DomainCheckExpr(inner, DomainConstraintsOf(target));
    }

    /// <summary>The constraints of a domain type and every domain beneath it, bound for checking.</summary>
    public DomainConstraints DomainConstraintsOf(SqlType domain)
    {
        var levels = new List<DomainDef>();
        for (var t = domain; t.Domain is { } d; t = d.BaseType) levels.Add(d);
        var checks = new List<(DomainDef, string, BoundExpr)>();
        var notNull = false;
        for (var i = levels.Count - 1; i >= 0; i--)
        {
            var d = levels[i];
            notNull |= d.NotNull;
            foreach (var c in d.Constraints.OrderBy(c => c.Name, StringComparer.Ordinal))
                checks.Add((d, c.Name, BindDomainCheck(d, c.Check)));
        }
        return new DomainConstraints(domain, notNull, checks);
    }

    /// <summary>Binds a domain CHECK expression, where VALUE is a value of the domain's base type.</summary>
    public BoundExpr BindDomainCheck(DomainDef domain, Sql.Ast.Expr check)
    {
        var scope = new Scope(null);
        scope.Add(new RangeEntry(null, [new ScopeColumn("value", domain.BaseType, 0)]));
        scope.Width = 1;
        var binder = new Binder(_ctx) { NoSubqueriesIn = "check constraint" };
        return binder.BindCondition(check, scope, "CHECK");
    }

    /// <summary>
    /// The default a column of domain type takes when it has none of its own: the nearest default
    /// in the domain stack, else NULL (which the coercion to the domain then checks for NOT NULL).
    /// </summary>
    public BoundExpr BindDomainDefault(SqlType domain)
    {
        for (var t = domain; t.Domain is { } d; t = d.BaseType)
            if (d.Default is not null) return BindExpr(d.Default, null);
        return new ConstExpr(null, SqlType.Unknown);
    }
}

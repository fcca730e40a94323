using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution.Expressions;

/// <summary>
/// The constraints a value must meet to become a value of a domain, for the whole stack of
/// domains down to the base type: NOT NULL first, then the CHECKs of the innermost domain first,
/// each domain's in name order. A CHECK reads VALUE from slot 0 of a one-value row.
/// </summary>
public sealed class DomainConstraints(SqlType domain, bool notNull, IReadOnlyList<(DomainDef Domain, string Name, BoundExpr Check)> checks)
{
    public SqlType Domain { get; } = domain;

    public object? Check(object? value, ExecContext ctx)
    {
        if (value is null && notNull)
            throw new TenonException(SqlState.NotNullViolation, $"domain {Domain.DisplayName} does not allow null values");
        if (checks.Count == 0) return value;
        var row = new[] { value };
        foreach (var (_, name, check) in checks)
            if (check.Eval(row, ctx) is false)
                throw new TenonException(SqlState.CheckViolation, $"value for domain {Domain.DisplayName} violates check constraint \"{name}\"");
        return value;
    }
}

/// <summary>CoerceToDomain: the operand (already of the domain's base type) checked against the domain's constraints.</summary>
public sealed class DomainCheckExpr(BoundExpr operand, DomainConstraints constraints) : BoundExpr
{
    public BoundExpr Operand { get; } = operand;
    public DomainConstraints Constraints { get; } = constraints;
    public override SqlType Type => Constraints.Domain;
    public override object? Eval(object?[] row, ExecContext ctx) => Constraints.Check(Operand.Eval(row, ctx), ctx);
    public override IEnumerable<BoundExpr> Children => [Operand];
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c) => new DomainCheckExpr(c[0], Constraints);
    public override string Fingerprint => $"domain({Operand.Fingerprint}:{Type.DisplayName})";
}

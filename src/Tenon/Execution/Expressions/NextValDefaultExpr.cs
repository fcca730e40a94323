using Tenon.Types;

namespace Tenon.Execution.Expressions;

/// <summary>
/// A serial or identity column's default, <c>nextval('seq')</c> with the sequence known at bind
/// time, possibly cast to the column's int2/int4/int8: evaluated without the argument array of a
/// function call and the boxed bigint that the cast then converts, which a row insert otherwise
/// allocates as garbage. Same results and errors as the expression it stands for (<see cref="General"/>):
/// a value outside the column type's range goes through that cast, which raises its error.
/// </summary>
public sealed class NextValDefaultExpr : BoundExpr
{
    private readonly uint _sequence;
    private readonly CastContext _context;

    private NextValDefaultExpr(uint sequence, BoundExpr general, CastContext context)
    {
        _sequence = sequence;
        General = general;
        _context = context;
    }

    /// <summary>The bound expression this one evaluates the same as.</summary>
    public BoundExpr General { get; }

    public override SqlType Type => General.Type;

    /// <summary>The fast form of <paramref name="expr"/> when it is such a default; else <paramref name="expr"/> itself.</summary>
    public static BoundExpr? Of(BoundExpr? expr, bool identity = false)
    {
        var call = expr is CastExpr c ? c.Operand : expr;
        if (call is not FunctionExpr { Routine: null, Args: [ConstExpr { Value: uint sequence }] } f || !Functions.IsNextVal(f)) return expr;
        // The type checked is the cast's when there is one: the column's integer type, not a domain.
        if (expr!.Type.Id is not (TypeId.Int2 or TypeId.Int4 or TypeId.Int8) || expr.Type.Domain is not null) return expr;
        return new NextValDefaultExpr(sequence, expr, expr is CastExpr ce ? ce.Context : CastContext.Implicit) { Identity = identity };
    }

    /// <summary>An identity column's generator: PostgreSQL draws from it without checking the sequence's privileges.</summary>
    public bool Identity { get; init; }

    public override object? Eval(object?[] row, ExecContext ctx)
    {
        var next = ctx.Session.NextVal(_sequence, checkPrivileges: !Identity);
        switch (Type.Id)
        {
            case TypeId.Int4 when next is >= int.MinValue and <= int.MaxValue:
                return (int)next;
            case TypeId.Int2 when next is >= short.MinValue and <= short.MaxValue:
                return (short)next;
            case TypeId.Int8:
                return next;
            default:
                // Out of the column type's range: the cast's own error.
                return ValueCast.Cast(next, SqlType.Int8, Type, _context, ctx.Settings);
        }
    }

    public override IEnumerable<BoundExpr> Children => [General];
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> children) => children[0];
    public override string Fingerprint => General.Fingerprint;
}

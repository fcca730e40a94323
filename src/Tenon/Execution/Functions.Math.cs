using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// Mathematical functions. Where PostgreSQL has both a double precision and a numeric variant,
/// a numeric argument (with no float argument beside it) selects numeric; integers, floats and
/// unknown literals select double precision, its preferred type.
/// </summary>
public static partial class Functions
{
    private static FunctionDef? ResolveMath(string name, IReadOnlyList<SqlType> args)
    {
        var n = args.Count;
        bool IsNum(int i) => args[i].IsNumeric || args[i].Id == TypeId.Unknown;
        var allNumbers = args.All(a => a.IsNumeric || a.Id == TypeId.Unknown);
        var numericVariant = allNumbers && args.Any(a => a.Id == TypeId.Numeric) && !args.Any(a => a.Id is TypeId.Float4 or TypeId.Float8);
        var f8 = SqlType.Float8;
        var num = SqlType.Numeric;
        switch (name)
        {
            case "abs" when n == 1 && IsNum(0):
            {
                var t = args[0].Id == TypeId.Unknown ? SqlType.Float8 : args[0].WithoutModifier();
                var neg = Operators.ResolveUnary("-", t)!;
                var lt = Operators.ResolveBinary("<", t, t)!;
                var zero = ValueCast.Cast(0, SqlType.Int4, t, CastContext.Explicit, FormatSettings.Default)!;
                return new([t], t, (a, _) => lt.Invoke(a[0]!, zero) is true ? neg.Invoke(a[0]!) : a[0]);
            }
            case "round" when n == 1 && IsNum(0) && args[0].Id is TypeId.Float4 or TypeId.Float8:
                return new([f8], f8, (a, _) => Math.Round((double)a[0]!, MidpointRounding.ToEven));
            case "round" when n is 1 or 2 && IsNum(0):
                return new(n == 1 ? [num] : [num, SqlType.Int4], num, (a, _) => ((Numeric)a[0]!).Round(n == 2 ? (int)a[1]! : 0));
            case "trunc" when n == 1 && IsNum(0) && args[0].Id is TypeId.Float4 or TypeId.Float8:
                return new([f8], f8, (a, _) => Math.Truncate((double)a[0]!));
            case "trunc" when n is 1 or 2 && IsNum(0):
                return new(n == 1 ? [num] : [num, SqlType.Int4], num, (a, _) => ((Numeric)a[0]!).Truncate(n == 2 ? (int)a[1]! : 0));
            case "floor" when n == 1 && IsNum(0):
                return args[0].Id is TypeId.Float4 or TypeId.Float8
                    ? new([f8], f8, (a, _) => Math.Floor((double)a[0]!))
                    : new([num], num, (a, _) => ((Numeric)a[0]!).Floor());
            case "ceil" or "ceiling" when n == 1 && IsNum(0):
                return args[0].Id is TypeId.Float4 or TypeId.Float8
                    ? new([f8], f8, (a, _) => Math.Ceiling((double)a[0]!))
                    : new([num], num, (a, _) => ((Numeric)a[0]!).Ceiling());
            case "mod" when n == 2 && IsNum(0) && IsNum(1):
            {
                var op = Operators.ResolveBinary("%", args[0].Id == TypeId.Unknown ? num : args[0], args[1].Id == TypeId.Unknown ? num : args[1]);
                return op is null ? null : new([op.LeftType, op.RightType], op.ResultType, (a, _) => op.Invoke(a[0]!, a[1]!));
            }
            case "div" when n == 2 && allNumbers && !args.Any(a => a.Id is TypeId.Float4 or TypeId.Float8):
                return new([num, num], num, (a, _) => IntegerQuotient((Numeric)a[0]!, (Numeric)a[1]!));
            case "sign" when n == 1 && allNumbers:
                return numericVariant
                    ? new([num], num, (a, _) => ((Numeric)a[0]!) is var x && x.IsNaN ? x : Numeric.FromLong(x.Sign))
                    : new([f8], f8, (a, _) => double.IsNaN((double)a[0]!) ? double.NaN : (double)Math.Sign((double)a[0]!));
            case "sqrt" when n == 1 && allNumbers:
                return numericVariant
                    ? new([num], num, (a, _) => NumericMath.Sqrt((Numeric)a[0]!))
                    : new([f8], f8, (a, _) => FloatSqrt((double)a[0]!));
            case "cbrt" when n == 1 && allNumbers:
                return new([f8], f8, (a, _) => Math.Cbrt((double)a[0]!));
            case "power" or "pow" when n == 2 && allNumbers:
                return numericVariant
                    ? new([num, num], num, (a, _) => NumericMath.Power((Numeric)a[0]!, (Numeric)a[1]!))
                    : new([f8, f8], f8, (a, _) => FloatPower((double)a[0]!, (double)a[1]!));
            case "exp" or "ln" or "log" or "log10" when n == 1 && allNumbers:
                if (numericVariant)
                    throw new TenonException(SqlState.FeatureNotSupported, $"{name}() of numeric is not supported yet");
                return new([f8], f8, (a, _) => FloatLog(name, (double)a[0]!));
            case "pi" when n == 0:
                return new(None, f8, (_, _) => Math.PI);
        }
        return null;
    }

    private static Numeric IntegerQuotient(Numeric a, Numeric b)
    {
        if (b.IsFinite && b.Sign == 0) throw TypeErrors.DivisionByZero();
        if (!a.IsFinite || !b.IsFinite) return a.Divide(b).Truncate(0);
        return a.Divide(b, a.Scale + b.Scale + 1).Truncate(0);
    }

    private static double FloatSqrt(double x)
    {
        if (x < 0) throw new TenonException(SqlState.InvalidArgumentForPowerFunction, "cannot take square root of a negative number");
        return Math.Sqrt(x);
    }

    private static double FloatPower(double x, double y)
    {
        if (double.IsNaN(x) || double.IsNaN(y))
            return y == 0 || x == 1 ? 1 : double.NaN;
        if (x == 0 && y < 0)
            throw new TenonException(SqlState.InvalidArgumentForPowerFunction, "zero raised to a negative power is undefined");
        if (x < 0 && double.IsFinite(y) && Math.Floor(y) != y)
            throw new TenonException(SqlState.InvalidArgumentForPowerFunction, "a negative number raised to a non-integer power yields a complex result");
        var result = Math.Pow(x, y);
        var infinite = double.IsInfinity(x) || double.IsInfinity(y);
        return Arithmetic.CheckFloat8(result, infinite, x == 0 || infinite);
    }

    private static double FloatLog(string name, double x)
    {
        if (name == "exp")
            return Arithmetic.CheckFloat8(Math.Exp(x), double.IsInfinity(x), double.IsInfinity(x));
        if (x == 0) throw new TenonException(SqlState.InvalidArgumentForLogarithm, "cannot take logarithm of zero");
        if (x < 0) throw new TenonException(SqlState.InvalidArgumentForLogarithm, "cannot take logarithm of a negative number");
        return name == "ln" ? Math.Log(x) : Math.Log10(x);
    }
}

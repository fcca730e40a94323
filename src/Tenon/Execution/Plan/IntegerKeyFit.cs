using Tenon.Types;

namespace Tenon.Execution.Plan;

/// <summary>
/// Fits a seek value of a wider integer type to a narrower integer key column, as PostgreSQL's
/// integer operator family compares int2, int4 and int8 with each other: a value the key type
/// cannot hold is never an error. An equality with such a value matches nothing; a bound beyond
/// the key type's range either excludes every key (false) or becomes the type's extreme value,
/// which excludes none.
/// </summary>
internal static class IntegerKeyFit
{
    /// <summary><c>key = value</c>: false when no key equals the value.</summary>
    public static bool Equal(ref object? value, TypeId keyType)
    {
        var v = Widen(value!);
        var (min, max) = Range(keyType);
        if (v < min || v > max) return false;
        value = Narrow(v, keyType);
        return true;
    }

    /// <summary><c>key &gt; value</c> or <c>key &gt;= value</c>: false when no key is that large.</summary>
    public static bool Lower(ref object? value, ref bool inclusive, TypeId keyType)
    {
        var v = Widen(value!);
        var (min, max) = Range(keyType);
        if (v > max) return false;
        if (v < min)
        {
            v = min;
            inclusive = true;
        }
        value = Narrow(v, keyType);
        return true;
    }

    /// <summary><c>key &lt; value</c> or <c>key &lt;= value</c>: false when no key is that small.</summary>
    public static bool Upper(ref object? value, ref bool inclusive, TypeId keyType)
    {
        var v = Widen(value!);
        var (min, max) = Range(keyType);
        if (v < min) return false;
        if (v > max)
        {
            v = max;
            inclusive = true;
        }
        value = Narrow(v, keyType);
        return true;
    }

    private static long Widen(object value) => value switch
    {
        short s => s,
        int i => i,
        long l => l,
        _ => throw new InvalidOperationException($"an integer seek value was {value.GetType().Name}"),
    };

    private static (long Min, long Max) Range(TypeId keyType) => keyType switch
    {
        TypeId.Int2 => (short.MinValue, short.MaxValue),
        TypeId.Int4 => (int.MinValue, int.MaxValue),
        _ => (long.MinValue, long.MaxValue),
    };

    // Each arm boxed on its own: a switch over short, int and long would make them all long.
    private static object Narrow(long v, TypeId keyType) => keyType switch
    {
        TypeId.Int2 => (object)(short)v,
        TypeId.Int4 => (object)(int)v,
        _ => (object)v,
    };
}

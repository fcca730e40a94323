using System.Text;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// Array functions: dimensions (array_length, array_lower, array_upper, array_ndims, array_dims,
/// cardinality), building (array_append, array_prepend, array_cat, which like PostgreSQL's treat a
/// NULL array as empty), searching (array_position(s)), editing (array_remove, array_replace), and
/// text (array_to_string, string_to_array). An element argument and the array's elements meet in
/// one common type, as anycompatible does; an unknown literal takes the array's element type.
/// </summary>
public static partial class Functions
{
    private static FunctionDef? ResolveArrayFunction(string name, IReadOnlyList<SqlType> args)
    {
        var n = args.Count;
        bool IsArray(int i) => args[i].IsArray;
        var array = n > 0 && IsArray(0) ? args[0].WithoutModifier() : null;
        // A NULL literal array beside a typed element is an array of that element's type.
        if (n >= 2 && args[0].Id == TypeId.Unknown && name is "array_append" or "array_position" or "array_positions" or "array_remove" or "array_replace"
            && args[1].Id is not TypeId.Unknown and not TypeId.Array)
            array = SqlType.ArrayOf(args[1].WithoutModifier());
        switch (name)
        {
            case "array_length" or "array_lower" or "array_upper" when n == 2 && array is not null:
                return new([array, SqlType.Int4], SqlType.Int4, (a, _) => Dimension(name, (PgArray)a[0]!, (int)a[1]!));
            case "array_ndims" when n == 1 && array is not null:
                return new([array], SqlType.Int4, (a, _) => ((PgArray)a[0]!) is { IsEmpty: false } x ? x.Rank : null);
            case "array_dims" when n == 1 && array is not null:
                return new([array], SqlType.Text, (a, _) => Dims((PgArray)a[0]!));
            case "cardinality" when n == 1 && array is not null:
                return new([array], SqlType.Int4, (a, _) => ((PgArray)a[0]!).Items.Length);
            case "array_append" when n == 2 && array is not null && CommonElement(array, args[1]) is { } t:
                return new([SqlType.ArrayOf(t), t], SqlType.ArrayOf(t),
                    (a, _) => Operators.Append(a[0] as PgArray ?? PgArray.Empty(t), a[1]), Strict: false);
            case "array_prepend" when n == 2 && IsArray(1) && CommonElement(args[1].WithoutModifier(), args[0]) is { } t:
                return new([t, SqlType.ArrayOf(t)], SqlType.ArrayOf(t),
                    (a, _) => Operators.Prepend(a[0], a[1] as PgArray ?? PgArray.Empty(t)), Strict: false);
            case "array_cat" when n == 2 && (IsArray(0) || IsArray(1)) && CommonArray(args[0], args[1]) is { } t:
                return new([t, t], t, (a, _) => a[0] is null ? a[1] : a[1] is null ? a[0] : Operators.Concatenate((PgArray)a[0]!, (PgArray)a[1]!), Strict: false);
            case "array_position" or "array_positions" when n is 2 or 3 && array is not null && CommonElement(array, args[1]) is { } t:
            {
                var types = n == 2 ? new[] { SqlType.ArrayOf(t), t } : [SqlType.ArrayOf(t), t, SqlType.Int4];
                return new(types, name == "array_position" ? SqlType.Int4 : SqlType.ArrayOf(SqlType.Int4),
                    (a, _) => a[0] is not PgArray x ? null : Positions(name, x, a[1], n == 3 ? a[2] : 1, n == 3), Strict: false);
            }
            case "array_remove" when n == 2 && array is not null && CommonElement(array, args[1]) is { } t:
                return new([SqlType.ArrayOf(t), t], SqlType.ArrayOf(t), (a, _) => a[0] is PgArray x ? Remove(x, a[1]) : null, Strict: false);
            case "array_replace" when n == 3 && array is not null && CommonElement(array, args[1]) is { } t && CommonElement(SqlType.ArrayOf(t), args[2]) is { } t2 && t2 == t:
                return new([SqlType.ArrayOf(t), t, t], SqlType.ArrayOf(t),
                    (a, _) => a[0] is PgArray x ? x.WithItems(x.ElementType, x.Items.Select(v => NotDistinct(v, a[1], x.ElementType.Id) ? a[2] : v).ToArray()) : null, Strict: false);
            case "array_to_string" when n is 2 or 3 && array is not null:
                return new(n == 2 ? [array, SqlType.Text] : [array, SqlType.Text, SqlType.Text], SqlType.Text,
                    (a, ctx) => a[0] is PgArray x && a[1] is string sep ? ArrayToString(x, sep, n == 3 ? a[2] as string : null, ctx) : null, Strict: false);
            case "string_to_array" when n is 2 or 3 && args.All(t => t.IsString):
                return new(n == 2 ? [SqlType.Text, SqlType.Text] : [SqlType.Text, SqlType.Text, SqlType.Text], SqlType.ArrayOf(SqlType.Text),
                    (a, _) => a[0] is string s ? StringToArray(s, a[1] as string, n == 3 ? a[2] as string : null) : null, Strict: false);
        }
        return null;
    }

    private static SqlType? CommonElement(SqlType array, SqlType element)
    {
        if (element.Id == TypeId.Unknown) return array.Element!.WithoutModifier();
        if (element.IsArray) return null;
        return Operators.CommonType([array.Element!.WithoutModifier(), element.WithoutModifier()], out _);
    }

    private static SqlType? CommonArray(SqlType a, SqlType b)
    {
        if (a.Id == TypeId.Unknown) return b.WithoutModifier();
        if (b.Id == TypeId.Unknown) return a.WithoutModifier();
        if (!a.IsArray || !b.IsArray) return null;
        var element = Operators.CommonType([a.Element!.WithoutModifier(), b.Element!.WithoutModifier()], out _);
        return element is null ? null : SqlType.ArrayOf(element);
    }

    private static object? Dimension(string name, PgArray a, int dim)
    {
        if (a.IsEmpty || dim < 1 || dim > a.Rank) return null;
        return name switch
        {
            "array_length" => a.Lengths[dim - 1],
            "array_lower" => a.LowerBounds[dim - 1],
            _ => a.UpperBound(dim - 1),
        };
    }

    private static string? Dims(PgArray a)
    {
        if (a.IsEmpty) return null;
        var sb = new StringBuilder();
        for (var d = 0; d < a.Rank; d++) sb.Append('[').Append(a.LowerBounds[d]).Append(':').Append(a.UpperBound(d)).Append(']');
        return sb.ToString();
    }

    private static bool NotDistinct(object? a, object? b, TypeId type) =>
        a is null ? b is null : b is not null && ValueComparer.Equal(a, b, type);

    private static object? Positions(string name, PgArray a, object? value, object? start, bool hasStart)
    {
        if (a.Rank > 1)
            throw new TenonException(SqlState.FeatureNotSupported, "searching for elements in multidimensional arrays is not supported");
        if (hasStart && start is null)
            throw new TenonException(SqlState.NullValueNotAllowed, "initial position must not be null");
        var found = new List<object?>();
        if (a.IsEmpty) return name == "array_position" ? null : PgArray.Empty(SqlType.Int4);
        var lb = a.LowerBounds[0];
        var from = hasStart ? Math.Max((int)start!, lb) : lb;
        for (var i = from - lb; i < a.Items.Length; i++)
        {
            if (!NotDistinct(a.Items[i], value, a.ElementType.Id)) continue;
            if (name == "array_position") return i + lb;
            found.Add(i + lb);
        }
        return name == "array_position" ? null : PgArray.Of(SqlType.Int4, found.ToArray());
    }

    private static PgArray Remove(PgArray a, object? value)
    {
        if (a.IsEmpty) return a;
        if (a.Rank > 1)
            throw new TenonException(SqlState.FeatureNotSupported, "removing elements from multidimensional arrays is not supported");
        var kept = a.Items.Where(v => !NotDistinct(v, value, a.ElementType.Id)).ToArray();
        if (kept.Length == a.Items.Length) return a;
        return kept.Length == 0 ? PgArray.Empty(a.ElementType) : new PgArray(a.ElementType, kept, [kept.Length], a.LowerBounds);
    }

    private static string ArrayToString(PgArray a, string separator, string? nullString, ExecContext ctx)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var v in a.Items)
        {
            if (v is null && nullString is null) continue;
            if (!first) sb.Append(separator);
            first = false;
            sb.Append(v is null ? nullString : ValueText.Format(v, a.ElementType, ctx.Settings));
        }
        return sb.ToString();
    }

    /// <summary>
    /// string_to_array: an empty input gives {}; a NULL separator splits into characters, an empty
    /// one keeps the whole input as one element; fields equal to the null string become NULL.
    /// </summary>
    private static PgArray StringToArray(string s, string? separator, string? nullString)
    {
        if (s.Length == 0) return PgArray.Empty(SqlType.Text);
        IEnumerable<string> parts = separator is null
            ? s.EnumerateRunes().Select(r => r.ToString())
            : separator.Length == 0 ? [s] : s.Split(separator);
        return PgArray.Of(SqlType.Text, parts.Select(p => nullString is not null && p == nullString ? null : (object?)p).ToArray());
    }
}

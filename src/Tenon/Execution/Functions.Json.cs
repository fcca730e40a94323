using System.Text;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// The json and jsonb functions: to_json(b), row_to_json, array_to_json, json(b)_build_object,
/// json(b)_build_array, json(b)_object, json(b)_typeof, json(b)_array_length,
/// json(b)_extract_path(_text), jsonb_set, jsonb_insert, json(b)_strip_nulls and jsonb_pretty.
/// The json forms write text in PostgreSQL's layout for each (build_object's <c>{"a" : 1}</c>,
/// row_to_json's <c>{"a":1}</c>); the set-returning ones (json_each …) are in
/// <see cref="JsonSetFunctions"/>, the aggregates in <see cref="JsonAggregates"/>.
/// </summary>
public static partial class Functions
{
    /// <summary>The json functions Tenon implements (others, such as the jsonpath ones, are reported as not supported).</summary>
    public static readonly HashSet<string> JsonFunctionNames =
    [
        "to_json", "to_jsonb", "row_to_json", "array_to_json", "json_build_object", "jsonb_build_object", "json_build_array", "jsonb_build_array",
        "json_object", "jsonb_object", "json_typeof", "jsonb_typeof", "json_array_length", "jsonb_array_length",
        "json_extract_path", "json_extract_path_text", "jsonb_extract_path", "jsonb_extract_path_text", "jsonb_set", "jsonb_insert",
        "json_strip_nulls", "jsonb_strip_nulls", "jsonb_pretty", "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg",
        .. JsonSetFunctions.Names,
    ];

    private static FunctionDef? ResolveJson(string name, IReadOnlyList<SqlType> args)
    {
        if (!name.Contains("json", StringComparison.Ordinal)) return null;
        var n = args.Count;
        bool Is(int i, TypeId id) => args[i].Id == id || args[i].Id == TypeId.Unknown;
        bool IsText(int i) => args[i].Id is TypeId.Text or TypeId.Varchar or TypeId.Bpchar or TypeId.Name or TypeId.Unknown;
        bool IsTextArray(int i) => args[i].Id == TypeId.Unknown || args[i].IsArray && args[i].Element!.Id is TypeId.Text or TypeId.Varchar or TypeId.Name or TypeId.Bpchar;
        var textArray = SqlType.ArrayOf(SqlType.Text);
        // "any" arguments: an unknown literal is text.
        SqlType[] AnyTypes() => args.Select(t => t.Id == TypeId.Unknown ? SqlType.Text : t.WithoutModifier()).ToArray();
        switch (name)
        {
            case "to_json" or "to_jsonb" when n == 1 && args[0].Id == TypeId.Unknown:
                throw new TenonException(SqlState.DatatypeMismatch, "could not determine polymorphic type because input has type unknown");
            case "to_json" or "to_jsonb" when n == 1:
            {
                var t = args[0].WithoutModifier();
                return name == "to_json"
                    ? new([t], SqlType.Json, (a, ctx) => JsonCasts.ToJsonText(a[0], t, ctx.Settings))
                    : new([t], SqlType.Jsonb, (a, ctx) => JsonCasts.ToJsonb(a[0], t, ctx.Settings));
            }
            case "row_to_json" when n is 1 or 2 && args[0].Id == TypeId.Record && (n == 1 || Is(1, TypeId.Bool)):
            {
                var t = args[0];
                return new(n == 1 ? [t] : [t, SqlType.Bool], SqlType.Json, (a, ctx) => PrettyJson(a[0], t, n == 2 && a[1] is true, ctx));
            }
            case "array_to_json" when n is 1 or 2 && args[0].IsArray && (n == 1 || Is(1, TypeId.Bool)):
            {
                var t = args[0].WithoutModifier();
                return new(n == 1 ? [t] : [t, SqlType.Bool], SqlType.Json, (a, ctx) => PrettyJson(a[0], t, n == 2 && a[1] is true, ctx));
            }
            case "json_build_object" or "jsonb_build_object":
            {
                var types = AnyTypes();
                return new(types, name == "json_build_object" ? SqlType.Json : SqlType.Jsonb, (a, ctx) => BuildObject(name, a, types, ctx), Strict: false);
            }
            case "json_build_array" or "jsonb_build_array":
            {
                var types = AnyTypes();
                return new(types, name == "json_build_array" ? SqlType.Json : SqlType.Jsonb, (a, ctx) => name == "json_build_array"
                    ? "[" + string.Join(", ", a.Select((v, i) => JsonCasts.ToJsonText(v, types[i], ctx.Settings))) + "]"
                    : JsonValue.Array(a.Select((v, i) => JsonCasts.ToJsonb(v, types[i], ctx.Settings)).ToArray()), Strict: false);
            }
            case "json_object" or "jsonb_object" when n == 1 && IsTextArray(0):
                return new([textArray], name == "json_object" ? SqlType.Json : SqlType.Jsonb, (a, _) => ObjectFromArrays(name, (PgArray)a[0]!, null));
            case "json_object" or "jsonb_object" when n == 2 && IsTextArray(0) && IsTextArray(1):
                return new([textArray, textArray], name == "json_object" ? SqlType.Json : SqlType.Jsonb,
                    (a, _) => ObjectFromArrays(name, (PgArray)a[0]!, (PgArray)a[1]!));
            case "json_typeof" when n == 1 && Is(0, TypeId.Json):
                return new([SqlType.Json], SqlType.Text, (a, _) => JsonCasts.TypeName(JsonParser.ParseJson((string)a[0]!)));
            case "jsonb_typeof" when n == 1 && Is(0, TypeId.Jsonb):
                return new([SqlType.Jsonb], SqlType.Text, (a, _) => JsonCasts.TypeName((JsonValue)a[0]!));
            case "json_array_length" when n == 1 && Is(0, TypeId.Json):
                return new([SqlType.Json], SqlType.Int4, (a, _) => ArrayLength(JsonParser.ParseJson((string)a[0]!)));
            case "jsonb_array_length" when n == 1 && Is(0, TypeId.Jsonb):
                return new([SqlType.Jsonb], SqlType.Int4, (a, _) => ArrayLength((JsonValue)a[0]!));
            case "json_extract_path" or "json_extract_path_text" when n >= 1 && Is(0, TypeId.Json) && Enumerable.Range(1, n - 1).All(IsText):
            {
                var text = name.EndsWith("_text", StringComparison.Ordinal);
                return new([SqlType.Json, .. Enumerable.Repeat(SqlType.Text, n - 1)], text ? SqlType.Text : SqlType.Json, (a, _) =>
                {
                    var source = (string)a[0]!;
                    if (a.Skip(1).Any(x => x is null)) return null;
                    var found = JsonOps.Path(JsonParser.ParseJson(source), PathOf(a));
                    return text ? JsonOps.AsText(found, source) : found is null ? null : source[found.Start..found.End];
                }, Strict: false);
            }
            case "jsonb_extract_path" or "jsonb_extract_path_text" when n >= 1 && Is(0, TypeId.Jsonb) && Enumerable.Range(1, n - 1).All(IsText):
            {
                var text = name.EndsWith("_text", StringComparison.Ordinal);
                return new([SqlType.Jsonb, .. Enumerable.Repeat(SqlType.Text, n - 1)], text ? SqlType.Text : SqlType.Jsonb, (a, _) =>
                {
                    if (a[0] is not JsonValue v || a.Skip(1).Any(x => x is null)) return null;
                    var found = JsonOps.Path(v, PathOf(a));
                    return text ? JsonOps.AsText(found) : found;
                }, Strict: false);
            }
            case "jsonb_set" when n is 3 or 4 && Is(0, TypeId.Jsonb) && IsTextArray(1) && Is(2, TypeId.Jsonb) && (n == 3 || Is(3, TypeId.Bool)):
                return new(n == 3 ? [SqlType.Jsonb, textArray, SqlType.Jsonb] : [SqlType.Jsonb, textArray, SqlType.Jsonb, SqlType.Bool], SqlType.Jsonb,
                    (a, _) => JsonOps.Set((JsonValue)a[0]!, (PgArray)a[1]!, (JsonValue)a[2]!, n == 3 || (bool)a[3]!));
            case "jsonb_insert" when n is 3 or 4 && Is(0, TypeId.Jsonb) && IsTextArray(1) && Is(2, TypeId.Jsonb) && (n == 3 || Is(3, TypeId.Bool)):
                return new(n == 3 ? [SqlType.Jsonb, textArray, SqlType.Jsonb] : [SqlType.Jsonb, textArray, SqlType.Jsonb, SqlType.Bool], SqlType.Jsonb,
                    (a, _) => JsonOps.Insert((JsonValue)a[0]!, (PgArray)a[1]!, (JsonValue)a[2]!, n == 4 && (bool)a[3]!));
            case "jsonb_strip_nulls" when n == 1 && Is(0, TypeId.Jsonb):
                return new([SqlType.Jsonb], SqlType.Jsonb, (a, _) => JsonOps.StripNulls((JsonValue)a[0]!));
            case "json_strip_nulls" when n == 1 && Is(0, TypeId.Json):
                return new([SqlType.Json], SqlType.Json, (a, _) =>
                {
                    var source = (string)a[0]!;
                    var sb = new StringBuilder();
                    WriteStripped(sb, JsonParser.ParseJson(source), source);
                    return sb.ToString();
                });
            case "jsonb_pretty" when n == 1 && Is(0, TypeId.Jsonb):
                return new([SqlType.Jsonb], SqlType.Text, (a, _) => ((JsonValue)a[0]!).ToPrettyString());
        }
        return null;
    }

    private static PgArray PathOf(object?[] a) => PgArray.Of(SqlType.Text, a.Skip(1).ToArray());

    private static string PrettyJson(object? value, SqlType type, bool pretty, ExecContext ctx)
    {
        var sb = new StringBuilder();
        JsonCasts.WriteJson(sb, value, type, ctx.Settings, pretty);
        return sb.ToString();
    }

    private static int ArrayLength(JsonValue v) => v.Kind switch
    {
        JsonKind.Array => v.Items.Length,
        JsonKind.Object => throw new TenonException(SqlState.InvalidParameterValue, "cannot get array length of a non-array"),
        _ => throw new TenonException(SqlState.InvalidParameterValue, "cannot get array length of a scalar"),
    };

    /// <summary>json(b)_build_object: alternating keys (scalars, not NULL) and values.</summary>
    private static object BuildObject(string name, object?[] a, SqlType[] types, ExecContext ctx)
    {
        if (a.Length % 2 != 0)
            throw new TenonException(SqlState.InvalidParameterValue, "argument list must have even number of elements",
                hint: $"The arguments of {name}() must consist of alternating keys and values.");
        var keys = new List<string>();
        for (var i = 0; i < a.Length; i += 2)
        {
            if (a[i] is null)
                throw name == "json_build_object"
                    ? new TenonException(SqlState.InvalidParameterValue, $"argument {i + 1} cannot be null", hint: "Object keys should be text.")
                    : new TenonException(SqlState.InvalidParameterValue, $"argument {i + 1}: key must not be null");
            if (types[i].IsArray || types[i].Id is TypeId.Record or TypeId.Json or TypeId.Jsonb)
                throw new TenonException(SqlState.InvalidParameterValue, "key value must be scalar, not array, composite, or json");
            keys.Add(JsonCasts.KeyText(a[i]!, types[i], ctx.Settings));
        }
        if (name == "jsonb_build_object")
            return JsonValue.Object(keys, Enumerable.Range(0, keys.Count).Select(k => JsonCasts.ToJsonb(a[2 * k + 1], types[2 * k + 1], ctx.Settings)).ToArray());
        var sb = new StringBuilder("{");
        for (var k = 0; k < keys.Count; k++)
        {
            if (k > 0) sb.Append(", ");
            JsonValue.WriteString(sb, keys[k]);
            sb.Append(" : ");
            JsonCasts.WriteJson(sb, a[2 * k + 1], types[2 * k + 1], ctx.Settings, pretty: false);
        }
        return sb.Append('}').ToString();
    }

    /// <summary>json(b)_object: from a flat array of alternating keys and values, a two-column array, or a key and a value array.</summary>
    private static object ObjectFromArrays(string name, PgArray first, PgArray? second)
    {
        List<string> keys = [];
        List<string?> values = [];
        if (second is null)
        {
            if (first.Rank == 1 && first.Items.Length % 2 != 0)
                throw new TenonException(SqlState.ArraySubscriptError, "array must have even number of elements");
            if (first.Rank == 2 && first.Lengths[1] != 2)
                throw new TenonException(SqlState.ArraySubscriptError, "array must have two columns");
            if (first.Rank > 2) throw new TenonException(SqlState.ArraySubscriptError, "wrong number of array subscripts");
            for (var i = 0; i + 1 < first.Items.Length; i += 2)
            {
                keys.Add(first.Items[i] as string ?? throw new TenonException(SqlState.NullValueNotAllowed, "null value not allowed for object key"));
                values.Add(first.Items[i + 1] as string);
            }
        }
        else
        {
            if (first.Rank > 1 || second.Rank > 1) throw new TenonException(SqlState.ArraySubscriptError, "wrong number of array subscripts");
            if (first.Items.Length != second.Items.Length) throw new TenonException(SqlState.ArraySubscriptError, "mismatched array dimensions");
            for (var i = 0; i < first.Items.Length; i++)
            {
                keys.Add(first.Items[i] as string ?? throw new TenonException(SqlState.NullValueNotAllowed, "null value not allowed for object key"));
                values.Add(second.Items[i] as string);
            }
        }
        if (name == "jsonb_object")
            return JsonValue.Object(keys, values.Select(v => v is null ? JsonValue.Null : JsonValue.FromString(v)).ToArray());
        var sb = new StringBuilder("{");
        for (var i = 0; i < keys.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            JsonValue.WriteString(sb, keys[i]);
            sb.Append(" : ");
            if (values[i] is { } v) JsonValue.WriteString(sb, v);
            else sb.Append("null");
        }
        return sb.Append('}').ToString();
    }

    /// <summary>json_strip_nulls: the json rewritten without white space and without null-valued members.</summary>
    private static void WriteStripped(StringBuilder sb, JsonValue v, string source)
    {
        switch (v.Kind)
        {
            case JsonKind.Array:
                sb.Append('[');
                for (var i = 0; i < v.Items.Length; i++)
                {
                    if (i > 0) sb.Append(',');
                    WriteStripped(sb, v.Items[i], source);
                }
                sb.Append(']');
                return;
            case JsonKind.Object:
                sb.Append('{');
                var first = true;
                for (var i = 0; i < v.Items.Length; i++)
                {
                    if (v.Items[i].Kind == JsonKind.Null) continue;
                    if (!first) sb.Append(',');
                    first = false;
                    JsonValue.WriteString(sb, v.Keys[i]);
                    sb.Append(':');
                    WriteStripped(sb, v.Items[i], source);
                }
                sb.Append('}');
                return;
            default:
                sb.Append(source, v.Start, v.End - v.Start);
                return;
        }
    }
}

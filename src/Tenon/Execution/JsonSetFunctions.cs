using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// The set-returning json functions: json(b)_each and _each_text (key, value per member; json
/// keeps duplicates in written order, jsonb has its sorted keys), json(b)_array_elements and
/// _text (one value per element), json(b)_object_keys. The _text forms give a string's text,
/// other values' text, and SQL NULL for JSON null. In FROM each column is a column; in a select
/// list a two-column result is a record.
/// </summary>
public static class JsonSetFunctions
{
    public static readonly string[] Names =
    [
        "json_each", "json_each_text", "jsonb_each", "jsonb_each_text", "json_array_elements", "json_array_elements_text",
        "jsonb_array_elements", "jsonb_array_elements_text", "json_object_keys", "jsonb_object_keys",
    ];

    public static bool IsJsonSetFunction(string name) => Array.IndexOf(Names, name) >= 0;

    /// <summary>
    /// The argument type the function takes, its result columns and the rows it makes of a
    /// non-null argument; null when the argument does not fit.
    /// </summary>
    public static (SqlType Argument, (string Name, SqlType Type)[] Columns, Func<object, IEnumerable<object?[]>> Rows)? Resolve(string name, SqlType arg)
    {
        var jsonb = name.StartsWith("jsonb", StringComparison.Ordinal);
        var argType = jsonb ? SqlType.Jsonb : SqlType.Json;
        if (arg.Id != argType.Id && arg.Id != TypeId.Unknown) return null;
        var asText = name.EndsWith("_text", StringComparison.Ordinal);
        var valueType = asText ? SqlType.Text : argType;
        // A json value's text as written; a jsonb value as itself.
        object? Value(JsonValue v, string? source) => asText
            ? (source is null ? JsonOps.AsText(v) : JsonOps.AsText(v, source))
            : source is null ? v : source[v.Start..v.End];
        (JsonValue Tree, string? Source) Parse(object value) =>
            jsonb ? ((JsonValue)value, null) : (JsonParser.ParseJson((string)value), (string)value);
        if (name.Contains("_each", StringComparison.Ordinal))
            return (argType, [("key", SqlType.Text), ("value", valueType)], value =>
            {
                var (tree, source) = Parse(value);
                if (tree.Kind != JsonKind.Object)
                    throw new TenonException(SqlState.InvalidParameterValue,
                        jsonb ? $"cannot call {name} on a non-object" : $"cannot deconstruct {(tree.Kind == JsonKind.Array ? "an array as an object" : "a scalar")}");
                return tree.Keys.Select((k, i) => new object?[] { k, Value(tree.Items[i], source) }).ToList();
            });
        if (name.Contains("_array_elements", StringComparison.Ordinal))
            return (argType, [("value", valueType)], value =>
            {
                var (tree, source) = Parse(value);
                if (tree.Kind != JsonKind.Array)
                    throw new TenonException(SqlState.InvalidParameterValue, jsonb
                        ? tree.Kind == JsonKind.Object ? "cannot extract elements from an object" : "cannot extract elements from a scalar"
                        : $"cannot call {name} on {(tree.Kind == JsonKind.Object ? "a non-array" : "a scalar")}");
                return tree.Items.Select(v => new object?[] { Value(v, source) }).ToList();
            });
        return (argType, [(name, SqlType.Text)], value =>
        {
            var (tree, _) = Parse(value);
            if (tree.Kind != JsonKind.Object)
                throw new TenonException(SqlState.InvalidParameterValue,
                    $"cannot call {name} on {(tree.Kind == JsonKind.Array ? "an array" : "a scalar")}");
            return tree.Keys.Select(k => new object?[] { k }).ToList();
        });
    }
}

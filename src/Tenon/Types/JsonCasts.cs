using System.Text;
using Tenon.Errors;

namespace Tenon.Types;

/// <summary>
/// Conversions between SQL values and JSON: the casts out of json and jsonb (json ⇄ jsonb;
/// jsonb → boolean and the number types, which need a JSON value of that kind), and to_json /
/// to_jsonb of any value: numbers stay numbers (NaN and infinities become strings), booleans
/// and NULL become JSON literals, dates and timestamps ISO 8601 strings whatever DateStyle
/// says, arrays nested JSON arrays, rows objects keyed by field name, json and jsonb their
/// own value, and everything else its text output as a JSON string.
/// </summary>
public static class JsonCasts
{
    /// <summary>A cast from json or jsonb to a type other than a string type.</summary>
    public static object Convert(object value, TypeId from, TypeId to)
    {
        if (from == TypeId.Json)
            return to == TypeId.Jsonb ? JsonParser.ParseJsonb((string)value) : throw TypeErrors.CannotCast(SqlType.Json, ValueCast.SqlTypeOf(to));
        var v = (JsonValue)value;
        if (to == TypeId.Json) return v.ToString();
        var target = ValueCast.SqlTypeOf(to);
        if (to == TypeId.Bool)
            return v.Kind == JsonKind.Bool ? v.Bool : throw CannotCastScalar(v, target);
        if (v.Kind != JsonKind.Number) throw CannotCastScalar(v, target);
        return ValueCast.Cast(v.Number, SqlType.Numeric, target, CastContext.Explicit, FormatSettings.Default)!;
    }

    private static TenonException CannotCastScalar(JsonValue v, SqlType target) =>
        new(SqlState.InvalidParameterValue, $"cannot cast jsonb {TypeName(v)} to type {target.DisplayName}");

    /// <summary>jsonb_typeof's names.</summary>
    public static string TypeName(JsonValue v) => v.Kind switch
    {
        JsonKind.Object => "object",
        JsonKind.Array => "array",
        JsonKind.String => "string",
        JsonKind.Number => "number",
        JsonKind.Bool => "boolean",
        _ => "null",
    };

    // ---- SQL value → jsonb -----------------------------------------------------------------

    /// <summary>to_jsonb: a SQL value as a jsonb value (SQL NULL is JSON null).</summary>
    public static JsonValue ToJsonb(object? value, SqlType type, FormatSettings settings)
    {
        if (value is null) return JsonValue.Null;
        switch (type.Id)
        {
            case TypeId.Jsonb: return (JsonValue)value;
            case TypeId.Json: return JsonParser.ParseJsonb((string)value);
            case TypeId.Bool: return JsonValue.FromBool((bool)value);
            case TypeId.Int2: return JsonValue.FromNumber((short)value);
            case TypeId.Int4: return JsonValue.FromNumber((int)value);
            case TypeId.Int8: return JsonValue.FromNumber((long)value);
            case TypeId.Numeric or TypeId.Float4 or TypeId.Float8:
            {
                var text = ValueText.Format(value, type, settings);
                return Numeric.TryParse(text, out var n) && IsJsonNumber(text) ? JsonValue.FromNumber(n) : JsonValue.FromString(text);
            }
            case TypeId.Array:
            {
                var a = (PgArray)value;
                if (a.IsEmpty) return JsonValue.Array([]);
                var pos = 0;
                return ArrayLevel(a, 0, ref pos, v => ToJsonb(v, a.ElementType, settings), items => JsonValue.Array(items.ToArray()));
            }
            case TypeId.Record:
            {
                var r = (PgRecord)value;
                var names = FieldNames(r, type);
                return JsonValue.Object(names, r.Fields.Select((f, i) => ToJsonb(f, r.FieldTypes[i], settings)).ToArray());
            }
            case TypeId.Date or TypeId.Timestamp or TypeId.Timestamptz:
                return JsonValue.FromString(IsoDateTime(value, type, settings));
            default:
                return JsonValue.FromString(ValueText.Format(value, type, settings));
        }
    }

    /// <summary>A row's field names: the composite type's, the whole-row reference's, or f1, f2, ….</summary>
    public static string[] FieldNames(PgRecord r, SqlType type) =>
        type.Composite is { } c ? c.Fields.Select(f => f.Name).ToArray()
        : r.FieldNames is { } n ? n.ToArray()
        : Enumerable.Range(1, r.Fields.Length).Select(i => $"f{i}").ToArray();

    private static T ArrayLevel<T>(PgArray a, int dim, ref int pos, Func<object?, T> element, Func<List<T>, T> combine)
    {
        var items = new List<T>();
        for (var i = 0; i < a.Lengths[dim]; i++)
        {
            if (dim == a.Rank - 1) items.Add(element(a.Items[pos++]));
            else items.Add(ArrayLevel(a, dim + 1, ref pos, element, combine));
        }
        return combine(items);
    }

    private static bool IsJsonNumber(string text) =>
        text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] == '-' && text.Length > 1 && char.IsAsciiDigit(text[1]));

    /// <summary>Dates and timestamps as JSON writes them: ISO 8601 with a T, offsets as +hh:mm.</summary>
    private static string IsoDateTime(object value, SqlType type, FormatSettings settings)
    {
        var iso = settings with { DateStyle = DateStyleFormat.Iso };
        var text = ValueText.Format(value, type, iso);
        if (type.Id == TypeId.Date || text.EndsWith("infinity", StringComparison.Ordinal)) return text;
        var bc = text.EndsWith(" BC", StringComparison.Ordinal);
        if (bc) text = text[..^3];
        var space = text.IndexOf(' ');
        if (space > 0) text = text[..space] + "T" + text[(space + 1)..];
        if (type.Id == TypeId.Timestamptz)
        {
            // The offset: +hh, +hh:mm or +hh:mm:ss after the time; JSON shows at least hh:mm.
            var sign = Math.Max(text.LastIndexOf('+'), text.LastIndexOf('-'));
            if (sign > text.IndexOf('T') && text.Length - sign == 3) text += ":00";
        }
        return bc ? text + " BC" : text;
    }

    /// <summary>An object key made of a scalar: its JSON form without quotes (true, 1.5, ISO dates …).</summary>
    public static string KeyText(object key, SqlType type, FormatSettings settings) => type.Id switch
    {
        TypeId.Text or TypeId.Varchar or TypeId.Bpchar or TypeId.Name => (string)key,
        TypeId.Bool => (bool)key ? "true" : "false",
        TypeId.Date or TypeId.Timestamp or TypeId.Timestamptz => IsoDateTime(key, type, settings),
        _ => ValueText.Format(key, type, settings),
    };

    // ---- SQL value → json text ----------------------------------------------------------------

    /// <summary>to_json: a SQL value as json text (compact: arrays <c>[1,2]</c>, rows <c>{"a":1}</c>).</summary>
    public static string ToJsonText(object? value, SqlType type, FormatSettings settings)
    {
        var sb = new StringBuilder();
        WriteJson(sb, value, type, settings, pretty: false);
        return sb.ToString();
    }

    /// <summary>Writes a value as json; <paramref name="pretty"/> puts a line feed between top-level elements (row_to_json(r, true)).</summary>
    public static void WriteJson(StringBuilder sb, object? value, SqlType type, FormatSettings settings, bool pretty)
    {
        if (value is null)
        {
            sb.Append("null");
            return;
        }
        switch (type.Id)
        {
            case TypeId.Json: sb.Append((string)value); return;
            case TypeId.Jsonb: ((JsonValue)value).Write(sb); return;
            case TypeId.Bool: sb.Append((bool)value ? "true" : "false"); return;
            case TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Numeric or TypeId.Float4 or TypeId.Float8:
            {
                var text = ValueText.Format(value, type, settings);
                if (IsJsonNumber(text)) sb.Append(text);
                else JsonValue.WriteString(sb, text);
                return;
            }
            case TypeId.Array:
            {
                var a = (PgArray)value;
                if (a.IsEmpty)
                {
                    sb.Append("[]");
                    return;
                }
                var pos = 0;
                WriteArrayLevel(sb, a, 0, ref pos, settings, pretty);
                return;
            }
            case TypeId.Record:
            {
                var r = (PgRecord)value;
                var names = FieldNames(r, type);
                sb.Append('{');
                for (var i = 0; i < r.Fields.Length; i++)
                {
                    if (i > 0) sb.Append(pretty ? ",\n " : ",");
                    JsonValue.WriteString(sb, names[i]);
                    sb.Append(':');
                    WriteJson(sb, r.Fields[i], r.FieldTypes[i], settings, pretty: false);
                }
                sb.Append('}');
                return;
            }
            case TypeId.Date or TypeId.Timestamp or TypeId.Timestamptz:
                JsonValue.WriteString(sb, IsoDateTime(value, type, settings));
                return;
            default:
                JsonValue.WriteString(sb, ValueText.Format(value, type, settings));
                return;
        }
    }

    private static void WriteArrayLevel(StringBuilder sb, PgArray a, int dim, ref int pos, FormatSettings settings, bool pretty)
    {
        sb.Append('[');
        for (var i = 0; i < a.Lengths[dim]; i++)
        {
            if (i > 0) sb.Append(pretty && dim == 0 ? ",\n " : ",");
            if (dim == a.Rank - 1) WriteJson(sb, a.Items[pos++], a.ElementType, settings, pretty: false);
            else WriteArrayLevel(sb, a, dim + 1, ref pos, settings, pretty);
        }
        sb.Append(']');
    }
}

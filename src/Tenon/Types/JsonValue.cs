using System.Text;

namespace Tenon.Types;

/// <summary>The kind of a JSON value, in jsonb's btree order (Null lowest, Object highest).</summary>
public enum JsonKind : byte
{
    Null,
    String,
    Number,
    Bool,
    Array,
    Object,
}

/// <summary>
/// One parsed JSON value. A jsonb value (the CLR value of <see cref="TypeId.Jsonb"/>) is a
/// normalized tree: object keys unique (the last duplicate wins) and sorted as jsonb stores
/// them, shorter keys first and equal lengths by bytes; numbers are numeric values. A tree
/// parsed from json text keeps its keys in written order, duplicates included, and remembers
/// where each value was in the text (json's operators return that text as written).
/// Values are immutable once built: operators build new trees and share unchanged parts.
/// </summary>
public sealed class JsonValue : IComparable<JsonValue>, IEquatable<JsonValue>
{
    public static readonly JsonValue Null = new(JsonKind.Null);
    public static readonly JsonValue True = new(JsonKind.Bool) { Bool = true };
    public static readonly JsonValue False = new(JsonKind.Bool) { Bool = false };
    private static readonly JsonValue[] NoItems = [];
    private static readonly string[] NoKeys = [];

    private JsonValue(JsonKind kind) => Kind = kind;

    public JsonKind Kind { get; }
    /// <summary>A string's value (unescaped).</summary>
    public string String { get; private init; } = "";
    public Numeric Number { get; private init; }
    public bool Bool { get; private init; }
    /// <summary>An array's elements, or an object's values (parallel to <see cref="Keys"/>).</summary>
    public JsonValue[] Items { get; private init; } = NoItems;
    public string[] Keys { get; private init; } = NoKeys;
    /// <summary>Where the value was in the json text it was parsed from (json only).</summary>
    public int Start { get; init; }
    public int End { get; init; }

    public bool IsContainer => Kind is JsonKind.Array or JsonKind.Object;

    public static JsonValue FromString(string s) => new(JsonKind.String) { String = s };
    public static JsonValue FromNumber(Numeric n) => new(JsonKind.Number) { Number = n };
    public static JsonValue FromBool(bool b) => b ? True : False;
    public static JsonValue Array(JsonValue[] items) => new(JsonKind.Array) { Items = items };

    /// <summary>An object with keys exactly as given (json's written order).</summary>
    public static JsonValue RawObject(string[] keys, JsonValue[] values) => new(JsonKind.Object) { Keys = keys, Items = values };

    /// <summary>A jsonb object: keys deduplicated (the last wins) and put in jsonb's order.</summary>
    public static JsonValue Object(IReadOnlyList<string> keys, IReadOnlyList<JsonValue> values)
    {
        var byKey = new Dictionary<string, JsonValue>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++) byKey[keys[i]] = values[i];
        var sorted = byKey.Keys.ToArray();
        System.Array.Sort(sorted, CompareKeys);
        return new(JsonKind.Object) { Keys = sorted, Items = sorted.Select(k => byKey[k]).ToArray() };
    }

    /// <summary>jsonb's storage order of object keys: by UTF-8 length, then by bytes.</summary>
    public static int CompareKeys(string a, string b)
    {
        var la = Encoding.UTF8.GetByteCount(a);
        var lb = Encoding.UTF8.GetByteCount(b);
        return la != lb ? la.CompareTo(lb) : ValueComparer.Compare(a, b, TypeId.Text);
    }

    /// <summary>The value of <paramref name="key"/> in an object (the last one in json text), or null.</summary>
    public JsonValue? Get(string key)
    {
        if (Kind != JsonKind.Object) return null;
        for (var i = Keys.Length - 1; i >= 0; i--)
            if (Keys[i] == key) return Items[i];
        return null;
    }

    /// <summary>Element <paramref name="index"/> of an array, counting from the end when negative; null when out of range.</summary>
    public JsonValue? At(int index)
    {
        if (Kind != JsonKind.Array) return null;
        if (index < 0) index += Items.Length;
        return index >= 0 && index < Items.Length ? Items[index] : null;
    }

    /// <summary>The same value with normalized objects (json → jsonb).</summary>
    public JsonValue Normalize() => Kind switch
    {
        JsonKind.Array => Array(Items.Select(i => i.Normalize()).ToArray()),
        JsonKind.Object => Object(Keys, Items.Select(i => i.Normalize()).ToArray()),
        _ => this,
    };

    internal static JsonValue WithSpan(JsonValue v, int start, int end) => new(v.Kind)
    {
        String = v.String, Number = v.Number, Bool = v.Bool, Items = v.Items, Keys = v.Keys, Start = start, End = end,
    };

    // ---- ordering (jsonb's btree operator class) -------------------------------------------

    /// <summary>
    /// jsonb ordering: by kind (Object &gt; Array &gt; Boolean &gt; Number &gt; String &gt; Null),
    /// containers by their size first, then element by element (objects key, value, key, …
    /// in storage order); strings as text, numbers by value. One historical exception, which
    /// PostgreSQL documents: an empty top-level array sorts below every other value, null included
    /// (jsonb stores a top-level scalar as a one-element array, and arrays compare by size first).
    /// </summary>
    public int CompareTo(JsonValue? other)
    {
        if (other is null) return 1;
        var emptyA = Kind == JsonKind.Array && Items.Length == 0;
        var emptyB = other.Kind == JsonKind.Array && other.Items.Length == 0;
        if (emptyA || emptyB) return emptyA && emptyB ? 0 : emptyA ? -1 : 1;
        return CompareNested(other);
    }

    private int CompareNested(JsonValue other)
    {
        if (Kind != other.Kind) return Kind.CompareTo(other.Kind);
        switch (Kind)
        {
            case JsonKind.Null: return 0;
            case JsonKind.String: return ValueComparer.Compare(String, other.String, TypeId.Text);
            case JsonKind.Number: return Number.CompareTo(other.Number);
            case JsonKind.Bool: return Bool.CompareTo(other.Bool);
        }
        if (Items.Length != other.Items.Length) return Items.Length.CompareTo(other.Items.Length);
        for (var i = 0; i < Items.Length; i++)
        {
            if (Kind == JsonKind.Object)
            {
                var k = ValueComparer.Compare(Keys[i], other.Keys[i], TypeId.Text);
                if (k != 0) return k;
            }
            var c = Items[i].CompareNested(other.Items[i]);
            if (c != 0) return c;
        }
        return 0;
    }

    public bool Equals(JsonValue? other) => other is not null && CompareTo(other) == 0;
    public override bool Equals(object? obj) => obj is JsonValue v && Equals(v);

    public override int GetHashCode()
    {
        switch (Kind)
        {
            case JsonKind.String: return HashCode.Combine(Kind, String);
            case JsonKind.Number: return HashCode.Combine(Kind, Number.GetHashCode());
            case JsonKind.Bool: return HashCode.Combine(Kind, Bool);
            case JsonKind.Null: return 0;
        }
        var h = new HashCode();
        h.Add(Kind);
        for (var i = 0; i < Items.Length; i++)
        {
            if (Kind == JsonKind.Object) h.Add(Keys[i]);
            h.Add(Items[i].GetHashCode());
        }
        return h.ToHashCode();
    }

    // ---- text -------------------------------------------------------------------------------

    /// <summary>jsonb's output: <c>{"a": 1, "b": [1, 2]}</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        Write(sb);
        return sb.ToString();
    }

    public void Write(StringBuilder sb)
    {
        switch (Kind)
        {
            case JsonKind.Null: sb.Append("null"); return;
            case JsonKind.Bool: sb.Append(Bool ? "true" : "false"); return;
            case JsonKind.Number: sb.Append(Number.ToString()); return;
            case JsonKind.String: WriteString(sb, String); return;
            case JsonKind.Array:
                sb.Append('[');
                for (var i = 0; i < Items.Length; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Items[i].Write(sb);
                }
                sb.Append(']');
                return;
            default:
                sb.Append('{');
                for (var i = 0; i < Items.Length; i++)
                {
                    if (i > 0) sb.Append(", ");
                    WriteString(sb, Keys[i]);
                    sb.Append(": ");
                    Items[i].Write(sb);
                }
                sb.Append('}');
                return;
        }
    }

    /// <summary>jsonb_pretty: four-space indentation, one element or pair per line.</summary>
    public string ToPrettyString()
    {
        var sb = new StringBuilder();
        WritePretty(sb, 0);
        return sb.ToString();
    }

    private void WritePretty(StringBuilder sb, int level)
    {
        if (!IsContainer || Items.Length == 0)
        {
            if (IsContainer) sb.Append(Kind == JsonKind.Array ? "[\n" + new string(' ', 4 * level) + "]" : "{\n" + new string(' ', 4 * level) + "}");
            else Write(sb);
            return;
        }
        sb.Append(Kind == JsonKind.Array ? '[' : '{');
        for (var i = 0; i < Items.Length; i++)
        {
            sb.Append(i > 0 ? ",\n" : "\n").Append(' ', 4 * (level + 1));
            if (Kind == JsonKind.Object)
            {
                WriteString(sb, Keys[i]);
                sb.Append(": ");
            }
            Items[i].WritePretty(sb, level + 1);
        }
        sb.Append('\n').Append(' ', 4 * level).Append(Kind == JsonKind.Array ? ']' : '}');
    }

    /// <summary>A JSON string literal: quotes, backslash escapes, other control characters as \u00XX.</summary>
    public static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4"));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        WriteString(sb, s);
        return sb.ToString();
    }
}

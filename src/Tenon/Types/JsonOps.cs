using System.Globalization;
using Tenon.Errors;

namespace Tenon.Types;

/// <summary>
/// The operations behind jsonb's operators and editing functions: lookup by key, index and
/// path; containment (@&gt;), key existence (?), concatenation (||), deletion (-, #-), and
/// jsonb_set / jsonb_insert. A top-level scalar behaves as jsonb stores it, as a one-element
/// array (so <c>'"a"' ? 'a'</c> holds and <c>'[1]' @&gt; '1'</c> does).
/// </summary>
public static class JsonOps
{
    /// <summary>-&gt; and #&gt; step: an object's member or an array's element (text that is an integer), or null.</summary>
    public static JsonValue? Step(JsonValue v, string key)
    {
        if (v.Kind == JsonKind.Object) return v.Get(key);
        if (v.Kind == JsonKind.Array && int.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)) return v.At(i);
        return null;
    }

    /// <summary>#&gt;: the value at a path (null elements or a missing step give null).</summary>
    public static JsonValue? Path(JsonValue v, PgArray path)
    {
        var cur = v;
        foreach (var p in path.Items)
        {
            if (p is not string key) return null;
            cur = Step(cur, key);
            if (cur is null) return null;
        }
        return cur;
    }

    /// <summary>->> of a jsonb value: a string's text, null for JSON null, otherwise the value's text.</summary>
    public static string? AsText(JsonValue? v) => v is null || v.Kind == JsonKind.Null ? null : v.Kind == JsonKind.String ? v.String : v.ToString();

    /// <summary>->> of a json value: a string's text, null for JSON null, otherwise the text as written.</summary>
    public static string? AsText(JsonValue? v, string source) =>
        v is null || v.Kind == JsonKind.Null ? null : v.Kind == JsonKind.String ? v.String : source[v.Start..v.End];

    // ---- containment and existence ------------------------------------------------------------

    /// <summary>a @&gt; b.</summary>
    public static bool Contains(JsonValue a, JsonValue b)
    {
        if (!a.IsContainer && !b.IsContainer) return a.Equals(b);
        // A top-level array contains a scalar it has as an element; a scalar contains no array.
        if (a.Kind == JsonKind.Array && !b.IsContainer) return a.Items.Any(x => !x.IsContainer && x.Equals(b));
        return DeepContains(a, b);
    }

    private static bool DeepContains(JsonValue a, JsonValue b)
    {
        if (a.Kind != b.Kind) return false;
        switch (a.Kind)
        {
            case JsonKind.Object:
                for (var i = 0; i < b.Keys.Length; i++)
                {
                    var mine = a.Get(b.Keys[i]);
                    if (mine is null) return false;
                    var theirs = b.Items[i];
                    if (mine.IsContainer || theirs.IsContainer)
                    {
                        if (!DeepContains(mine, theirs)) return false;
                    }
                    else if (!mine.Equals(theirs)) return false;
                }
                return true;
            case JsonKind.Array:
                foreach (var item in b.Items)
                {
                    if (!item.IsContainer)
                    {
                        if (!a.Items.Any(x => !x.IsContainer && x.Equals(item))) return false;
                    }
                    else if (!a.Items.Any(x => x.Kind == item.Kind && DeepContains(x, item))) return false;
                }
                return true;
            default:
                return a.Equals(b);
        }
    }

    /// <summary>?: a top-level key, or a string element of a top-level array (or the scalar string itself).</summary>
    public static bool Exists(JsonValue v, string key) => v.Kind switch
    {
        JsonKind.Object => v.Get(key) is not null,
        JsonKind.Array => v.Items.Any(x => x.Kind == JsonKind.String && x.String == key),
        JsonKind.String => v.String == key,
        _ => false,
    };

    // ---- building -----------------------------------------------------------------------------

    /// <summary>||: objects merge (the right side wins), anything else concatenates as arrays.</summary>
    public static JsonValue Concat(JsonValue a, JsonValue b)
    {
        if (a.Kind == JsonKind.Object && b.Kind == JsonKind.Object)
            return JsonValue.Object([.. a.Keys, .. b.Keys], [.. a.Items, .. b.Items]);
        JsonValue[] Elements(JsonValue v) => v.Kind == JsonKind.Array ? v.Items : [v];
        return JsonValue.Array([.. Elements(a), .. Elements(b)]);
    }

    /// <summary>jsonb - text: the object without the key, or the array without string elements equal to it.</summary>
    public static JsonValue DeleteKey(JsonValue v, string key) => v.Kind switch
    {
        JsonKind.Object => Without(v, k => k == key),
        JsonKind.Array => JsonValue.Array(v.Items.Where(x => !(x.Kind == JsonKind.String && x.String == key)).ToArray()),
        _ => throw new TenonException(SqlState.InvalidParameterValue, "cannot delete from scalar"),
    };

    /// <summary>jsonb - text[]: every listed key or string element removed.</summary>
    public static JsonValue DeleteKeys(JsonValue v, PgArray keys)
    {
        var set = keys.Items.OfType<string>().ToHashSet(StringComparer.Ordinal);
        return v.Kind switch
        {
            JsonKind.Object => Without(v, set.Contains),
            JsonKind.Array => JsonValue.Array(v.Items.Where(x => !(x.Kind == JsonKind.String && set.Contains(x.String))).ToArray()),
            _ => throw new TenonException(SqlState.InvalidParameterValue, "cannot delete from scalar"),
        };
    }

    /// <summary>jsonb - int: the array without that element (from the end when negative).</summary>
    public static JsonValue DeleteIndex(JsonValue v, int index)
    {
        if (v.Kind == JsonKind.Object) throw new TenonException(SqlState.InvalidParameterValue, "cannot delete from object using integer index");
        if (v.Kind != JsonKind.Array) throw new TenonException(SqlState.InvalidParameterValue, "cannot delete from scalar");
        if (index < 0) index += v.Items.Length;
        if (index < 0 || index >= v.Items.Length) return v;
        return JsonValue.Array(v.Items.Where((_, i) => i != index).ToArray());
    }

    private static JsonValue Without(JsonValue obj, Func<string, bool> drop)
    {
        var keep = Enumerable.Range(0, obj.Keys.Length).Where(i => !drop(obj.Keys[i])).ToList();
        return JsonValue.Object(keep.Select(i => obj.Keys[i]).ToArray(), keep.Select(i => obj.Items[i]).ToArray());
    }

    /// <summary>The path's elements as text; a NULL element is 22004 as in jsonb_set and #-.</summary>
    private static string[] PathKeys(PgArray path, string nullMessage) =>
        path.Items.Select(p => p as string ?? throw new TenonException(SqlState.NullValueNotAllowed, nullMessage)).ToArray();

    private static int PathIndex(string key, int position)
    {
        if (int.TryParse(key.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)) return i;
        throw new TenonException(SqlState.InvalidTextRepresentation, $"path element at position {position} is not an integer: \"{key}\"");
    }

    /// <summary>#-: the value with the element at the path removed.</summary>
    public static JsonValue DeletePath(JsonValue v, PgArray path)
    {
        if (!v.IsContainer) throw new TenonException(SqlState.InvalidParameterValue, "cannot delete path in scalar");
        var keys = PathKeys(path, "path element at position 1 is null");
        return keys.Length == 0 ? v : Edit(v, keys, 0, existing => null, create: false, insertAfter: false) ?? v;
    }

    /// <summary>jsonb_set: the value with the element at the path replaced (or added when <paramref name="create"/>).</summary>
    public static JsonValue Set(JsonValue v, PgArray path, JsonValue replacement, bool create)
    {
        if (!v.IsContainer) throw new TenonException(SqlState.InvalidParameterValue, "cannot set path in scalar");
        var keys = PathKeys(path, "path element at position 1 is null");
        return keys.Length == 0 ? v : Edit(v, keys, 0, _ => replacement, create, insertAfter: false, insertMode: false) ?? v;
    }

    /// <summary>jsonb_insert: the value inserted before (or after) the array element at the path, or as a new object key.</summary>
    public static JsonValue Insert(JsonValue v, PgArray path, JsonValue newValue, bool after)
    {
        if (!v.IsContainer) throw new TenonException(SqlState.InvalidParameterValue, "cannot set path in scalar");
        var keys = PathKeys(path, "path element at position 1 is null");
        return keys.Length == 0 ? v : Edit(v, keys, 0, _ => newValue, create: true, insertAfter: after, insertMode: true) ?? v;
    }

    /// <summary>
    /// Rebuilds the containers along the path. At the last step <paramref name="change"/> maps the
    /// existing value (null when absent) to its replacement (null deletes). Returns null when the
    /// path does not lead anywhere (the value is then left as it was).
    /// </summary>
    private static JsonValue? Edit(JsonValue v, string[] keys, int depth, Func<JsonValue?, JsonValue?> change, bool create, bool insertAfter, bool insertMode = false)
    {
        var key = keys[depth];
        var last = depth == keys.Length - 1;
        if (v.Kind == JsonKind.Object)
        {
            var at = Array.IndexOf(v.Keys, key);
            if (!last)
            {
                if (at < 0) return null;
                var inner = v.Items[at];
                if (!inner.IsContainer) return null;
                var edited = Edit(inner, keys, depth + 1, change, create, insertAfter, insertMode);
                if (edited is null) return null;
                var items = (JsonValue[])v.Items.Clone();
                items[at] = edited;
                return JsonValue.Object(v.Keys, items);
            }
            if (insertMode && at >= 0) throw new TenonException(SqlState.InvalidParameterValue, "cannot replace existing key",
                hint: "Try using the function jsonb_set to replace key value.");
            if (at < 0 && !create) return null;
            var replacement = change(at < 0 ? null : v.Items[at]);
            if (replacement is null) return at < 0 ? null : Without(v, k => k == key);
            return JsonValue.Object([.. v.Keys, key], [.. v.Items, replacement]);
        }
        if (v.Kind != JsonKind.Array) return null;
        var index = PathIndex(key, depth + 1);
        var n = v.Items.Length;
        var i = index < 0 ? index + n : index;
        if (!last)
        {
            if (i < 0 || i >= n || !v.Items[i].IsContainer) return null;
            var edited = Edit(v.Items[i], keys, depth + 1, change, create, insertAfter, insertMode);
            if (edited is null) return null;
            var items = (JsonValue[])v.Items.Clone();
            items[i] = edited;
            return JsonValue.Array(items);
        }
        if (insertMode)
        {
            // Before the element (after it with insert_after); out of range appends or prepends.
            var pos = i < 0 ? 0 : i >= n ? n : insertAfter ? i + 1 : i;
            var value = change(null)!;
            return JsonValue.Array([.. v.Items[..pos], value, .. v.Items[pos..]]);
        }
        if (i < 0 || i >= n)
        {
            if (!create) return null;
            var value = change(null);
            if (value is null) return null;
            return i < 0 ? JsonValue.Array([value, .. v.Items]) : JsonValue.Array([.. v.Items, value]);
        }
        var changed = change(v.Items[i]);
        if (changed is null) return JsonValue.Array(v.Items.Where((_, k) => k != i).ToArray());
        var copy = (JsonValue[])v.Items.Clone();
        copy[i] = changed;
        return JsonValue.Array(copy);
    }

    /// <summary>jsonb_strip_nulls: object members whose value is null removed, recursively.</summary>
    public static JsonValue StripNulls(JsonValue v) => v.Kind switch
    {
        JsonKind.Array => JsonValue.Array(v.Items.Select(StripNulls).ToArray()),
        JsonKind.Object => JsonValue.Object(
            v.Keys.Where((_, i) => v.Items[i].Kind != JsonKind.Null).ToArray(),
            v.Items.Where(x => x.Kind != JsonKind.Null).Select(StripNulls).ToArray()),
        _ => v,
    };
}

namespace Tenon.Types;

public static partial class Operators
{
    private static bool IsJson(SqlType t) => t.Id is TypeId.Json or TypeId.Jsonb;

    /// <summary>
    /// The json and jsonb operators: -&gt; and -&gt;&gt; (text key or int index), #&gt; and #&gt;&gt;
    /// (text[] path) on both; on jsonb also @&gt; &lt;@ ? ?| ?&amp; || - #- and the btree
    /// comparisons. json has no comparison operators. An unknown literal takes the type the
    /// operator needs (text for a key, text[] for a path, jsonb beside jsonb). Null when nothing
    /// matches, so the caller reports PostgreSQL's "operator does not exist".
    /// </summary>
    private static BinaryOperator? ResolveJson(string op, SqlType l, SqlType r)
    {
        static bool Is(SqlType t, TypeId id) => t.Id == id || t.Id == TypeId.Unknown;
        static bool IsKey(SqlType t) => t.Id is TypeId.Text or TypeId.Varchar or TypeId.Bpchar or TypeId.Name or TypeId.Unknown;
        static bool IsIndex(SqlType t) => t.Id is TypeId.Int4 or TypeId.Int2;
        static bool IsTextArray(SqlType t) => t.Id == TypeId.Unknown || t.IsArray && t.Element!.Id is TypeId.Text or TypeId.Varchar or TypeId.Name or TypeId.Bpchar;
        var textArray = SqlType.ArrayOf(SqlType.Text);
        if (l.Id == TypeId.Json)
        {
            switch (op)
            {
                case "->" or "->>" when IsKey(r) || IsIndex(r):
                {
                    var byKey = IsKey(r);
                    return MakeJson(op, SqlType.Json, byKey ? SqlType.Text : SqlType.Int4, op == "->" ? SqlType.Json : SqlType.Text, (a, b) =>
                    {
                        var source = (string)a;
                        var v = JsonParser.ParseJson(source);
                        var found = byKey ? v.Get((string)b) : v.At((int)b);
                        return op == "->" ? found is null ? null : source[found.Start..found.End] : JsonOps.AsText(found, source);
                    });
                }
                case "#>" or "#>>" when IsTextArray(r):
                    return MakeJson(op, SqlType.Json, textArray, op == "#>" ? SqlType.Json : SqlType.Text, (a, b) =>
                    {
                        var source = (string)a;
                        var found = JsonOps.Path(JsonParser.ParseJson(source), (PgArray)b);
                        return op == "#>" ? found is null ? null : source[found.Start..found.End] : JsonOps.AsText(found, source);
                    });
            }
            return null;
        }
        if (l.Id != TypeId.Jsonb && !(l.Id == TypeId.Unknown && r.Id == TypeId.Jsonb)) return null;
        var j = SqlType.Jsonb;
        switch (op)
        {
            case "->" when IsKey(r): return MakeJson(op, j, SqlType.Text, j, (a, b) => ((JsonValue)a).Get((string)b));
            case "->" when IsIndex(r): return MakeJson(op, j, SqlType.Int4, j, (a, b) => ((JsonValue)a).At((int)b));
            case "->>" when IsKey(r): return MakeJson(op, j, SqlType.Text, SqlType.Text, (a, b) => JsonOps.AsText(((JsonValue)a).Get((string)b)));
            case "->>" when IsIndex(r): return MakeJson(op, j, SqlType.Int4, SqlType.Text, (a, b) => JsonOps.AsText(((JsonValue)a).At((int)b)));
            case "#>" when IsTextArray(r): return MakeJson(op, j, textArray, j, (a, b) => JsonOps.Path((JsonValue)a, (PgArray)b));
            case "#>>" when IsTextArray(r): return MakeJson(op, j, textArray, SqlType.Text, (a, b) => JsonOps.AsText(JsonOps.Path((JsonValue)a, (PgArray)b)));
            case "@>" when Is(r, TypeId.Jsonb): return MakeJson(op, j, j, SqlType.Bool, (a, b) => JsonOps.Contains((JsonValue)a, (JsonValue)b));
            case "<@" when Is(r, TypeId.Jsonb): return MakeJson(op, j, j, SqlType.Bool, (a, b) => JsonOps.Contains((JsonValue)b, (JsonValue)a));
            case "?" when IsKey(r): return MakeJson(op, j, SqlType.Text, SqlType.Bool, (a, b) => JsonOps.Exists((JsonValue)a, (string)b));
            case "?|" when IsTextArray(r):
                return MakeJson(op, j, textArray, SqlType.Bool, (a, b) => ((PgArray)b).Items.OfType<string>().Any(k => JsonOps.Exists((JsonValue)a, k)));
            case "?&" when IsTextArray(r):
                return MakeJson(op, j, textArray, SqlType.Bool, (a, b) => ((PgArray)b).Items.OfType<string>().All(k => JsonOps.Exists((JsonValue)a, k)));
            case "||" when Is(r, TypeId.Jsonb): return MakeJson(op, j, j, j, (a, b) => JsonOps.Concat((JsonValue)a, (JsonValue)b));
            case "-" when IsKey(r): return MakeJson(op, j, SqlType.Text, j, (a, b) => JsonOps.DeleteKey((JsonValue)a, (string)b));
            case "-" when IsIndex(r): return MakeJson(op, j, SqlType.Int4, j, (a, b) => JsonOps.DeleteIndex((JsonValue)a, (int)b));
            case "-" when r.IsArray && IsTextArray(r): return MakeJson(op, j, textArray, j, (a, b) => JsonOps.DeleteKeys((JsonValue)a, (PgArray)b));
            case "#-" when IsTextArray(r): return MakeJson(op, j, textArray, j, (a, b) => JsonOps.DeletePath((JsonValue)a, (PgArray)b));
            case "=" or "<>" or "<" or "<=" or ">" or ">=" when Is(r, TypeId.Jsonb) && Is(l, TypeId.Jsonb):
                return MakeJson(op, j, j, SqlType.Bool, (a, b) =>
                {
                    var c = ((JsonValue)a).CompareTo((JsonValue)b);
                    return op switch { "=" => c == 0, "<>" => c != 0, "<" => c < 0, "<=" => c <= 0, ">" => c > 0, _ => c >= 0 };
                });
        }
        return null;
    }

    private static BinaryOperator MakeJson(string op, SqlType l, SqlType r, SqlType result, Func<object, object, object?> invoke) =>
        new() { Name = op, LeftType = l, RightType = r, ResultType = result, Invoke = invoke };
}

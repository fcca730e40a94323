using System.Text;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// json_agg / jsonb_agg (each input as to_json / to_jsonb would make it, NULL as null) and
/// json_object_agg / jsonb_object_agg (name, value pairs; a NULL name is an error). No input rows
/// give NULL. json's are text in PostgreSQL's layout (<c>[1, 2]</c>, <c>{ "a" : 1 }</c>), jsonb's
/// normalized values (duplicate keys: the last wins).
/// </summary>
public static class JsonAggregates
{
    public static readonly string[] Names = ["json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg"];

    public static AggregateFunction? Resolve(string name, IReadOnlyList<SqlType> args)
    {
        switch (name)
        {
            case "json_agg" or "jsonb_agg" when args.Count == 1 && args[0].Id != TypeId.Unknown:
            {
                var t = args[0].WithoutModifier();
                return name == "json_agg"
                    ? new(name, SqlType.Json, () => new JsonAggAcc(t))
                    : new(name, SqlType.Jsonb, () => new JsonbAggAcc(t));
            }
            case "json_object_agg" or "jsonb_object_agg" when args.Count == 2:
            {
                var k = args[0].Id == TypeId.Unknown ? SqlType.Text : args[0].WithoutModifier();
                var v = args[1].Id == TypeId.Unknown ? SqlType.Text : args[1].WithoutModifier();
                return name == "json_object_agg"
                    ? new(name, SqlType.Json, () => new JsonObjectAggAcc(k, v))
                    : new(name, SqlType.Jsonb, () => new JsonbObjectAggAcc(k, v));
            }
        }
        return null;
    }

    /// <summary>An object key: the value's text output, which must not be NULL.</summary>
    internal static string KeyText(object? key, SqlType type, ExecContext ctx) =>
        key is null ? throw new TenonException(SqlState.InvalidParameterValue, "field name must not be null")
        : JsonCasts.KeyText(key, type, ctx.Settings);

    private sealed class JsonAggAcc(SqlType type) : Accumulator
    {
        private StringBuilder? _sb;
        public override void Add(object?[] args, ExecContext ctx)
        {
            if (_sb is null) _sb = new StringBuilder("[");
            // Rows and arrays each start a new line, as PostgreSQL lays json_agg out.
            else _sb.Append(type.IsArray || type.Id == TypeId.Record ? ", \n " : ", ");
            // Rows and arrays inside json_agg are written as row_to_json / array_to_json write them.
            JsonCasts.WriteJson(_sb, args[0], type, ctx.Settings, pretty: false);
        }
        public override object? Result(ExecContext ctx) => _sb is null ? null : _sb.ToString() + "]";
    }

    private sealed class JsonbAggAcc(SqlType type) : Accumulator
    {
        private List<JsonValue>? _items;
        public override void Add(object?[] args, ExecContext ctx) => (_items ??= []).Add(JsonCasts.ToJsonb(args[0], type, ctx.Settings));
        public override object? Result(ExecContext ctx) => _items is null ? null : JsonValue.Array(_items.ToArray());
    }

    private sealed class JsonObjectAggAcc(SqlType keyType, SqlType valueType) : Accumulator
    {
        private StringBuilder? _sb;
        public override void Add(object?[] args, ExecContext ctx)
        {
            var key = KeyText(args[0], keyType, ctx);
            if (_sb is null) _sb = new StringBuilder("{ ");
            else _sb.Append(", ");
            JsonValue.WriteString(_sb, key);
            _sb.Append(" : ");
            JsonCasts.WriteJson(_sb, args[1], valueType, ctx.Settings, pretty: false);
        }
        public override object? Result(ExecContext ctx) => _sb is null ? null : _sb.ToString() + " }";
    }

    private sealed class JsonbObjectAggAcc(SqlType keyType, SqlType valueType) : Accumulator
    {
        private List<string>? _keys;
        private readonly List<JsonValue> _values = [];
        public override void Add(object?[] args, ExecContext ctx)
        {
            (_keys ??= []).Add(KeyText(args[0], keyType, ctx));
            _values.Add(JsonCasts.ToJsonb(args[1], valueType, ctx.Settings));
        }
        public override object? Result(ExecContext ctx) => _keys is null ? null : JsonValue.Object(_keys, _values);
    }
}

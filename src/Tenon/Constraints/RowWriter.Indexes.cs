using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Execution.Expressions;

namespace Tenon.Constraints;

public sealed partial class RowWriter
{
    private (BoundExpr?[] Keys, BoundExpr? Predicate) IndexExpressions(TableDef table, IndexDef index)
    {
        // Bound key expressions and predicate of expression and partial indexes.
        var cache = Bound.IndexExpressions;
        if (cache.TryGetValue(index, out var bound)) return bound;
        var binder = new Binder(_ctx);
        var scope = TableScope(table);
        var keys = new BoundExpr?[index.Columns.Count];
        for (var i = 0; i < keys.Length; i++)
            if (index.HasExpressions && index.Expressions[i] is { } e)
                keys[i] = binder.TryCoerce(binder.BindExpr(e.Expr, scope), e.Type, Types.CastContext.Implicit);
        var predicate = index.Predicate is null ? null : binder.BindCondition(index.Predicate, scope, "WHERE");
        return cache[index] = (keys, predicate);
    }

    /// <summary>Whether a row belongs in the index: always, unless a partial index's predicate is not true for it.</summary>
    public bool IndexCovers(TableDef table, IndexDef index, object?[] row) =>
        index.Predicate is null || IndexExpressions(table, index).Predicate!.Eval(row, _ctx) is true;

    /// <summary>The index key of a row: column values, and expression keys evaluated.</summary>
    public object?[] IndexKey(TableDef table, IndexDef index, object?[] row)
    {
        if (!index.HasExpressions) return KeyOf(index, row);
        var keys = IndexExpressions(table, index).Keys;
        var key = new object?[index.Columns.Count];
        for (var i = 0; i < key.Length; i++)
            key[i] = index.Columns[i] != 0 ? row[index.Columns[i] - 1] : keys[i]!.Eval(row, _ctx);
        return key;
    }

    /// <summary>The key columns as "Key (…)" shows them: quoted column names and expression texts.</summary>
    public static string IndexKeyColumns(TableDef table, IndexDef index) =>
        string.Join(", ", index.Columns.Select((n, i) => n != 0 ? Errors.SqlErrors.QuoteIdentifier(table.Column(n).Name) : index.Expressions[i]!.Text));

    /// <summary>The key values as "=(…)" shows them.</summary>
    public string IndexKeyValues(TableDef table, IndexDef index, object?[] key) =>
        string.Join(", ", key.Select((v, i) => v is null ? "null" : _ctx.Session.FormatValue(v, index.KeyType(table, i))));
}

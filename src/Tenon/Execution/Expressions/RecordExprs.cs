using Tenon.Types;

namespace Tenon.Execution.Expressions;

/// <summary>
/// Field <paramref name="index"/> of a row value (NULL when the row is NULL). With
/// <paramref name="perRow"/>, the row is computed once per input row and shared by every field
/// read from the same source, as a multiple-column UPDATE's sub-select runs once per updated row.
/// </summary>
public sealed class RecordFieldExpr(BoundExpr source, int index, SqlType type, RowOnceCache? perRow = null) : BoundExpr
{
    public BoundExpr Source { get; } = source;
    public int Index { get; } = index;
    public override SqlType Type { get; } = type;

    public override object? Eval(object?[] row, ExecContext ctx)
    {
        var value = perRow is null ? Source.Eval(row, ctx) : perRow.Get(Source, row, ctx);
        return value is PgRecord r && Index < r.Fields.Length ? r.Fields[Index] : null;
    }

    public override IEnumerable<BoundExpr> Children => [Source];
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c) => new RecordFieldExpr(c[0], Index, Type, perRow);
    public override string Fingerprint => $"field({Source.Fingerprint}:{Index})";
}

/// <summary>The last row a shared source was evaluated for, and its value.</summary>
public sealed class RowOnceCache
{
    private object?[]? _row;
    private object? _value;

    public object? Get(BoundExpr source, object?[] row, ExecContext ctx)
    {
        if (!ReferenceEquals(row, _row))
        {
            _value = source.Eval(row, ctx);
            _row = row;
        }
        return _value;
    }
}

/// <summary>
/// A row value with field <paramref name="index"/> replaced (a NULL row becomes a row of NULLs
/// first), as assigning to <c>col.field</c> builds the column's new value.
/// </summary>
public sealed class RecordAssignExpr(BoundExpr record, int index, BoundExpr value, SqlType type) : BoundExpr
{
    public override SqlType Type { get; } = type;

    public override object? Eval(object?[] row, ExecContext ctx)
    {
        var composite = Type.BaseType.Composite!;
        var fields = record.Eval(row, ctx) is PgRecord r ? (object?[])r.Fields.Clone() : new object?[composite.Fields.Count];
        fields[index] = value.Eval(row, ctx);
        return new PgRecord(fields, composite.FieldTypes);
    }

    public override IEnumerable<BoundExpr> Children => [record, value];
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c) => new RecordAssignExpr(c[0], index, c[1], Type);
    public override string Fingerprint => $"setfield({record.Fingerprint}:{index}={value.Fingerprint})";
}

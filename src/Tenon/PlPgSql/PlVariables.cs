using Tenon.Errors;
using Tenon.Execution;
using Tenon.Execution.Expressions;
using Tenon.Types;

namespace Tenon.PlPgSql;

/// <summary>
/// A PL/pgSQL variable. A row or record variable holds its fields' values as object?[] in
/// <see cref="Value"/> with their names and types in <see cref="Fields"/> (null for a RECORD not
/// yet assigned).
/// </summary>
internal sealed class PlVar(string name, SqlType type)
{
    public string Name { get; } = name;
    public SqlType Type { get; set; } = type;
    public object? Value { get; set; }
    public bool Constant { get; init; }
    public bool NotNull { get; init; }
    public bool IsRecord { get; init; }
    public IReadOnlyList<(string Name, SqlType Type)>? Fields { get; set; }

    /// <summary>The value as SQL sees it: a row variable is a record value (NULL when the row is NULL).</summary>
    public object? SqlValue => IsRecord ? Value is object?[] row ? new PgRecord(row, Fields!.Select(f => f.Type).ToArray()) : null : Value;

    public SqlType SqlType => IsRecord ? SqlType.Record : Type;
}

/// <summary>A variable read inside an embedded SQL statement or expression.</summary>
internal sealed class PlVarExpr(PlVar v) : BoundExpr
{
    public override SqlType Type => v.SqlType;
    public override object? Eval(object?[] row, ExecContext ctx) => v.SqlValue;
    public override string Fingerprint => $"plvar#{v.GetHashCode()}";
}

/// <summary>A field of a row or record variable (NEW.col).</summary>
internal sealed class PlFieldExpr(PlVar v, int index, SqlType type) : BoundExpr
{
    public override SqlType Type { get; } = type;
    public override object? Eval(object?[] row, ExecContext ctx) => v.Value is object?[] r ? r[index] : null;
    public override string Fingerprint => $"plfield#{v.GetHashCode()}.{index}";
}

/// <summary>The nested scopes of a running block: innermost first, each with its label.</summary>
internal sealed class PlScopes : IVariableScope
{
    private readonly List<(string? Label, Dictionary<string, PlVar> Vars)> _scopes = new();
    private readonly string _routineName;

    public PlScopes(string routineName) => _routineName = routineName;

    public void Push(string? label) => _scopes.Add((label, new Dictionary<string, PlVar>(StringComparer.Ordinal)));
    public void Pop() => _scopes.RemoveAt(_scopes.Count - 1);
    public void Declare(PlVar v) => _scopes[^1].Vars[v.Name] = v;

    public PlVar? Find(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
            if (_scopes[i].Vars.TryGetValue(name, out var v)) return v;
        return null;
    }

    private PlVar? FindIn(string label, string name)
    {
        if (label == _routineName && _scopes.Count > 0 && _scopes[0].Vars.TryGetValue(name, out var fv)) return fv;
        for (var i = _scopes.Count - 1; i >= 0; i--)
            if (_scopes[i].Label == label && _scopes[i].Vars.TryGetValue(name, out var v)) return v;
        return null;
    }

    public BoundExpr? Resolve(IReadOnlyList<string> names, int position)
    {
        if (names.Count == 1) return Find(names[0]) is { } v ? new PlVarExpr(v) : null;
        if (names.Count == 2)
        {
            if (Find(names[0]) is { IsRecord: true } rec) return Field(rec, names[1], position);
            return FindIn(names[0], names[1]) is { } lv ? new PlVarExpr(lv) : null;
        }
        if (names.Count == 3 && FindIn(names[0], names[1]) is { IsRecord: true } qrec) return Field(qrec, names[2], position);
        return null;
    }

    public static BoundExpr Field(PlVar rec, string field, int position)
    {
        if (rec.Fields is null)
            throw new TenonException(SqlState.ObjectNotInPrerequisiteState, $"record \"{rec.Name}\" is not assigned yet",
                detail: "The tuple structure of a not-yet-assigned record is indeterminate.");
        for (var i = 0; i < rec.Fields.Count; i++)
            if (rec.Fields[i].Name == field) return new PlFieldExpr(rec, i, rec.Fields[i].Type);
        throw new TenonException(SqlState.UndefinedColumn, $"record \"{rec.Name}\" has no field \"{field}\"") { Position = position };
    }
}

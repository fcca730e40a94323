using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Catalog;

/// <summary>
/// A routine parameter as pg_proc keeps it: Mode is proargmodes' i (IN), o (OUT), b (INOUT),
/// v (VARIADIC) or t (a RETURNS TABLE column).
/// </summary>
public sealed record RoutineParamDef(string? Name, SqlType Type, char Mode, Expr? Default = null)
{
    public bool IsInput => Mode is 'i' or 'b' or 'v';
    public bool IsOutput => Mode is 'o' or 'b' or 't';
}

/// <summary>
/// A user-defined function or procedure (pg_proc). <see cref="ReturnType"/> is the declared result
/// type; a function returning a table's row type or several OUT columns returns a record whose
/// columns are <see cref="ResultColumns"/>. <see cref="Body"/> is the source text (prosrc).
/// </summary>
public sealed record RoutineDef(string Name, uint Oid, string Schema, IReadOnlyList<RoutineParamDef> Parameters, SqlType ReturnType, string Language, string Body)
{
    /// <summary>pg_proc.prokind: f (function), p (procedure) or a (aggregate, see <see cref="Aggregate"/>).</summary>
    public char Kind { get; init; } = 'f';
    public bool ReturnsSet { get; init; }
    /// <summary>RETURNS trigger (pg_type 2279, which Tenon has no SqlType for: <see cref="ReturnType"/> is then void).</summary>
    public bool IsTrigger { get; init; }
    /// <summary>pg_proc.provolatile: i, s or v.</summary>
    public char Volatility { get; init; } = 'v';
    public bool Strict { get; init; }
    public bool SecurityDefiner { get; init; }
    /// <summary>Oid of the table whose row type is returned, or 0.</summary>
    public uint ReturnRelation { get; init; }
    /// <summary>Name of the declared return type as written in errors (a table's name for its row type).</summary>
    public string ReturnTypeName { get; init; } = "";
    /// <summary>The columns of a composite result (OUT parameters, RETURNS TABLE, a table row type); null for a scalar result.</summary>
    public IReadOnlyList<(string Name, SqlType Type)>? ResultColumns { get; init; }

    /// <summary>The pg_aggregate part of an aggregate (Kind 'a'); null for other routines.</summary>
    public AggregateDef? Aggregate { get; init; }

    public IEnumerable<RoutineParamDef> InputParameters => Parameters.Where(p => p.IsInput);
    public IReadOnlyList<SqlType> InputTypes => Parameters.Where(p => p.IsInput).Select(p => p.Type).ToList();
}

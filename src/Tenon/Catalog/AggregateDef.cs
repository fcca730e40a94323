using Tenon.Types;

namespace Tenon.Catalog;

/// <summary>
/// A support function of a user-defined aggregate (its state or final function): a user
/// function by <see cref="Oid"/>, or a built-in one (Oid 0) found again by <see cref="Name"/> and
/// <see cref="ArgTypes"/> when the aggregate is called, since Tenon's built-ins have no oids.
/// </summary>
public sealed record AggregateSupportDef(string Name, uint Oid, IReadOnlyList<SqlType> ArgTypes, SqlType ReturnType, bool Strict);

/// <summary>
/// What pg_aggregate keeps for a user-defined aggregate (CREATE AGGREGATE): the state function
/// (aggtransfn), the optional final function (aggfinalfn, called with extra NULL arguments when
/// <see cref="FinalExtra"/>), the state type (aggtranstype) and the initial state as written
/// (agginitval, read with the state type's input function; null when the state starts NULL).
/// The aggregate itself is the <see cref="RoutineDef"/> (prokind 'a') holding this.
/// </summary>
public sealed record AggregateDef(AggregateSupportDef Transition, SqlType StateType)
{
    public AggregateSupportDef? Final { get; init; }
    public bool FinalExtra { get; init; }
    public string? InitialValue { get; init; }
}

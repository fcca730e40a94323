using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_aggregate: the user-defined aggregates (CREATE AGGREGATE), all of kind 'n' (normal). Tenon's
/// built-in aggregates have no pg_proc rows and so none here; a state or final function that is
/// one of Tenon's built-ins has no oid and reads as 0 ("-"). "char" columns are text.
/// </summary>
public static class PgAggregate
{
    public static SystemRelation Relation { get; } = new("pg_aggregate", 2600,
        [
            new("aggfnoid", SqlType.RegProc), new("aggkind", SqlType.Text), new("aggnumdirectargs", SqlType.Int2),
            new("aggtransfn", SqlType.RegProc), new("aggfinalfn", SqlType.RegProc), new("aggcombinefn", SqlType.RegProc),
            new("aggserialfn", SqlType.RegProc), new("aggdeserialfn", SqlType.RegProc), new("aggmtransfn", SqlType.RegProc),
            new("aggminvtransfn", SqlType.RegProc), new("aggmfinalfn", SqlType.RegProc), new("aggfinalextra", SqlType.Bool),
            new("aggmfinalextra", SqlType.Bool), new("aggfinalmodify", SqlType.Text), new("aggmfinalmodify", SqlType.Text),
            new("aggsortop", SqlType.Oid), new("aggtranstype", SqlType.Oid), new("aggtransspace", SqlType.Int4),
            new("aggmtranstype", SqlType.Oid), new("aggmtransspace", SqlType.Int4), new("agginitval", SqlType.Text), new("aggminitval", SqlType.Text),
        ],
        catalog => catalog.Functions.Values.Where(f => f.Aggregate is not null).OrderBy(f => f.Oid).Select(f =>
        {
            var a = f.Aggregate!;
            return new object?[]
            {
                f.Oid, "n", (short)0, a.Transition.Oid, a.Final?.Oid ?? 0u, 0u, 0u, 0u, 0u, 0u, 0u, a.FinalExtra,
                false, "r", "r", 0u, a.StateType.CatalogOid, 0, 0u, 0, a.InitialValue, null,
            };
        }));
}

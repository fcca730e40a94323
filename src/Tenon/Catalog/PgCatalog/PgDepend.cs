using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_depend: the dependencies between the relations and constraints Tenon keeps, as PostgreSQL
/// records them: tables and free sequences on their schema ('n'); a plain index on each column it
/// keys ('a'), an index that implements a constraint on that constraint ('i'); a key or foreign-key
/// constraint on its columns ('a'), a foreign key also on the referenced columns and unique
/// index ('n'); an owned sequence on its column ('a' for serial, 'i' for identity). Not listed
/// yet: the columns a CHECK constraint, an expression index or a default uses, and views.
/// "char" deptype is shown as text.
/// </summary>
public static class PgDepend
{
    private const uint PgClassOid = 1259, PgConstraintOid = 2606, PgNamespaceOid = 2615;

    public static SystemRelation Relation { get; } = new("pg_depend", 2608,
        [
            new("classid", SqlType.Oid), new("objid", SqlType.Oid), new("objsubid", SqlType.Int4),
            new("refclassid", SqlType.Oid), new("refobjid", SqlType.Oid), new("refobjsubid", SqlType.Int4), new("deptype", SqlType.Text),
        ],
        Rows);

    private static object?[] Row(uint classId, uint objId, uint refClassId, uint refObjId, int refSubId, char type) =>
        [classId, objId, 0, refClassId, refObjId, refSubId, type.ToString()];

    private static IEnumerable<object?[]> Rows(SystemCatalog catalog)
    {
        foreach (var table in catalog.Tables.Values.OrderBy(t => t.Oid))
        {
            yield return Row(PgClassOid, table.Oid, PgNamespaceOid, SchemaOids.Of(catalog, table.Schema), 0, 'n');
            foreach (var index in table.Indexes)
            {
                var constraint = index.ConstraintName is null ? null
                    : table.Constraints.FirstOrDefault(c => c is KeyConstraintDef k && k.IndexOid == index.Oid);
                if (constraint is not null)
                    yield return Row(PgClassOid, index.Oid, PgConstraintOid, constraint.Oid, 0, 'i');
                else
                    foreach (var col in index.Columns.Where(c => c > 0).Distinct())
                        yield return Row(PgClassOid, index.Oid, PgClassOid, table.Oid, col, 'a');
            }
            foreach (var c in table.Constraints)
            {
                switch (c)
                {
                    case KeyConstraintDef k:
                        foreach (var col in k.Columns) yield return Row(PgConstraintOid, k.Oid, PgClassOid, table.Oid, col, 'a');
                        break;
                    case ForeignKeyDef fk:
                        foreach (var col in fk.Columns) yield return Row(PgConstraintOid, fk.Oid, PgClassOid, table.Oid, col, 'a');
                        foreach (var col in fk.ParentColumns) yield return Row(PgConstraintOid, fk.Oid, PgClassOid, fk.ParentTableOid, col, 'n');
                        if (fk.ParentIndexOid != 0) yield return Row(PgConstraintOid, fk.Oid, PgClassOid, fk.ParentIndexOid, 0, 'n');
                        break;
                }
            }
        }
        foreach (var seq in catalog.Sequences.Values.OrderBy(s => s.Oid))
        {
            if (seq.OwnerTableOid == 0)
            {
                yield return Row(PgClassOid, seq.Oid, PgNamespaceOid, SchemaOids.Of(catalog, seq.Schema), 0, 'n');
                continue;
            }
            var identity = catalog.Tables.TryGetValue(seq.OwnerTableOid, out var owner)
                && owner.Columns.Any(c => c.Number == seq.OwnerColumn && c.Identity != IdentityKind.None);
            yield return Row(PgClassOid, seq.Oid, PgClassOid, seq.OwnerTableOid, seq.OwnerColumn, identity ? 'i' : 'a');
        }
    }
}

using Tenon.Catalog;

namespace Tenon.Execution;

/// <summary>
/// pg_describe_object(classid, objid, objsubid) for the catalogs Tenon keeps: relations
/// (pg_class, with a column for a subid) and constraints (pg_constraint, also a key's rows for
/// the partitions of its referenced table), named as the session's search path would print them
/// ("table fk", "constraint fk_a_fkey on table fk", "column a of table t"). NULL for what it
/// does not describe.
/// </summary>
public static class ObjectDescriptions
{
    private const uint PgClass = 1259, PgConstraint = 2606;

    public static string? Describe(ExecContext ctx, uint classId, uint objId, int subId)
    {
        var catalog = ctx.Transaction.Catalog;
        var path = ctx.Session.SearchPath;
        string Relation(uint oid) => RegClassName.Format(oid, catalog, path);
        switch (classId)
        {
            case PgClass:
            {
                var kind = catalog.RelationKind(objId);
                if (kind == '\0') return null;
                var noun = kind switch { 'v' => "view", 'm' => "materialized view", 'S' => "sequence", 'i' => "index", _ => "table" };
                if (subId != 0 && catalog.Tables.TryGetValue(objId, out var t))
                    return t.Columns.FirstOrDefault(c => c.Number == subId) is { } col ? $"column {col.Name} of {noun} {Relation(objId)}" : null;
                return $"{noun} {Relation(objId)}";
            }
            case PgConstraint:
                foreach (var table in catalog.Tables.Values)
                    foreach (var c in table.Constraints)
                    {
                        if (c.Oid == objId) return $"constraint {c.Name} on table {Relation(table.Oid)}";
                        if (c is ForeignKeyDef { ReferencedPartitions.Count: > 0 } fk && fk.ReferencedPartitions.FirstOrDefault(r => r.Oid == objId) is { } row)
                            return $"constraint {row.Name} on table {Relation(table.Oid)}";
                    }
                foreach (var d in catalog.UserTypes.Values.OfType<DomainDef>())
                    foreach (var c in d.Constraints)
                        if (c.Oid == objId) return $"constraint {c.Name} on domain {d.Name}";
                return null;
            default:
                return null;
        }
    }
}

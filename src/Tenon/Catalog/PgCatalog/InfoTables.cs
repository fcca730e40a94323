using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// information_schema.tables: one row per table (BASE TABLE, or LOCAL TEMPORARY for a temporary
/// one) and view; a view is insertable into when it is automatically updatable or has an INSTEAD OF INSERT trigger.
/// </summary>
public static class InfoTables
{
    public static SystemRelation Relation { get; } = new("tables", 13425,
        [
            InformationSchema.Identifier("table_catalog"), InformationSchema.Identifier("table_schema"), InformationSchema.Identifier("table_name"),
            InformationSchema.CharacterData("table_type"), InformationSchema.Identifier("self_referencing_column_name"),
            InformationSchema.CharacterData("reference_generation"), InformationSchema.Identifier("user_defined_type_catalog"),
            InformationSchema.Identifier("user_defined_type_schema"), InformationSchema.Identifier("user_defined_type_name"),
            InformationSchema.YesOrNo("is_insertable_into"), InformationSchema.YesOrNo("is_typed"), InformationSchema.CharacterData("commit_action"),
        ],
        Rows);

    private static IEnumerable<object?[]> Rows(SystemCatalog catalog, string database)
    {
        foreach (var oid in catalog.RelationsByName.Values.Order())
        {
            if (catalog.Tables.TryGetValue(oid, out var t) && !t.IsMatView)
            {
                var temporary = t.Temporary;
                yield return
                [
                    database, InformationSchema.SchemaName(t.Schema), t.Name, temporary ? "LOCAL TEMPORARY" : "BASE TABLE",
                    null, null, null, null, null, "YES", "NO", null,
                ];
            }
            else if (catalog.Views.TryGetValue(oid, out var v))
            {
                // As PostgreSQL's pg_relation_is_updatable: automatically insertable, or an INSTEAD OF INSERT trigger.
                var insertable = InfoViews.AutoUpdatable(catalog, v).Insertable
                    || catalog.Routines.Triggers.Values.Any(t => t.TableOid == v.Oid && t.Timing == 'I' && t.Events.Contains("INSERT", StringComparer.OrdinalIgnoreCase));
                yield return [database, InformationSchema.SchemaName(v.Schema), v.Name, "VIEW", null, null, null, null, null, InformationSchema.YesNo(insertable), "NO", null];
            }
        }
    }
}

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// information_schema.table_constraints: the PRIMARY KEY, UNIQUE, FOREIGN KEY and CHECK
/// constraints of each table (exclusion constraints are not SQL-standard and are left out), and,
/// as PostgreSQL 15 lists them, each NOT NULL column as a CHECK constraint named by
/// <see cref="InformationSchema.NotNullName"/>. nulls_distinct is given for UNIQUE constraints only.
/// </summary>
public static class InfoTableConstraints
{
    public static SystemRelation Relation { get; } = new("table_constraints", 13411,
        [
            InformationSchema.Identifier("constraint_catalog"), InformationSchema.Identifier("constraint_schema"),
            InformationSchema.Identifier("constraint_name"), InformationSchema.Identifier("table_catalog"),
            InformationSchema.Identifier("table_schema"), InformationSchema.Identifier("table_name"),
            InformationSchema.CharacterData("constraint_type"), InformationSchema.YesOrNo("is_deferrable"),
            InformationSchema.YesOrNo("initially_deferred"), InformationSchema.YesOrNo("enforced"), InformationSchema.YesOrNo("nulls_distinct"),
        ],
        Rows);

    private static IEnumerable<object?[]> Rows(SystemCatalog catalog, string database)
    {
        foreach (var table in InformationSchema.Tables(catalog))
        {
            var schema = InformationSchema.SchemaName(table.Schema);
            foreach (var c in table.Constraints.OrderBy(c => c.Oid))
            {
                var type = c switch
                {
                    KeyConstraintDef { IsExclusion: true } => null,
                    KeyConstraintDef { IsPrimary: true } => "PRIMARY KEY",
                    KeyConstraintDef => "UNIQUE",
                    ForeignKeyDef => "FOREIGN KEY",
                    _ => "CHECK",
                };
                if (type is null) continue;
                yield return
                [
                    database, schema, c.Name, database, schema, table.Name, type,
                    InformationSchema.YesNo(c.Deferrable), InformationSchema.YesNo(c.InitiallyDeferred), "YES",
                    c is KeyConstraintDef { IsPrimary: false } k ? InformationSchema.YesNo(!k.NullsNotDistinct) : null,
                ];
            }
            foreach (var col in table.LiveColumns.Where(col => col.NotNull))
                yield return [database, schema, InformationSchema.NotNullName(catalog, table, col), database, schema, table.Name, "CHECK", "NO", "NO", "YES", null];
        }
    }
}

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// information_schema.constraint_column_usage: the columns each constraint uses: those a CHECK
/// expression refers to, the key columns of a PRIMARY KEY or UNIQUE constraint, and for a
/// FOREIGN KEY the referenced columns (so the row names the referenced table). The table is the
/// one the column belongs to; the constraint schema is that of the constraint's own table.
/// </summary>
public static class InfoConstraintColumnUsage
{
    public static SystemRelation Relation { get; } = new("constraint_column_usage", 13300,
        [
            InformationSchema.Identifier("table_catalog"), InformationSchema.Identifier("table_schema"),
            InformationSchema.Identifier("table_name"), InformationSchema.Identifier("column_name"),
            InformationSchema.Identifier("constraint_catalog"), InformationSchema.Identifier("constraint_schema"),
            InformationSchema.Identifier("constraint_name"),
        ],
        Rows);

    private static IEnumerable<object?[]> Rows(SystemCatalog catalog, string database)
    {
        foreach (var table in InformationSchema.Tables(catalog))
            foreach (var c in table.Constraints.OrderBy(c => c.Oid))
            {
                var (target, columns) = c switch
                {
                    CheckConstraintDef ck => (table, ck.Columns.Order().ToArray()),
                    KeyConstraintDef { IsExclusion: false } k => (table, k.Columns),
                    ForeignKeyDef fk when catalog.Tables.TryGetValue(fk.ParentTableOid, out var parent) => (parent, fk.ParentColumns),
                    _ => (table, Array.Empty<short>()),
                };
                foreach (var n in columns)
                    yield return
                    [
                        database, InformationSchema.SchemaName(target.Schema), target.Name, target.Column(n).Name,
                        database, InformationSchema.SchemaName(table.Schema), c.Name,
                    ];
            }
    }
}

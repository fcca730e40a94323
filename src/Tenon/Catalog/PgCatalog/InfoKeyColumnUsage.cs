namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// information_schema.key_column_usage: one row per column of each PRIMARY KEY, UNIQUE and
/// FOREIGN KEY constraint, with its position in the key; for a foreign key,
/// position_in_unique_constraint is the position of the referenced column in the referenced
/// table's unique index.
/// </summary>
public static class InfoKeyColumnUsage
{
    public static SystemRelation Relation { get; } = new("key_column_usage", 13329,
        [
            InformationSchema.Identifier("constraint_catalog"), InformationSchema.Identifier("constraint_schema"),
            InformationSchema.Identifier("constraint_name"), InformationSchema.Identifier("table_catalog"),
            InformationSchema.Identifier("table_schema"), InformationSchema.Identifier("table_name"),
            InformationSchema.Identifier("column_name"), InformationSchema.CardinalNumber("ordinal_position"),
            InformationSchema.CardinalNumber("position_in_unique_constraint"),
        ],
        Rows);

    private static IEnumerable<object?[]> Rows(SystemCatalog catalog, string database)
    {
        foreach (var table in InformationSchema.Tables(catalog))
        {
            var schema = InformationSchema.SchemaName(table.Schema);
            foreach (var c in table.Constraints.OrderBy(c => c.Oid))
            {
                IReadOnlyList<short> columns;
                IReadOnlyList<short>? referencedIndexColumns = null;
                IReadOnlyList<short>? referenced = null;
                switch (c)
                {
                    case KeyConstraintDef { IsExclusion: false } k:
                        columns = k.Columns;
                        break;
                    case ForeignKeyDef fk:
                        columns = fk.Columns;
                        referenced = fk.ParentColumns;
                        referencedIndexColumns = catalog.Indexes.TryGetValue(fk.ParentIndexOid, out var index) ? index.Columns : null;
                        break;
                    default:
                        continue;
                }
                for (var i = 0; i < columns.Count; i++)
                {
                    var position = referenced is null || referencedIndexColumns is null ? (int?)null
                        : IndexOf(referencedIndexColumns, referenced[i]) + 1;
                    yield return [database, schema, c.Name, database, schema, table.Name, table.Column(columns[i]).Name, i + 1, position];
                }
            }
        }
    }

    private static int IndexOf(IReadOnlyList<short> list, short value)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == value) return i;
        return -1;
    }
}

using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_attribute: the columns of every table, dropped ones included as PostgreSQL keeps them
/// (named <c>........pg.dropped.N........</c>, type 0). The system column xmin (the only one
/// Tenon has) is not listed: there are no rows with attnum &lt; 0. Index columns are listed as PostgreSQL names them (the
/// column, or the function of an expression key, else "expr"; repeats numbered); a view's output
/// columns are listed as they were when it was made; sequence columns are not listed yet.
/// The "char" columns are shown as text; attacl is text[] (aclitem[] in PostgreSQL); attfdwoptions and attmissingval are left out (attoptions follows attcollation).
/// </summary>
public static class PgAttribute
{
    public static SystemRelation Relation { get; } = new("pg_attribute", 1249,
        [
            new("attrelid", SqlType.Oid), new("attname", SqlType.Name), new("atttypid", SqlType.Oid), new("attstattarget", SqlType.Int4),
            new("attlen", SqlType.Int2), new("attnum", SqlType.Int2), new("attndims", SqlType.Int4), new("attcacheoff", SqlType.Int4),
            new("atttypmod", SqlType.Int4), new("attbyval", SqlType.Bool), new("attalign", SqlType.Text), new("attstorage", SqlType.Text),
            new("attcompression", SqlType.Text), new("attnotnull", SqlType.Bool), new("atthasdef", SqlType.Bool),
            new("atthasmissing", SqlType.Bool), new("attidentity", SqlType.Text), new("attgenerated", SqlType.Text),
            new("attisdropped", SqlType.Bool), new("attislocal", SqlType.Bool), new("attinhcount", SqlType.Int4),
            new("attcollation", SqlType.Oid), new("attacl", SqlType.ArrayOf(SqlType.Text)), new("attoptions", SqlType.ArrayOf(SqlType.Text)),
        ],
        Rows);

    /// <summary>attacl: the column's grants (<see cref="ColumnAcl"/>), null when there are none.</summary>
    private static PgArray? ColumnAcl(SystemCatalog catalog, uint table, short column) =>
        catalog.Auth.Objects.TryGetValue(new ObjectKey(ObjectKey.Relation, table), out var o) && o.Columns.FirstOrDefault(c => c.Column == column) is { } ca
            ? Execution.Privileges.Format(catalog, ca.Acl) : null;

    private static IEnumerable<object?[]> Rows(SystemCatalog catalog)
    {
        foreach (var table in catalog.Tables.Values.OrderBy(t => t.Oid))
            foreach (var c in table.Columns)
            {
                if (c.IsDropped)
                {
                    yield return
                    [
                        table.Oid, $"........pg.dropped.{c.Number}........", 0u, 0, (short)-1, c.Number, 0, -1,
                        -1, false, "c", "p", "", false, false, false, "", "", true, true, 0, 0u, null, null,
                    ];
                    continue;
                }
                var t = BuiltinTypes.ByOid(c.Type.TypeOid);
                yield return
                [
                    table.Oid, c.Name, c.Type.CatalogOid, c.Statistics ?? -1, c.Type.StorageLength, c.Number, 0, -1,
                    c.Type.Domain is null ? c.Type.TypeModifier : -1, t?.ByValue ?? c.Type.Id == Types.TypeId.Enum, (t?.Align ?? 'i').ToString(),
                    (c.Storage ?? Execution.DdlExecutor.DefaultStorage(c.Type)).ToString(), c.Compression?.ToString() ?? "",
                    c.NotNull, PgAttrdef.StoredDefault(c) is not null, false,
                    c.Identity switch { Catalog.IdentityKind.Always => "a", Catalog.IdentityKind.ByDefault => "d", _ => "" },
                    c.Generated is null ? "" : "s", false, c.IsLocal, c.InheritCount, t?.Collation ?? 0u, ColumnAcl(catalog, table.Oid, c.Number), c.Options.Count > 0 ? PgArray.Of(SqlType.Text, c.Options.ToArray<object?>()) : null,
                ];
            }
        foreach (var index in catalog.Indexes.Values.OrderBy(i => i.Oid))
        {
            var table = catalog.Table(index.TableOid);
            var names = IndexColumnNames(table, index);
            for (var i = 0; i < names.Count; i++)
            {
                // A hash index stores only the 32-bit hash code, so PostgreSQL types its columns int4;
                // a GIN key column holds the operator class's key type (an array's elements, text for tsvector and jsonb).
                var type = index.AccessMethod == "hash" ? SqlType.Int4 : index.AttributeType(table, i);
                if (index.AccessMethod == "gin" && i < index.Columns.Count)
                    type = type.IsArray ? type.Element! : type.Id is Types.TypeId.TsVector or Types.TypeId.Jsonb ? SqlType.Text : type;
                var t = BuiltinTypes.ByOid(type.TypeOid);
                yield return
                [
                    index.Oid, names[i], type.TypeOid, index.StatisticsTarget(i), type.StorageLength, (short)(i + 1), 0, -1,
                    i >= index.Columns.Count || index.Columns[i] != 0 ? type.TypeModifier : -1, t?.ByValue ?? false, (t?.Align ?? 'i').ToString(),
                    (IndexedColumn(table, index, i)?.Storage ?? t?.Storage ?? 'p').ToString(), "",
                    false, false, false, "", "", false, true, 0, t?.Collation ?? 0u, null, null,
                ];
            }
        }
        foreach (var composite in catalog.UserTypes.Values.OfType<CompositeTypeDef>().OrderBy(c => c.RelationOid))
            for (var i = 0; i < composite.Fields.Count; i++)
            {
                var f = composite.Fields[i];
                var t = BuiltinTypes.ByOid(f.Type.TypeOid);
                yield return
                [
                    composite.RelationOid, f.Name, f.Type.CatalogOid, -1, f.Type.StorageLength, (short)(i + 1), 0, -1,
                    f.Type.Domain is null ? f.Type.TypeModifier : -1, t?.ByValue ?? false, (t?.Align ?? 'i').ToString(),
                    Execution.DdlExecutor.DefaultStorage(f.Type).ToString(), "",
                    false, false, false, "", "", false, true, 0, t?.Collation ?? 0u, null, null,
                ];
            }
        foreach (var view in catalog.Views.Values.OrderBy(v => v.Oid))
            for (var i = 0; i < view.Columns.Count; i++)
            {
                var c = view.Columns[i];
                var t = BuiltinTypes.ByOid(c.Type.TypeOid);
                yield return
                [
                    view.Oid, c.Name, c.Type.TypeOid, -1, c.Type.StorageLength, (short)(i + 1), 0, -1,
                    c.Type.TypeModifier, t?.ByValue ?? false, (t?.Align ?? 'i').ToString(), (t?.Storage ?? 'p').ToString(), "",
                    false, false, false, "", "", false, true, 0, t?.Collation ?? 0u, null, null,
                ];
            }
    }

    /// <summary>The table column an index column holds as it is (not an expression), whose SET STORAGE it shares; else null.</summary>
    private static ColumnDef? IndexedColumn(TableDef table, IndexDef index, int i)
    {
        var number = i < index.Columns.Count ? index.Columns[i] : index.IncludeColumns[i - index.Columns.Count];
        return number != 0 && index.AccessMethod != "hash" ? table.Column(number) : null;
    }

    /// <summary>PostgreSQL's names for index columns: the column's name, an expression's function name or "expr", made unique with a number.</summary>
    public static IReadOnlyList<string> IndexColumnNames(TableDef table, IndexDef index)
    {
        var baseNames = index.Columns.Select((c, i) => c != 0 ? table.Column(c).Name
                : index.Expressions[i]!.Expr is Sql.Ast.FunctionCall f ? f.Name.Name : "expr")
            .Concat(index.IncludeColumns.Select(c => table.Column(c).Name));
        return NameGenerator.DistinctColumnNames(baseNames);
    }
}

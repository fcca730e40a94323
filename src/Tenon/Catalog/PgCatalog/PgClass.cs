using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_class: one row per user relation (tables, indexes, sequences, views), with PostgreSQL 15's
/// columns in its order. Left out: relfrozenxid and relminmxid; relacl (aclitem[]) is text[], which prints the same; reloptions
/// holds a table's storage parameters (an index's are not kept). relkind, relpersistence and relreplident ("char") are
/// text; relpartbound (pg_node_tree) is text: for a partition a token that pg_get_expr renders from the bound Tenon keeps in its own form (Execution/PartitionBoundText.cs).
/// reltype is the row type of a table, matview or view (a composite type's own for relkind 'c').
/// Tenon keeps no toast tables or statistics: reltoastrelid is 0,
/// relpages 0 and reltuples -1 (never analyzed). Every relation is owned by the bootstrap
/// superuser, uses the default tablespace, and tables use heap and indexes btree.
/// </summary>
public static class PgClass
{
    public const uint HeapAm = 2, BtreeAm = 403, HashAm = 405, GistAm = 783, GinAm = 2742, SpGistAm = 4000;

    public static uint AmOid(string method) => method switch { "hash" => HashAm, "gist" => GistAm, "gin" => GinAm, "spgist" => SpGistAm, _ => BtreeAm };

    public static SystemRelation Relation { get; } = new("pg_class", 1259,
        [
            new("oid", SqlType.Oid), new("relname", SqlType.Name), new("relnamespace", SqlType.Oid), new("reltype", SqlType.Oid),
            new("reloftype", SqlType.Oid), new("relowner", SqlType.Oid), new("relam", SqlType.Oid), new("relfilenode", SqlType.Oid),
            new("reltablespace", SqlType.Oid), new("relpages", SqlType.Int4), new("reltuples", SqlType.Float4),
            new("relallvisible", SqlType.Int4), new("reltoastrelid", SqlType.Oid), new("relhasindex", SqlType.Bool),
            new("relisshared", SqlType.Bool), new("relpersistence", SqlType.Text), new("relkind", SqlType.Text),
            new("relnatts", SqlType.Int2), new("relchecks", SqlType.Int2), new("relhasrules", SqlType.Bool),
            new("relhastriggers", SqlType.Bool), new("relhassubclass", SqlType.Bool), new("relrowsecurity", SqlType.Bool),
            new("relforcerowsecurity", SqlType.Bool), new("relispopulated", SqlType.Bool), new("relreplident", SqlType.Text),
            new("relispartition", SqlType.Bool), new("relrewrite", SqlType.Oid), new("reloptions", SqlType.ArrayOf(SqlType.Text)),
            new("relpartbound", SqlType.Text), new("relacl", SqlType.ArrayOf(SqlType.Text)),
        ],
        Rows);

    /// <summary>The relations' rows and, in oid order among them, those of composite types (relkind 'c').</summary>
    private static IEnumerable<object?[]> Rows(SystemCatalog catalog) =>
        RelationRows(catalog).Concat(CompositeTypeRows(catalog)).OrderBy(r => (uint)r[0]!);

    /// <summary>The composite type whose pg_class row has this oid, or null.</summary>
    public static CompositeTypeDef? CompositeTypeByRelation(SystemCatalog catalog, uint oid) =>
        oid == 0 ? null : catalog.UserTypes.Values.OfType<CompositeTypeDef>().FirstOrDefault(c => c.RelationOid == oid);

    private static IEnumerable<object?[]> CompositeTypeRows(SystemCatalog catalog)
    {
        foreach (var c in catalog.UserTypes.Values.OfType<CompositeTypeDef>())
            yield return
            [
                c.RelationOid, c.Name, SchemaOids.Of(catalog, c.Schema), c.Oid,
                0u, SchemaOids.BootstrapSuperuser, 0u, 0u,
                0u, 0, -1f,
                0, 0u, false,
                false, SearchPath.IsTempSchema(c.Schema) ? "t" : "p", "c",
                (short)c.Fields.Count, (short)0, false,
                false, false, false,
                false, true, "n",
                false, 0u, null, null, null,
            ];
    }

    private static IEnumerable<object?[]> RelationRows(SystemCatalog catalog)
    {
        var withUserTriggers = catalog.Routines.Triggers.Values.Select(t => t.TableOid).ToHashSet();
        foreach (var oid in catalog.RelationsByName.Values.Order())
        {
            var schema = catalog.RelationSchema(oid);
            var table = catalog.Tables.GetValueOrDefault(oid);
            // An index has its table's persistence.
            var persisting = table ?? (catalog.Indexes.TryGetValue(oid, out var ix) ? catalog.Tables.GetValueOrDefault(ix.TableOid) : null);
            var persistence = SearchPath.IsTempSchema(schema) ? "t"
                : persisting?.Unlogged == true || catalog.Sequences.TryGetValue(oid, out var sq) && sq.Unlogged ? "u" : "p";
            object?[] Row(char kind, uint am, bool hasIndex, int natts, int checks, bool hasTriggers, bool populated = true) =>
            [
                oid, catalog.RelationName(oid), SchemaOids.Of(catalog, schema), catalog.RowTypeOfRelation(oid)?.Oid ?? 0u,
                table?.OfType ?? 0u, catalog.Auth.OwnerOf(new ObjectKey(ObjectKey.Relation, catalog.Indexes.TryGetValue(oid, out var ownIx) ? ownIx.TableOid : oid)), am, kind is 'v' or 'p' || persisting?.IsPartitioned == true ? 0u : oid,
                0u, 0, -1f,
                0, 0u, hasIndex,
                false, persistence, kind.ToString(),
                (short)natts, (short)checks, kind is 'v' or 'm',
                hasTriggers, table is not null && (table.IsPartitioned && catalog.Tables.Values.Any(c => c.PartitionParent == oid) || catalog.HasInheritanceChildren(oid)), false,
                false, populated, kind is 'r' or 'p' or 'm' ? (table?.ReplicaIdentity ?? 'd').ToString() : "n",
                table?.IsPartition == true, 0u, table is { Options.Count: > 0 } ? PgArray.Of(SqlType.Text, table.Options.ToArray<object?>()) : null, table?.IsPartition == true ? Execution.PartitionBoundText.Tree : null,
                kind is 'i' or 'I' ? null : Execution.Privileges.AclText(catalog, new ObjectKey(ObjectKey.Relation, oid)),
            ];
            if (catalog.Tables.TryGetValue(oid, out var m) && m.MatView is { } mv)
                yield return Row('m', HeapAm, m.Indexes.Count > 0, m.Columns.Count, 0, false, mv.Populated);
            else if (catalog.Tables.TryGetValue(oid, out var t))
                // Foreign keys are enforced by triggers in PostgreSQL, on both tables involved.
                yield return Row(t.IsPartitioned ? 'p' : 'r', t.IsPartitioned ? 0 : HeapAm, t.Indexes.Count > 0, t.Columns.Count, t.Checks.Count(),
                    t.ForeignKeys.Any() || catalog.ReferencingForeignKeys(oid).Count > 0 || withUserTriggers.Contains(oid));
            else if (catalog.Indexes.TryGetValue(oid, out var i))
            {
                // An index of a partitioned table is a partitioned index ('I'), which has no storage.
                var partitioned = catalog.Tables.TryGetValue(i.TableOid, out var it) && it.IsPartitioned;
                var row = Row(partitioned ? 'I' : 'i', AmOid(i.AccessMethod), false, i.Columns.Count + i.IncludeColumns.Count, 0, false);
                row[7] = partitioned ? 0u : i.RelFileNode;
                row[21] = partitioned && catalog.Indexes.Values.Any(c => c.ParentIndexOid == i.Oid);
                row[26] = i.ParentIndexOid != 0;
                if (i.Options.Count > 0) row[28] = PgArray.Of(SqlType.Text, i.Options.ToArray<object?>());
                yield return row;
            }
            else if (catalog.Sequences.ContainsKey(oid))
                yield return Row('S', 0, false, 3, 0, false);
            else if (catalog.Views.TryGetValue(oid, out var v))
            {
                var row = Row('v', 0, false, v.Columns.Count, 0, withUserTriggers.Contains(oid));
                if (v.Options.Count > 0) row[28] = PgArray.Of(SqlType.Text, v.Options.ToArray<object?>());
                yield return row;
            }
        }
    }
}

using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// Catalogs of objects Tenon does not have: row-level
/// security policies (pg_policy), extended statistics (pg_statistic_ext) and logical replication
/// publications (pg_publication, pg_publication_rel, pg_publication_namespace). They exist, with
/// PostgreSQL's columns, so that queries joining them (psql's \d) run, and they are empty.
/// "char" columns are text and pg_node_tree columns text; the int2vector columns (stxkeys, prattrs)
/// are int2[] and stxkind ("char"[]) is text[].
/// </summary>
public static class PgAbsentObjects
{
    private static SystemRelation Empty(string name, uint oid, SystemColumn[] columns) => new(name, oid, columns, _ => []);


    public static SystemRelation Policy { get; } = Empty("pg_policy", 3256,
        [
            new("oid", SqlType.Oid), new("polname", SqlType.Name), new("polrelid", SqlType.Oid), new("polcmd", SqlType.Text),
            new("polpermissive", SqlType.Bool), new("polroles", SqlType.ArrayOf(SqlType.Oid)), new("polqual", SqlType.Text), new("polwithcheck", SqlType.Text),
        ]);

    public static SystemRelation Publication { get; } = Empty("pg_publication", 6104,
        [
            new("oid", SqlType.Oid), new("pubname", SqlType.Name), new("pubowner", SqlType.Oid), new("puballtables", SqlType.Bool),
            new("pubinsert", SqlType.Bool), new("pubupdate", SqlType.Bool), new("pubdelete", SqlType.Bool),
            new("pubtruncate", SqlType.Bool), new("pubviaroot", SqlType.Bool),
        ]);

    public static SystemRelation PublicationRel { get; } = Empty("pg_publication_rel", 6106,
        [new("oid", SqlType.Oid), new("prpubid", SqlType.Oid), new("prrelid", SqlType.Oid), new("prqual", SqlType.Text), new("prattrs", SqlType.ArrayOf(SqlType.Int2))]);

    public static SystemRelation PublicationNamespace { get; } = Empty("pg_publication_namespace", 6237,
        [new("oid", SqlType.Oid), new("pnpubid", SqlType.Oid), new("pnnspid", SqlType.Oid)]);
}

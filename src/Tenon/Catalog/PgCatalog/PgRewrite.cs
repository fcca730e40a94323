using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_rewrite: the _RETURN rule every view and materialized view has (Tenon has no other rules).
/// ev_type, ev_enabled ("char") are text as pg_class's "char" columns are; ev_action holds the
/// query as SQL text, as the other pg_node_tree columns do; ev_qual is PostgreSQL's empty tree.
/// </summary>
public static class PgRewrite
{
    public static SystemRelation Relation { get; } = new("pg_rewrite", 2618,
        [
            new("oid", SqlType.Oid), new("rulename", SqlType.Name), new("ev_class", SqlType.Oid), new("ev_type", SqlType.Text),
            new("ev_enabled", SqlType.Text), new("is_instead", SqlType.Bool), new("ev_qual", SqlType.Text), new("ev_action", SqlType.Text),
        ],
        catalog => catalog.StoredQueries.OrderBy(v => v.RuleOid).Select(v => new object?[]
        {
            v.RuleOid, "_RETURN", v.Oid, "1", "O", true, "<>", v.QueryText,
        }));
}

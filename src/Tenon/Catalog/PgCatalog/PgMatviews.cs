using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_matviews: every materialized view, whether it has indexes and whether it is populated. The
/// owner is the bootstrap superuser, which owns every relation. <c>definition</c> is the query as
/// pg_get_viewdef prints it (plain mode).
/// </summary>
public static class PgMatviews
{
    public static SystemRelation Relation { get; } = SystemRelation.Scanning("pg_matviews", 12038,
        [
            new("schemaname", SqlType.Name), new("matviewname", SqlType.Name), new("matviewowner", SqlType.Name),
            new("tablespace", SqlType.Name), new("hasindexes", SqlType.Bool), new("ispopulated", SqlType.Bool),
            new("definition", SqlType.Text),
        ],
        scan => scan.Catalog.Tables.Values.Where(t => t.MatView is not null).OrderBy(t => t.Oid).Select(t => new object?[]
        {
            t.Schema, t.Name, Execution.Functions.BootstrapSuperuserName, null, t.Indexes.Count > 0, t.MatView!.Populated,
            scan.ViewDefinition(t.Oid),
        }));
}

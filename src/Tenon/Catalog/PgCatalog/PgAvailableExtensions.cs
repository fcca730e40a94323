using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_available_extensions: the extensions CREATE EXTENSION can install (in Tenon, those it
/// implements), with the installed version when the database has one. ActiveRecord's
/// extension_enabled? reads it.
/// </summary>
public static class PgAvailableExtensions
{
    public static SystemRelation Relation { get; } = new("pg_available_extensions", 12081,
        [
            new("name", SqlType.Name), new("default_version", SqlType.Text), new("installed_version", SqlType.Text),
            new("comment", SqlType.Text),
        ],
        catalog => AvailableExtensions.All.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => new object?[]
        {
            e.Name, e.Version, catalog.Extensions.TryGetValue(e.Name, out var installed) ? installed.Version : null, e.Comment,
        }));
}

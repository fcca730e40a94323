using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_collation: the collations Tenon has, with PostgreSQL's oids: the database default and the
/// byte-order C and POSIX collations (Tenon compares strings by code point, as a C-locale
/// PostgreSQL database does). collprovider ("char") is text; colliculocale and collversion are null.
/// </summary>
public static class PgCollation
{
    public static SystemRelation Relation { get; } = new("pg_collation", 3456,
        [
            new("oid", SqlType.Oid), new("collname", SqlType.Name), new("collnamespace", SqlType.Oid), new("collowner", SqlType.Oid),
            new("collprovider", SqlType.Text), new("collisdeterministic", SqlType.Bool), new("collencoding", SqlType.Int4),
            new("collcollate", SqlType.Text), new("collctype", SqlType.Text), new("colliculocale", SqlType.Text), new("collversion", SqlType.Text),
        ],
        _ =>
        [
            [100u, "default", SchemaOids.PgCatalog, SchemaOids.BootstrapSuperuser, "d", true, -1, null, null, null, null],
            [950u, "C", SchemaOids.PgCatalog, SchemaOids.BootstrapSuperuser, "c", true, -1, "C", "C", null, null],
            [951u, "POSIX", SchemaOids.PgCatalog, SchemaOids.BootstrapSuperuser, "c", true, -1, "POSIX", "POSIX", null, null],
        ]);
}

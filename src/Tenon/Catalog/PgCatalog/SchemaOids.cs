namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// Oids of the schemas (pg_namespace.oid) and of the roles that own them. The built-in ones
/// have PostgreSQL 15's oids; schemas made by CREATE SCHEMA, and sessions' temporary schemas,
/// get oids from the database's counter and are kept in <see cref="SystemCatalog.SchemaOidsByName"/>.
/// </summary>
public static class SchemaOids
{
    public const uint PgCatalog = 11;
    public const uint Public = 2200;
    public const uint PgToast = 99;
    // initdb assigns these; the values are those of a stock PostgreSQL 15 cluster.
    public const uint InformationSchema = 13207;

    /// <summary>Role oids that own catalog objects: the bootstrap superuser and pg_database_owner.</summary>
    public const uint BootstrapSuperuser = 10;
    public const uint DatabaseOwnerRole = 6171;

    /// <summary>The oid of a built-in schema, or 0.</summary>
    public static uint Builtin(string schema) => schema switch
    {
        "pg_catalog" => PgCatalog,
        SystemCatalog.PublicSchema => Public,
        "information_schema" => InformationSchema,
        "pg_toast" => PgToast,
        _ => 0,
    };

    /// <summary>The oid of a built-in schema (the others need the catalog: <see cref="Of(SystemCatalog, string)"/>).</summary>
    public static uint Of(string schema) => Builtin(schema) is var oid and not 0 ? oid : throw new InvalidOperationException($"schema {schema} is not built in");

    /// <summary>The oid of any existing schema.</summary>
    public static uint Of(SystemCatalog catalog, string schema) =>
        catalog.SchemaOid(schema) is var oid and not 0 ? oid : throw new InvalidOperationException($"schema {schema} has no oid");
}

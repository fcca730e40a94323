namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// Oids of the schemas (pg_namespace.oid) and of the roles that own them. The built-in ones
/// have PostgreSQL 15's oids; Tenon cannot create other schemas yet, so there are no others to number.
/// </summary>
public static class SchemaOids
{
    public const uint PgCatalog = 11;
    public const uint Public = 2200;
    // initdb assigns these; the values are those of a stock PostgreSQL 15 cluster.
    public const uint InformationSchema = 13207;
    public const uint PgTemp = 16385;

    // PostgreSQL names a session's temporary schema pg_temp_N; Tenon has one, shown as backend 3's.
    public const string TempSchemaDisplayName = "pg_temp_3";

    /// <summary>Role oids that own catalog objects: the bootstrap superuser and pg_database_owner.</summary>
    public const uint BootstrapSuperuser = 10;
    public const uint DatabaseOwnerRole = 6171;

    public static uint Of(string schema) => schema switch
    {
        "pg_catalog" => PgCatalog,
        SystemCatalog.PublicSchema => Public,
        "information_schema" => InformationSchema,
        SystemCatalog.TempSchema => PgTemp,
        _ => throw new InvalidOperationException($"schema {schema} has no oid"),
    };
}

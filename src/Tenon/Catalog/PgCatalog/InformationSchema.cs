using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// The relations of schema information_schema Tenon provides, reachable only schema-qualified
/// (information_schema is not on the default search path). PostgreSQL defines them as views over
/// pg_catalog whose columns have the domains sql_identifier, character_data, yes_or_no and
/// cardinal_number; Tenon has no domains and gives each column the domain's base type (name,
/// character varying, integer). They list the objects of the user's schemas: Tenon has one role,
/// which owns and may use everything, so no row is hidden for lack of privileges, and the
/// relations of pg_catalog and information_schema themselves are not listed.
/// </summary>
public static class InformationSchema
{
    public const string Schema = "information_schema";

    private static readonly Dictionary<string, SystemRelation> ByName = new[]
    {
        InfoTables.Relation,
        InfoColumns.Relation,
        InfoTableConstraints.Relation,
        InfoKeyColumnUsage.Relation,
        InfoReferentialConstraints.Relation,
        InfoConstraintColumnUsage.Relation,
        InfoSequences.Relation,
        InfoViews.Relation,
    }.ToDictionary(r => r.Name);

    public static SystemRelation? Find(string name) => ByName.GetValueOrDefault(name);

    public static SystemRelation? ByOid(uint oid) => ByName.Values.FirstOrDefault(r => r.Oid == oid);

    // The domains' base types.
    internal static SystemColumn Identifier(string name) => new(name, SqlType.Name);
    internal static SystemColumn CharacterData(string name) => new(name, SqlType.Varchar);
    internal static SystemColumn YesOrNo(string name) => new(name, SqlType.Varchar);
    internal static SystemColumn CardinalNumber(string name) => new(name, SqlType.Int4);

    internal static string YesNo(bool value) => value ? "YES" : "NO";

    /// <summary>A schema's name as the views show it (temporary tables already live in their session's pg_temp_N).</summary>
    internal static string SchemaName(string schema) => schema;

    /// <summary>The tables these views show, in oid order: not materialized views, which the SQL standard lacks.</summary>
    internal static IEnumerable<TableDef> Tables(SystemCatalog catalog) => catalog.Tables.Values.Where(t => !t.IsMatView).OrderBy(t => t.Oid);

    /// <summary>
    /// PostgreSQL 15 lists a NOT NULL column as a CHECK constraint named
    /// <c>{namespace oid}_{table oid}_{column number}_not_null</c>.
    /// </summary>
    internal static string NotNullName(SystemCatalog catalog, TableDef table, ColumnDef column) =>
        $"{SchemaOids.Of(catalog, table.Schema)}_{table.Oid}_{column.Number}_not_null";
}

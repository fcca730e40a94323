using System.Globalization;
using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// information_schema.columns: one row per column of the tables and views of
/// <see cref="InfoTables"/>, with PostgreSQL's description of its type (data_type without
/// modifier, lengths, precisions, the pg_type name as udt_name) and of its identity. A view's
/// columns are not listed (Tenon binds a view's query when it is used, so their types are not
/// kept). column_default and generation_expression are printed as pg_get_expr prints them.
/// </summary>
public static class InfoColumns
{
    public static SystemRelation Relation { get; } = SystemRelation.Scanning("columns", 13295,
        [
            InformationSchema.Identifier("table_catalog"), InformationSchema.Identifier("table_schema"), InformationSchema.Identifier("table_name"),
            InformationSchema.Identifier("column_name"), InformationSchema.CardinalNumber("ordinal_position"),
            InformationSchema.CharacterData("column_default"), InformationSchema.YesOrNo("is_nullable"), InformationSchema.CharacterData("data_type"),
            InformationSchema.CardinalNumber("character_maximum_length"), InformationSchema.CardinalNumber("character_octet_length"),
            InformationSchema.CardinalNumber("numeric_precision"), InformationSchema.CardinalNumber("numeric_precision_radix"),
            InformationSchema.CardinalNumber("numeric_scale"), InformationSchema.CardinalNumber("datetime_precision"),
            InformationSchema.CharacterData("interval_type"), InformationSchema.CardinalNumber("interval_precision"),
            InformationSchema.Identifier("character_set_catalog"), InformationSchema.Identifier("character_set_schema"),
            InformationSchema.Identifier("character_set_name"), InformationSchema.Identifier("collation_catalog"),
            InformationSchema.Identifier("collation_schema"), InformationSchema.Identifier("collation_name"),
            InformationSchema.Identifier("domain_catalog"), InformationSchema.Identifier("domain_schema"), InformationSchema.Identifier("domain_name"),
            InformationSchema.Identifier("udt_catalog"), InformationSchema.Identifier("udt_schema"), InformationSchema.Identifier("udt_name"),
            InformationSchema.Identifier("scope_catalog"), InformationSchema.Identifier("scope_schema"), InformationSchema.Identifier("scope_name"),
            InformationSchema.CardinalNumber("maximum_cardinality"), InformationSchema.Identifier("dtd_identifier"),
            InformationSchema.YesOrNo("is_self_referencing"), InformationSchema.YesOrNo("is_identity"),
            InformationSchema.CharacterData("identity_generation"), InformationSchema.CharacterData("identity_start"),
            InformationSchema.CharacterData("identity_increment"), InformationSchema.CharacterData("identity_maximum"),
            InformationSchema.CharacterData("identity_minimum"), InformationSchema.YesOrNo("identity_cycle"),
            InformationSchema.CharacterData("is_generated"), InformationSchema.CharacterData("generation_expression"),
            InformationSchema.YesOrNo("is_updatable"),
        ],
        Rows);

    // Longest character in the database encoding (UTF8), and the octet length of an unlimited string.
    private const int MaxCharBytes = 4, UnlimitedOctets = 1073741824;

    private static IEnumerable<object?[]> Rows(SystemScan scan)
    {
        var (catalog, database) = (scan.Catalog, scan.Database);
        foreach (var table in InformationSchema.Tables(catalog))
            foreach (var c in table.LiveColumns)
            {
                var t = c.Type;
                var sequence = c.Identity == IdentityKind.None ? null
                    : catalog.Sequences.Values.FirstOrDefault(s => s.OwnerTableOid == table.Oid && s.OwnerColumn == c.Number);
                string? Text(long? v) => v?.ToString(CultureInfo.InvariantCulture);
                yield return
                [
                    database, InformationSchema.SchemaName(table.Schema), table.Name, c.Name, (int)c.Number,
                    c.Generated is null ? Expression(scan, table, c) : null, InformationSchema.YesNo(!c.NotNull), DataType(t),
                    t.Id is TypeId.Varchar or TypeId.Bpchar && t.Length >= 0 ? t.Length : null,
                    t.Id is TypeId.Varchar or TypeId.Bpchar or TypeId.Text ? (t.Length >= 0 ? t.Length * MaxCharBytes : UnlimitedOctets) : null,
                    NumericPrecision(t), NumericRadix(t), NumericScale(t), DatetimePrecision(t), null, null,
                    null, null, null,
                    t.Id == TypeId.Name ? database : null, t.Id == TypeId.Name ? "pg_catalog" : null, t.Id == TypeId.Name ? "C" : null,
                    null, null, null,
                    database, "pg_catalog", BuiltinTypes.ByOid(t.TypeOid)?.Name ?? t.InternalName,
                    null, null, null, null, c.Number.ToString(CultureInfo.InvariantCulture),
                    "NO", InformationSchema.YesNo(c.Identity != IdentityKind.None),
                    c.Identity switch { IdentityKind.Always => "ALWAYS", IdentityKind.ByDefault => "BY DEFAULT", _ => null },
                    Text(sequence?.Start), Text(sequence?.Increment), Text(sequence?.MaxValue), Text(sequence?.MinValue),
                    InformationSchema.YesNo(sequence?.Cycle == true),
                    c.Generated is null ? "NEVER" : "ALWAYS", c.Generated is null ? null : Expression(scan, table, c), "YES",
                ];
            }
    }

    /// <summary>The column's default or generation expression as pg_get_expr prints it (serial defaults keep their text outside a statement).</summary>
    private static string? Expression(SystemScan scan, TableDef table, ColumnDef c) =>
        PgAttrdef.Adbin(c, scan.Catalog) is { } tree ? scan.ExpressionText(table.Oid, tree) ?? (c.DefaultText is "?" ? null : c.DefaultText) : null;

    /// <summary>The type's name without modifier, with the standard's spelling for blank-padded char.</summary>
    private static string DataType(SqlType t) => t.Id switch
    {
        TypeId.Bpchar => "character",
        _ => t.WithoutModifier().DisplayName,
    };

    private static int? NumericPrecision(SqlType t) => t.Id switch
    {
        TypeId.Int2 => 16,
        TypeId.Int4 => 32,
        TypeId.Int8 => 64,
        TypeId.Float4 => 24,
        TypeId.Float8 => 53,
        TypeId.Numeric when t.Precision >= 0 => t.Precision,
        _ => null,
    };

    private static int? NumericRadix(SqlType t) => t.Id switch
    {
        TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Float4 or TypeId.Float8 => 2,
        TypeId.Numeric => 10,
        _ => null,
    };

    private static int? NumericScale(SqlType t) => t.Id switch
    {
        TypeId.Int2 or TypeId.Int4 or TypeId.Int8 => 0,
        TypeId.Numeric when t.Precision >= 0 => t.Scale,
        _ => null,
    };

    private static int? DatetimePrecision(SqlType t) => t.Id switch
    {
        TypeId.Date => 0,
        TypeId.Timestamp or TypeId.Timestamptz or TypeId.Interval or TypeId.Time => t.Precision >= 0 ? t.Precision : 6,
        _ => null,
    };
}

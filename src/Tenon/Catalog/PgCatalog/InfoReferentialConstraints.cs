using Tenon.Sql.Ast;
using MatchType = Tenon.Sql.Ast.MatchType;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// information_schema.referential_constraints: one row per foreign key, naming the referenced
/// unique or primary key constraint (NULL when the referenced columns are backed by a plain
/// unique index), with the match option (SIMPLE is NONE) and the update and delete rules.
/// </summary>
public static class InfoReferentialConstraints
{
    public static SystemRelation Relation { get; } = new("referential_constraints", 13339,
        [
            InformationSchema.Identifier("constraint_catalog"), InformationSchema.Identifier("constraint_schema"),
            InformationSchema.Identifier("constraint_name"), InformationSchema.Identifier("unique_constraint_catalog"),
            InformationSchema.Identifier("unique_constraint_schema"), InformationSchema.Identifier("unique_constraint_name"),
            InformationSchema.CharacterData("match_option"), InformationSchema.CharacterData("update_rule"),
            InformationSchema.CharacterData("delete_rule"),
        ],
        Rows);

    private static IEnumerable<object?[]> Rows(SystemCatalog catalog, string database)
    {
        foreach (var table in InformationSchema.Tables(catalog))
            foreach (var fk in table.ForeignKeys.OrderBy(c => c.Oid))
            {
                var parent = catalog.Tables.GetValueOrDefault(fk.ParentTableOid);
                var unique = parent?.Constraints.OfType<KeyConstraintDef>().FirstOrDefault(k => k.IndexOid == fk.ParentIndexOid);
                yield return
                [
                    database, InformationSchema.SchemaName(table.Schema), fk.Name,
                    unique is null ? null : database, unique is null ? null : InformationSchema.SchemaName(parent!.Schema), unique?.Name,
                    fk.Match switch { MatchType.Full => "FULL", MatchType.Partial => "PARTIAL", _ => "NONE" },
                    Rule(fk.OnUpdate), Rule(fk.OnDelete),
                ];
            }
    }

    private static string Rule(ReferentialAction action) => action switch
    {
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.SetDefault => "SET DEFAULT",
        ReferentialAction.Restrict => "RESTRICT",
        _ => "NO ACTION",
    };
}

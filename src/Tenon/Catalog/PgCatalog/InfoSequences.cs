using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// information_schema.sequences: one row per sequence, except the sequences of identity columns
/// (PostgreSQL leaves those out). Start, bounds and increment are shown as text, as the view's
/// character_data columns hold them.
/// </summary>
public static class InfoSequences
{
    public static SystemRelation Relation { get; } = new("sequences", 13445,
        [
            InformationSchema.Identifier("sequence_catalog"), InformationSchema.Identifier("sequence_schema"), InformationSchema.Identifier("sequence_name"),
            InformationSchema.CharacterData("data_type"), InformationSchema.CardinalNumber("numeric_precision"),
            InformationSchema.CardinalNumber("numeric_precision_radix"), InformationSchema.CardinalNumber("numeric_scale"),
            InformationSchema.CharacterData("start_value"), InformationSchema.CharacterData("minimum_value"),
            InformationSchema.CharacterData("maximum_value"), InformationSchema.CharacterData("increment"),
            InformationSchema.YesOrNo("cycle_option"),
        ],
        Rows);

    private static IEnumerable<object?[]> Rows(SystemCatalog catalog, string database)
    {
        foreach (var s in catalog.Sequences.Values.OrderBy(s => s.Oid))
        {
            if (catalog.IdentityOwner(s) is not null) continue;
            var bits = s.DataType.Id switch { TypeId.Int2 => 16, TypeId.Int4 => 32, _ => 64 };
            yield return
            [
                database, InformationSchema.SchemaName(s.Schema), s.Name, s.DataType.DisplayName, bits, 2, 0,
                Text(s.Start), Text(s.MinValue), Text(s.MaxValue), Text(s.Increment), InformationSchema.YesNo(s.Cycle),
            ];
        }
    }

    private static string Text(long v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Catalog;

/// <summary>
/// An enum type (pg_type typtype 'e') and its labels (pg_enum rows), kept in sort order. Columns
/// and expressions hold the definition inside their <see cref="SqlType"/>, so the catalog
/// replaces those copies whenever the labels change (<see cref="SystemCatalog.PutUserType"/>).
/// </summary>
public sealed record EnumTypeDef(uint Oid, string Schema, string Name, IReadOnlyList<PgEnumValue> Labels) : UserTypeDef(Oid, Schema, Name)
{
    /// <summary>enum_in: the label's value, or 22P02 as PostgreSQL words it.</summary>
    public PgEnumValue Parse(string text)
    {
        foreach (var label in Labels)
            if (label.Label == text) return label;
        throw new TenonException(SqlState.InvalidTextRepresentation, $"invalid input value for enum {Name}: \"{text}\"");
    }

    public PgEnumValue? Find(string label) => Labels.FirstOrDefault(l => l.Label == label);
}

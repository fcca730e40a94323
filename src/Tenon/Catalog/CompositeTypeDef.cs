using Tenon.Types;

namespace Tenon.Catalog;

/// <summary>One attribute of a composite type: its name and type.</summary>
public sealed record CompositeField(string Name, SqlType Type);

/// <summary>
/// A composite type made by <c>CREATE TYPE name AS (f type, …)</c> (pg_type typtype 'c', with an
/// array type <see cref="ArrayOid"/>). Values are <see cref="PgRecord"/>s whose field types are
/// the attributes' types; like enums, SqlTypes carry the definition, refreshed by
/// <see cref="SystemCatalog.PutUserType"/>.
/// </summary>
public sealed record CompositeTypeDef(uint Oid, string Schema, string Name, IReadOnlyList<CompositeField> Fields, uint ArrayOid) : UserTypeDef(Oid, Schema, Name)
{
    /// <summary>The oid of the pg_class row (relkind 'c') that describes its attributes.</summary>
    public uint RelationOid { get; init; }

    public int IndexOf(string field)
    {
        for (var i = 0; i < Fields.Count; i++)
            if (Fields[i].Name == field) return i;
        return -1;
    }

    public SqlType[] FieldTypes => Fields.Select(f => f.Type).ToArray();
}

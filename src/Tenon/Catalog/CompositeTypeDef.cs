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
public sealed partial record CompositeTypeDef(uint Oid, string Schema, string Name, IReadOnlyList<CompositeField> Fields, uint ArrayOid) : UserTypeDef(Oid, Schema, Name)
{
    /// <summary>The oid of the pg_class row (relkind 'c') that describes its attributes.</summary>
    public uint RelationOid { get; init; }

    public int IndexOf(string field)
    {
        for (var i = 0; i < Fields.Count; i++)
            if (Fields[i].Name == field) return i;
        return -1;
    }

    /// <summary>The attributes' types (computed once per attribute list: row constructors read it per row).</summary>
    public SqlType[] FieldTypes
    {
        get
        {
            if (_fieldTypes.Value is (var fields, SqlType[] types) && ReferenceEquals(fields, Fields)) return types;
            types = Fields.Select(f => f.Type).ToArray();
            _fieldTypes.Value = (Fields, types);
            return types;
        }
    }

    private readonly DerivedCache _fieldTypes = new();
}

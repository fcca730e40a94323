namespace Tenon.Catalog;

/// <summary>
/// The row type of a table, partitioned table, materialized view or view (pg_class.reltype): a
/// composite type of the relation's name whose attributes are its live columns, with an array
/// type. Only the two oids and the array type's name are stored; the <see cref="CompositeTypeDef"/>
/// is derived from the definition when first asked for and kept until the definition changes.
/// </summary>
public sealed partial record TableDef
{
    /// <summary>pg_class.reltype: the oid of the row type, 0 for a relation made before Tenon had row types.</summary>
    public uint RowTypeOid { get; init; }
    /// <summary>The oid of the row type's array type.</summary>
    public uint RowArrayOid { get; init; }
    /// <summary>The array type's name when it is not "_" + the relation's name (a name taken when it was made or renamed).</summary>
    public string? RowArrayName { get; init; }

    private readonly DerivedCache _rowType = new();

    /// <summary>The row type as a composite type, or null when the relation has none.</summary>
    public CompositeTypeDef? RowType
    {
        get => RowTypeOid == 0 ? null : CompositeTypeDef.OfRelation(_rowType, RowTypeOid, RowArrayOid, RowArrayName, Oid, Schema, Name,
            IsMatView ? 'm' : IsPartitioned ? 'p' : 'r', Columns, () => LiveColumns.Select(c => new CompositeField(c.Name, c.Type)).ToArray());
    }
}

public sealed partial record ViewDef
{
    /// <inheritdoc cref="TableDef.RowTypeOid"/>
    public uint RowTypeOid { get; init; }
    /// <inheritdoc cref="TableDef.RowArrayOid"/>
    public uint RowArrayOid { get; init; }
    /// <inheritdoc cref="TableDef.RowArrayName"/>
    public string? RowArrayName { get; init; }

    private readonly DerivedCache _rowType = new();

    /// <inheritdoc cref="TableDef.RowType"/>
    public CompositeTypeDef? RowType
    {
        get => RowTypeOid == 0 ? null : CompositeTypeDef.OfRelation(_rowType, RowTypeOid, RowArrayOid, RowArrayName, Oid, Schema, Name,
            'v', Columns, () => Columns.Select(c => new CompositeField(c.Name, c.Type)).ToArray());
    }
}

public sealed partial record CompositeTypeDef
{
    /// <summary>
    /// What the type belongs to: 'c' for a type of its own (CREATE TYPE … AS), else the relkind of
    /// the relation whose row type it is ('r', 'p', 'm', 'v'); such a type follows its relation
    /// and is changed through it.
    /// </summary>
    public char RelationKind { get; init; } = 'c';

    /// <summary>
    /// A relation's row type, from <paramref name="cache"/> while it still describes the same
    /// column list (by reference), name, schema and array name; made again otherwise.
    /// </summary>
    internal static CompositeTypeDef OfRelation(DerivedCache cache, uint oid, uint arrayOid, string? arrayName, uint relationOid,
        string schema, string name, char kind, object columns, Func<CompositeField[]> fields)
    {
        if (cache.Value is CompositeTypeDef cached && ReferenceEquals(cached.Source, columns) && cached.Name == name
            && cached.Schema == schema && cached.ArrayName == arrayName) return cached;
        var type = new CompositeTypeDef(oid, schema, name, fields(), arrayOid)
        {
            RelationOid = relationOid, RelationKind = kind, ArrayName = arrayName, Source = columns,
        };
        cache.Value = type;
        return type;
    }

    /// <summary>The array type's name when it is not "_" + the name.</summary>
    public string? ArrayName { get; init; }

    /// <summary>The name of the array type (pg_type.typname of <see cref="ArrayOid"/>).</summary>
    public string ArrayTypeName => ArrayName ?? NameGenerator.Truncate("_" + Name);

    /// <summary>A relation's row type rather than a type of its own.</summary>
    public bool IsRowType => RelationKind != 'c';

    /// <summary>What a relation's row type was derived from (its column list), to tell when to derive it again.</summary>
    internal object? Source { get; init; }
}

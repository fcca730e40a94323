namespace Tenon.Catalog;

/// <summary>
/// The row types of relations (<see cref="TableDef.RowType"/>, <see cref="ViewDef.RowType"/>):
/// lookup by name and oid, the array type names they share with user types, and keeping the
/// copies that columns, domains and composite types hold current when a relation changes shape.
/// </summary>
public sealed partial class SystemCatalog
{
    /// <summary>The row type of relation <paramref name="oid"/> (a table, matview or view), or null.</summary>
    public CompositeTypeDef? RowTypeOfRelation(uint oid) =>
        Tables.TryGetValue(oid, out var t) ? t.RowType : Views.TryGetValue(oid, out var v) ? v.RowType : null;

    /// <summary>Every relation's row type, in relation oid order.</summary>
    public IEnumerable<CompositeTypeDef> RowTypes() =>
        Tables.Values.Select(t => t.RowType).Concat(Views.Values.Select(v => v.RowType))
            .OfType<CompositeTypeDef>().OrderBy(c => c.RelationOid);

    /// <summary>The row type named <paramref name="name"/> in <paramref name="schema"/>, or null.</summary>
    private CompositeTypeDef? LookupRowType(string schema, string name) =>
        RelationsByName.TryGetValue(Key(schema, name), out var oid) ? RowTypeOfRelation(oid) : null;

    /// <summary>
    /// The composite type (a user type or a row type) whose array type has this name in the
    /// schema, or null: <c>_t</c> names the array of t unless that name was taken.
    /// </summary>
    public CompositeTypeDef? LookupArrayOwner(string? schema, string name)
    {
        var wanted = schema ?? PublicSchema;
        foreach (var t in UserTypes.Values)
            if (t is CompositeTypeDef c && c.Schema == wanted && c.ArrayTypeName == name) return c;
        if (name.StartsWith('_'))
        {
            // Mostly "_" + the relation's name; otherwise a search.
            var owner = LookupRowType(wanted, name[1..]);
            if (owner is not null && owner.ArrayTypeName == name) return owner;
            foreach (var c in RowTypes())
                if (c.Schema == wanted && c.ArrayTypeName == name) return c;
        }
        return null;
    }

    /// <summary>
    /// PostgreSQL's name for a new array type of <paramref name="typeName"/>: "_" + the name, with
    /// one more leading underscore while that name is taken (cut to 63 bytes).
    /// </summary>
    public string MakeArrayTypeName(string schema, string typeName)
    {
        var prefix = "_";
        while (true)
        {
            var name = NameGenerator.Truncate(prefix + typeName);
            if (!TypeNameUsed(schema, name)) return name;
            prefix += "_";
            if (prefix.Length >= 63) return name;
        }
    }

    /// <summary>The catalog with the array type of <paramref name="owner"/> named <paramref name="arrayName"/>.</summary>
    public SystemCatalog WithArrayTypeName(CompositeTypeDef owner, string arrayName)
    {
        var stored = arrayName == NameGenerator.Truncate("_" + owner.Name) ? null : arrayName;
        return owner.RelationKind switch
        {
            'c' => PutUserType((CompositeTypeDef)UserTypes[owner.Oid] with { ArrayName = stored }),
            'v' => PutView(Views[owner.RelationOid] with { RowArrayName = stored }),
            _ => PutTable(Tables[owner.RelationOid] with { RowArrayName = stored }),
        };
    }

    /// <summary>
    /// Before a type takes <paramref name="name"/>: when an automatically named array type has
    /// it, that array type is renamed out of the way (PostgreSQL's moveArrayTypeName). Returns
    /// the owner whose array moved, or null when the name was not an array type's.
    /// </summary>
    public SystemCatalog MoveArrayTypeOutOfTheWay(string schema, string name, out CompositeTypeDef? moved)
    {
        moved = LookupArrayOwner(schema, name);
        if (moved is null) return this;
        return WithArrayTypeName(moved, MakeArrayTypeName(schema, name));
    }

    /// <summary>
    /// After relation <paramref name="oid"/> changed: when its row type's attributes (names or
    /// types) are no longer those the copies in columns, domains and composite types hold, those
    /// copies are replaced, as <see cref="PutUserType"/> does for user types.
    /// </summary>
    private SystemCatalog RefreshRowTypeCopies(CompositeTypeDef? before, CompositeTypeDef? after)
    {
        if (before is null || after is null || ReferenceEquals(before, after)) return this;
        if (before.Name == after.Name && before.Schema == after.Schema && before.Fields.Count == after.Fields.Count
            && before.Fields.Zip(after.Fields).All(p => p.First.Name == p.Second.Name && ReferenceEquals(p.First.Type, p.Second.Type)))
            return this;
        var oid = after.Oid;
        bool Uses(Types.SqlType t) => t.Composite?.Oid == oid || t.Element?.Composite?.Oid == oid;
        if (!Tables.Values.Any(t => t.Columns.Any(c => Uses(c.Type)))
            && !UserTypes.Values.Any(u => u is DomainDef d && Uses(d.BaseType) || u is CompositeTypeDef c && c.Fields.Any(f => Uses(f.Type))))
            return this;
        return RefreshTypeCopies(oid, after);
    }

    /// <summary>Replaces the copies of composite type <paramref name="oid"/> (outside domains, which are refreshed as user types) by <paramref name="current"/>.</summary>
    private SystemCatalog RefreshTypeCopies(uint oid, CompositeTypeDef current)
    {
        Types.SqlType Fix(Types.SqlType t)
        {
            if (t.Domain is not null) return t;
            if (t.Composite?.Oid == oid) return ReferenceEquals(t.Composite, current) ? t : Types.SqlType.OfComposite(current);
            if (t.IsArray && t.Element!.Domain is null && t.Element.Composite?.Oid == oid)
                return ReferenceEquals(t.Element.Composite, current) ? t : Types.SqlType.ArrayOf(Types.SqlType.OfComposite(current));
            return t;
        }
        var catalog = this;
        foreach (var u in UserTypes.Values.OrderBy(u => u.Oid).ToList())
        {
            if (u is DomainDef d && Fix(d.BaseType) is var b && !ReferenceEquals(b, d.BaseType))
                catalog = catalog.PutUserType((DomainDef)catalog.UserTypes[d.Oid] with { BaseType = b });
            else if (u is CompositeTypeDef c && c.Fields.Any(f => !ReferenceEquals(Fix(f.Type), f.Type)))
                catalog = catalog.PutUserType((CompositeTypeDef)catalog.UserTypes[c.Oid] with { Fields = c.Fields.Select(f => f with { Type = Fix(f.Type) }).ToArray() });
        }
        foreach (var t in catalog.Tables.Values.OrderBy(t => t.Oid).ToList())
        {
            var table = catalog.Tables[t.Oid];
            if (table.Columns.All(c => ReferenceEquals(Fix(c.Type), c.Type))) continue;
            catalog = catalog.PutTable(table with { Columns = table.Columns.Select(c => c with { Type = Fix(c.Type) }).ToArray() });
        }
        return catalog;
    }
}

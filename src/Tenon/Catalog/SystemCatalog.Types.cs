using System.Collections.Immutable;
using Tenon.Types;

namespace Tenon.Catalog;

/// <summary>User types (enums and domains): lookup, and keeping the copies columns hold current.</summary>
public sealed partial class SystemCatalog
{
    /// <summary>Enum types and domains by oid.</summary>
    public ImmutableDictionary<uint, UserTypeDef> UserTypes { get; }

    /// <summary>
    /// Resolves a type name to a user type or a relation's row type (a <see cref="CompositeTypeDef"/>
    /// with <see cref="CompositeTypeDef.IsRowType"/>); null when there is none. An unqualified
    /// name is looked up in the session's temporary schema <paramref name="tempSchema"/> (row
    /// types of temporary relations), then in public. Every type-name lookup goes through here.
    /// </summary>
    public UserTypeDef? LookupType(string? schema, string name, string? tempSchema = null)
    {
        if (schema == TempSchema) schema = tempSchema ?? schema;
        if (schema is null && tempSchema is not null && Schemas.Contains(tempSchema) && LookupRowType(tempSchema, name) is { } temp) return temp;
        var wanted = schema ?? PublicSchema;
        foreach (var t in UserTypes.Values)
            if (t.Name == name && t.Schema == wanted) return t;
        return LookupRowType(wanted, name);
    }

    /// <summary>True when a type of this name exists in the schema: a user type, the row type of a table or view (or a sequence's name), or an array type.</summary>
    public bool TypeNameUsed(string schema, string name) =>
        UserTypes.Values.Any(t => t.Schema == schema && t.Name == name)
        || (RelationsByName.TryGetValue(Key(schema, name), out var oid) && !Indexes.ContainsKey(oid))
        || LookupArrayOwner(schema, name) is not null;

    /// <summary>The SqlType a column or value of this user type has.</summary>
    public static SqlType SqlTypeOf(UserTypeDef t) => t switch
    {
        EnumTypeDef e => SqlType.OfEnum(e),
        DomainDef d => SqlType.OfDomain(d),
        CompositeTypeDef c => SqlType.OfComposite(c),
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    /// <summary>
    /// Adds or replaces a user type, then replaces the copies of user types held by domains (their
    /// base types) and table columns, so every SqlType in the catalog shows the current definition.
    /// </summary>
    public SystemCatalog PutUserType(UserTypeDef type)
    {
        var types = Replace(UserTypes, type);
        // A domain's base is older than the domain, so oid order refreshes bases first.
        foreach (var d in types.Values.OfType<DomainDef>().OrderBy(d => d.Oid).ToList())
        {
            var fresh = Refresh(d.BaseType, types);
            if (!ReferenceEquals(fresh, d.BaseType)) types = Replace(types, d with { BaseType = fresh });
        }
        var tables = Tables;
        foreach (var t in Tables.Values)
        {
            ColumnDef[]? cols = null;
            for (var i = 0; i < t.Columns.Count; i++)
            {
                var c = t.Columns[i];
                var fresh = Refresh(c.Type, types);
                if (ReferenceEquals(fresh, c.Type)) continue;
                cols ??= t.Columns.ToArray();
                cols[i] = c with { Type = fresh };
            }
            if (cols is not null) tables = tables.SetItem(t.Oid, t with { Columns = cols });
        }
        return With(userTypes: types, tables: tables);
    }

    /// <summary>The catalog with these user types, exactly as stored (loading a database file; the columns already hold them).</summary>
    internal SystemCatalog WithRestoredUserTypes(ImmutableDictionary<uint, UserTypeDef> types) => With(userTypes: types);

    public SystemCatalog RemoveUserType(uint oid) =>
        With(userTypes: UserTypes.Remove(oid), comments: CommentsWithout(CommentKey.TypeClass, oid));

    // SetItem keeps the old value when the new one is Equal, and a definition that differs only
    // in the snapshot a SqlType holds is Equal (SqlTypes compare by oid): replace it outright.
    private static ImmutableDictionary<uint, UserTypeDef> Replace(ImmutableDictionary<uint, UserTypeDef> types, UserTypeDef type) =>
        types.Remove(type.Oid).Add(type.Oid, type);

    private static SqlType Refresh(SqlType t, ImmutableDictionary<uint, UserTypeDef> types)
    {
        if (t.Domain is { } d)
            return types.TryGetValue(d.Oid, out var nd) && !ReferenceEquals(nd, d) ? SqlType.OfDomain((DomainDef)nd) : t;
        if (t.Enum is { } e)
            return types.TryGetValue(e.Oid, out var ne) && !ReferenceEquals(ne, e) ? SqlType.OfEnum((EnumTypeDef)ne) : t;
        if (t.Composite is { } c)
            return types.TryGetValue(c.Oid, out var nc) && !ReferenceEquals(nc, c) ? SqlType.OfComposite((CompositeTypeDef)nc) : t;
        if (t.IsArray && t.Element!.Composite is not null)
        {
            var element = Refresh(t.Element, types);
            return ReferenceEquals(element, t.Element) ? t : SqlType.ArrayOf(element);
        }
        return t;
    }
}

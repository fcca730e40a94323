using System.Collections.Immutable;
using Tenon.Catalog;

namespace Tenon.Wal;

/// <summary>
/// Writes and reads a whole <see cref="SystemCatalog"/> (a log record of a transaction that ran
/// DDL, and the catalog section of a snapshot). Every definition goes through
/// <see cref="ObjectCodec"/>; a sequence's current value is part of its definition's
/// <see cref="SequenceState"/> and is written as it is at the moment of writing.
///
///   FIELD              ENCODING
///   next oid           8 bytes: the database's oid counter (so oids are never handed out twice)
///   tables             varint n, n × TableDef object
///   indexes            varint n, n × IndexDef object
///   sequences          varint n, n × SequenceDef object (with its state)
///   views              varint n, n × ViewDef object
///   relation names     varint n, n × (string "schema.name", 4 bytes oid)
///   schemas            varint n, n × string
///   schema oids        varint n, n × (string name, 4 bytes oid): the schemas that are not built in
///   extensions         varint n, n × ExtensionDef object
///   comments           varint n, n × (4 bytes class oid, 4 bytes object oid, 4 bytes sub id, string text)
///
/// User types (enums, domains) follow separately (<see cref="WriteUserTypes"/>), and only when
/// there are any, so files without them read the same as before they existed; so do user
/// functions and triggers (<see cref="WriteRoutines"/>), roles and privileges (<see cref="WriteAuth"/>),
/// and operator classes and families (<see cref="WriteOperatorClasses"/>).
/// </summary>
internal static class CatalogCodec
{
    public static void Write(BinaryWriter w, SystemCatalog catalog, long nextOid)
    {
        catalog = catalog.WithoutTemporary();
        w.Write(nextOid);
        WriteAll(w, catalog.Tables.Values.OrderBy(t => t.Oid));
        WriteAll(w, catalog.Indexes.Values.OrderBy(i => i.Oid));
        var sequences = catalog.Sequences.Values.OrderBy(s => s.Oid).ToList();
        w.Write7BitEncodedInt(sequences.Count);
        foreach (var s in sequences)
            lock (s.State.Gate) ObjectCodec.Write(w, s);
        WriteAll(w, catalog.Views.Values.OrderBy(v => v.Oid));
        w.Write7BitEncodedInt(catalog.RelationsByName.Count);
        foreach (var (name, oid) in catalog.RelationsByName.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Write(name);
            w.Write(oid);
        }
        w.Write7BitEncodedInt(catalog.Schemas.Count);
        foreach (var s in catalog.Schemas.OrderBy(s => s, StringComparer.Ordinal)) w.Write(s);
        w.Write7BitEncodedInt(catalog.SchemaOidsByName.Count);
        foreach (var (s, oid) in catalog.SchemaOidsByName.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Write(s);
            w.Write(oid);
        }
        WriteAll(w, catalog.Extensions.Values.OrderBy(e => e.Name, StringComparer.Ordinal));
        w.Write7BitEncodedInt(catalog.Comments.Count);
        foreach (var (key, text) in catalog.Comments.OrderBy(c => (c.Key.ClassOid, c.Key.ObjectOid, c.Key.SubId)))
        {
            w.Write(key.ClassOid);
            w.Write(key.ObjectOid);
            w.Write(key.SubId);
            w.Write(text);
        }
    }

    /// <summary>The catalog's enum types and domains: varint n, n × EnumTypeDef or DomainDef object.</summary>
    public static void WriteUserTypes(BinaryWriter w, SystemCatalog catalog) => WriteAll(w, catalog.UserTypes.Values.OrderBy(t => t.Oid));

    /// <summary>The catalog's user functions and triggers: varint n, n × RoutineDef object; varint m, m × TriggerDef object.</summary>
    public static void WriteRoutines(BinaryWriter w, SystemCatalog catalog)
    {
        WriteAll(w, catalog.Routines.Functions.Values.OrderBy(f => f.Oid));
        WriteAll(w, catalog.Routines.Triggers.Values.OrderBy(t => t.Oid));
    }

    public static SystemCatalog ReadRoutines(BinaryReader r, SystemCatalog catalog)
    {
        var functions = ReadAll<RoutineDef>(r).ToImmutableDictionary(f => f.Oid);
        var triggers = ReadAll<TriggerDef>(r).ToImmutableDictionary(t => t.Oid);
        return catalog.WithRoutines(new RoutineCatalog(functions, triggers));
    }

    /// <summary>
    /// The catalog's roles, memberships and object privileges (<see cref="AuthCatalog"/>): varint n,
    /// n × RoleDef object; varint m, m × RoleMembership object; varint k, k × (4 bytes class oid,
    /// 4 bytes object oid, ObjectAcl object); varint d, d × DefaultAcl object.
    /// </summary>
    public static void WriteAuth(BinaryWriter w, SystemCatalog catalog)
    {
        var auth = catalog.Auth;
        WriteAll(w, auth.Roles.Values.OrderBy(r => r.Oid));
        WriteAll(w, auth.Members);
        // Entries of objects dropped since are left behind in memory (oids are never reused); the file keeps only live ones.
        var objects = auth.Objects.Where(p => Exists(catalog, p.Key)).OrderBy(p => (p.Key.ClassOid, p.Key.ObjectOid)).ToList();
        w.Write7BitEncodedInt(objects.Count);
        foreach (var (key, acl) in objects)
        {
            w.Write(key.ClassOid);
            w.Write(key.ObjectOid);
            ObjectCodec.Write(w, acl);
        }
        WriteAll(w, auth.DefaultAcls);
    }

    private static bool Exists(SystemCatalog catalog, ObjectKey key) => key.ClassOid switch
    {
        ObjectKey.Namespace => catalog.SchemaName(key.ObjectOid) is not null,
        ObjectKey.Routine => catalog.Functions.ContainsKey(key.ObjectOid),
        CommentKey.TypeClass => catalog.UserTypes.ContainsKey(key.ObjectOid),
        _ => catalog.RelationKind(key.ObjectOid) != '\0',
    };

    public static SystemCatalog ReadAuth(BinaryReader r, SystemCatalog catalog)
    {
        var roles = ReadAll<RoleDef>(r).ToImmutableDictionary(x => x.Oid);
        var members = ReadAll<RoleMembership>(r).ToImmutableList();
        var n = r.Read7BitEncodedInt();
        var objects = ImmutableDictionary.CreateBuilder<ObjectKey, ObjectAcl>();
        for (var i = 0; i < n; i++)
        {
            var key = new ObjectKey(r.ReadUInt32(), r.ReadUInt32());
            objects[key] = ObjectCodec.Read(r, typeof(ObjectAcl)) as ObjectAcl ?? throw new InvalidDataException("a null ObjectAcl");
        }
        var defaults = ReadAll<DefaultAcl>(r).ToImmutableList();
        return catalog.WithAuth(new AuthCatalog(roles, members, objects.ToImmutable()) { DefaultAcls = defaults });
    }

    /// <summary>The catalog's operator families and classes and statistics objects: varint n, n × OpFamilyDef object; varint m, m × OpClassDef object; varint k, k × StatisticsDef object.</summary>
    public static void WriteOperatorClasses(BinaryWriter w, SystemCatalog catalog)
    {
        WriteAll(w, catalog.Routines.OpFamilies.Values.OrderBy(f => f.Oid));
        WriteAll(w, catalog.Routines.OpClasses.Values.OrderBy(c => c.Oid));
        WriteAll(w, catalog.Routines.Statistics.Values.OrderBy(c => c.Oid));
    }

    public static SystemCatalog ReadOperatorClasses(BinaryReader r, SystemCatalog catalog)
    {
        var families = ReadAll<OpFamilyDef>(r).ToImmutableDictionary(f => f.Oid);
        var classes = ReadAll<OpClassDef>(r).ToImmutableDictionary(c => c.Oid);
        var statistics = ReadAll<StatisticsDef>(r).ToImmutableDictionary(c => c.Oid);
        return catalog.WithRoutines(catalog.Routines with { OpFamilies = families, OpClasses = classes, Statistics = statistics });
    }

    public static SystemCatalog ReadUserTypes(BinaryReader r, SystemCatalog catalog) =>
        catalog.WithRestoredUserTypes(ReadAll<UserTypeDef>(r).ToImmutableDictionary(t => t.Oid));

    public static SystemCatalog Read(BinaryReader r, out long nextOid)
    {
        nextOid = r.ReadInt64();
        var tables = ReadAll<TableDef>(r).ToImmutableDictionary(t => t.Oid);
        var indexes = ReadAll<IndexDef>(r).ToImmutableDictionary(i => i.Oid);
        var sequences = ReadAll<SequenceDef>(r).ToImmutableDictionary(s => s.Oid);
        var views = ReadAll<ViewDef>(r).ToImmutableDictionary(v => v.Oid);
        var n = r.Read7BitEncodedInt();
        var names = ImmutableDictionary.CreateBuilder<string, uint>();
        for (var i = 0; i < n; i++)
        {
            var name = r.ReadString();
            names[name] = r.ReadUInt32();
        }
        n = r.Read7BitEncodedInt();
        var schemas = ImmutableHashSet.CreateBuilder<string>();
        for (var i = 0; i < n; i++) schemas.Add(r.ReadString());
        n = r.Read7BitEncodedInt();
        var schemaOids = ImmutableDictionary.CreateBuilder<string, uint>();
        for (var i = 0; i < n; i++)
        {
            var name = r.ReadString();
            schemaOids[name] = r.ReadUInt32();
        }
        var extensions = ReadAll<ExtensionDef>(r).ToImmutableDictionary(e => e.Name);
        n = r.Read7BitEncodedInt();
        var comments = ImmutableDictionary.CreateBuilder<CommentKey, string>();
        for (var i = 0; i < n; i++)
        {
            var key = new CommentKey(r.ReadUInt32(), r.ReadUInt32(), r.ReadInt32());
            comments[key] = r.ReadString();
        }
        return SystemCatalog.Restore(tables, indexes, sequences, views, names.ToImmutable(), schemas.ToImmutable(), extensions, comments.ToImmutable(), schemaOids.ToImmutable());
    }

    private static void WriteAll<T>(BinaryWriter w, IEnumerable<T> items)
    {
        var list = items.ToList();
        w.Write7BitEncodedInt(list.Count);
        foreach (var item in list) ObjectCodec.Write(w, item);
    }

    private static List<T> ReadAll<T>(BinaryReader r) where T : class
    {
        var n = r.Read7BitEncodedInt();
        if (n < 0) throw new InvalidDataException("negative count");
        var list = new List<T>(n);
        for (var i = 0; i < n; i++)
            list.Add(ObjectCodec.Read(r, typeof(T)) as T ?? throw new InvalidDataException($"a null {typeof(T).Name}"));
        return list;
    }
}

using System.Collections.Immutable;

namespace Tenon.Catalog;

/// <summary>
/// The catalog: every schema, table, index, sequence, view and extension of a database, as one
/// immutable value. A transaction works on its own copy (DDL makes a new SystemCatalog), and
/// commit publishes it together with the table data, so DDL is transactional as in PostgreSQL
/// and a failed statement leaves the catalog as it was.
///
/// Relations (tables, indexes, sequences, views) share one namespace per schema, keyed
/// "schema.name", as pg_class does. An unqualified name is looked up along a session's
/// <see cref="SearchPath"/>; a session's temporary relations live in its own schema pg_temp_N.
/// </summary>
public sealed partial class SystemCatalog
{
    public const string PublicSchema = "public";
    public const string TempSchema = "pg_temp";

    private Dictionary<uint, List<ForeignKeyDef>>? _referencing;

    private SystemCatalog(
        ImmutableDictionary<uint, TableDef> tables,
        ImmutableDictionary<uint, IndexDef> indexes,
        ImmutableDictionary<uint, SequenceDef> sequences,
        ImmutableDictionary<uint, ViewDef> views,
        ImmutableDictionary<string, uint> relationsByName,
        ImmutableHashSet<string> schemas,
        ImmutableDictionary<string, ExtensionDef> extensions,
        ImmutableDictionary<CommentKey, string> comments,
        ImmutableDictionary<string, uint> schemaOids,
        ImmutableDictionary<uint, UserTypeDef> userTypes)
    {
        SchemaOidsByName = schemaOids;
        UserTypes = userTypes;
        Tables = tables;
        Indexes = indexes;
        Sequences = sequences;
        Views = views;
        RelationsByName = relationsByName;
        Schemas = schemas;
        Extensions = extensions;
        Comments = comments;
    }

    public static SystemCatalog Empty { get; } = new(
        ImmutableDictionary<uint, TableDef>.Empty,
        ImmutableDictionary<uint, IndexDef>.Empty,
        ImmutableDictionary<uint, SequenceDef>.Empty,
        ImmutableDictionary<uint, ViewDef>.Empty,
        ImmutableDictionary<string, uint>.Empty,
        ImmutableHashSet.Create(PublicSchema, "pg_catalog", "information_schema", "pg_toast"),
        ImmutableDictionary<string, ExtensionDef>.Empty.Add("plpgsql", AvailableExtensions.Plpgsql),
        // The comments initdb leaves on plpgsql and the schemas (COMMENT ON may change them).
        ImmutableDictionary<CommentKey, string>.Empty
            .Add(new CommentKey(CommentKey.ExtensionClass, AvailableExtensions.PlpgsqlOid, 0), AvailableExtensions.Comment("plpgsql")!)
            .Add(new CommentKey(CommentKey.NamespaceClass, PgCatalog.SchemaOids.PgCatalog, 0), "system catalog schema")
            .Add(new CommentKey(CommentKey.NamespaceClass, PgCatalog.SchemaOids.PgToast, 0), "reserved schema for TOAST tables")
            .Add(new CommentKey(CommentKey.NamespaceClass, PgCatalog.SchemaOids.Public, 0), "standard public schema"),
        ImmutableDictionary<string, uint>.Empty, ImmutableDictionary<uint, UserTypeDef>.Empty);

    public ImmutableDictionary<uint, TableDef> Tables { get; }
    public ImmutableDictionary<uint, IndexDef> Indexes { get; }
    public ImmutableDictionary<uint, SequenceDef> Sequences { get; }
    public ImmutableDictionary<uint, ViewDef> Views { get; }
    public ImmutableDictionary<string, uint> RelationsByName { get; }
    public ImmutableHashSet<string> Schemas { get; }
    public ImmutableDictionary<string, ExtensionDef> Extensions { get; }
    /// <summary>COMMENT ON texts (pg_description), keyed by catalog, object and column.</summary>
    public ImmutableDictionary<CommentKey, string> Comments { get; }
    /// <summary>pg_namespace oids of the schemas CREATE SCHEMA (or a first temporary table) made; the built-in ones are <see cref="PgCatalog.SchemaOids"/>.</summary>
    public ImmutableDictionary<string, uint> SchemaOidsByName { get; }

    private SystemCatalog With(
        ImmutableDictionary<uint, TableDef>? tables = null,
        ImmutableDictionary<uint, IndexDef>? indexes = null,
        ImmutableDictionary<uint, SequenceDef>? sequences = null,
        ImmutableDictionary<uint, ViewDef>? views = null,
        ImmutableDictionary<string, uint>? names = null,
        ImmutableHashSet<string>? schemas = null,
        ImmutableDictionary<string, ExtensionDef>? extensions = null,
        ImmutableDictionary<CommentKey, string>? comments = null,
        ImmutableDictionary<string, uint>? schemaOids = null,
        ImmutableDictionary<uint, UserTypeDef>? userTypes = null) =>
        new(tables ?? Tables, indexes ?? Indexes, sequences ?? Sequences, views ?? Views,
            names ?? RelationsByName, schemas ?? Schemas, extensions ?? Extensions, comments ?? Comments, schemaOids ?? SchemaOidsByName, userTypes ?? UserTypes)
        { Routines = Routines, Auth = Auth };

    /// <summary>Rebuilds a catalog from its parts exactly as they were (loading a database file).</summary>
    internal static SystemCatalog Restore(
        ImmutableDictionary<uint, TableDef> tables,
        ImmutableDictionary<uint, IndexDef> indexes,
        ImmutableDictionary<uint, SequenceDef> sequences,
        ImmutableDictionary<uint, ViewDef> views,
        ImmutableDictionary<string, uint> relationsByName,
        ImmutableHashSet<string> schemas,
        ImmutableDictionary<string, ExtensionDef> extensions,
        ImmutableDictionary<CommentKey, string> comments,
        ImmutableDictionary<string, uint> schemaOids,
        ImmutableDictionary<uint, UserTypeDef>? userTypes = null) =>
        new(tables, indexes, sequences, views, relationsByName, schemas, extensions, comments, schemaOids, userTypes ?? ImmutableDictionary<uint, UserTypeDef>.Empty);

    public static string Key(string schema, string name) => schema + "." + name;

    /// <summary>Resolves a relation name through PostgreSQL's default search path; returns 0 when not found.</summary>
    public uint LookupRelation(string? schema, string name) => LookupRelation(SearchPath.Default, schema, name);

    /// <summary>
    /// Resolves a relation name, qualified or along <paramref name="path"/>; returns 0 when not
    /// found. A system relation of pg_catalog earlier on the path hides a user relation of the same
    /// name (0 is returned then too: the caller finds the system relation with
    /// <see cref="PgCatalog.SystemRelations.Find(SystemCatalog, SearchPath, string?, string)"/>).
    /// </summary>
    public uint LookupRelation(SearchPath path, string? schema, string name)
    {
        if (schema is not null)
            return RelationsByName.TryGetValue(Key(path.Qualifier(schema), name), out var o) ? o : 0;
        foreach (var s in path.Effective(this))
        {
            if (RelationsByName.TryGetValue(Key(s, name), out var found)) return found;
            if (PgCatalog.SystemRelations.IsSystemRelation(s, name)) return 0;
        }
        return 0;
    }

    /// <summary>The pg_namespace oid of a schema, or 0 when there is no such schema.</summary>
    public uint SchemaOid(string schema) =>
        PgCatalog.SchemaOids.Builtin(schema) is var b and not 0 ? b : SchemaOidsByName.TryGetValue(schema, out var o) ? o : 0;

    /// <summary>The name of the schema with this pg_namespace oid, or null.</summary>
    public string? SchemaName(uint oid) => Schemas.FirstOrDefault(s => SchemaOid(s) == oid);

    /// <summary>Oids (in oid order) of the relations in a schema: tables, views and sequences, not indexes (they go with their tables).</summary>
    public IEnumerable<uint> RelationsInSchema(string schema) =>
        RelationsByName.Where(kv => kv.Key.StartsWith(schema + ".", StringComparison.Ordinal))
            .Select(kv => kv.Value).Where(o => !Indexes.ContainsKey(o) && RelationSchema(o) == schema).Order();

    public bool RelationExists(string schema, string name) => RelationsByName.ContainsKey(Key(schema, name));

    public TableDef? FindTable(string? schema, string name)
    {
        var oid = LookupRelation(schema, name);
        return oid != 0 && Tables.TryGetValue(oid, out var t) ? t : null;
    }

    public TableDef Table(uint oid) => Tables[oid];

    public SequenceDef? FindSequence(string? schema, string name)
    {
        var oid = LookupRelation(schema, name);
        return oid != 0 && Sequences.TryGetValue(oid, out var s) ? s : null;
    }

    /// <summary>The relation kind of an oid as pg_class.relkind: r (also partitioned tables), m, i, S, v, or '\0'.</summary>
    public char RelationKind(uint oid) =>
        Tables.TryGetValue(oid, out var t) ? (t.IsMatView ? 'm' : 'r') : Indexes.ContainsKey(oid) ? 'i' : Sequences.ContainsKey(oid) ? 'S' : Views.ContainsKey(oid) ? 'v' : '\0';

    public string RelationName(uint oid) =>
        Tables.TryGetValue(oid, out var t) ? t.Name :
        Indexes.TryGetValue(oid, out var i) ? i.Name :
        Sequences.TryGetValue(oid, out var s) ? s.Name :
        Views.TryGetValue(oid, out var v) ? v.Name : oid.ToString();

    public string RelationSchema(uint oid) =>
        Tables.TryGetValue(oid, out var t) ? t.Schema :
        Indexes.TryGetValue(oid, out var i) ? Tables[i.TableOid].Schema :
        Sequences.TryGetValue(oid, out var s) ? s.Schema :
        Views.TryGetValue(oid, out var v) ? v.Schema : PublicSchema;

    /// <summary>
    /// The stored queries of views and materialized views, by oid: what reads other relations and
    /// so depends on them.
    /// </summary>
    public IEnumerable<ViewDef> StoredQueries =>
        Views.Values.Concat(Tables.Values.Where(t => t.MatView is not null).Select(t => t.MatView!.Query));

    /// <summary>Foreign keys (on any table) whose parent is <paramref name="parentOid"/>, in constraint-oid order.</summary>
    public IReadOnlyList<ForeignKeyDef> ReferencingForeignKeys(uint parentOid)
    {
        var map = _referencing;
        if (map is null)
        {
            map = new Dictionary<uint, List<ForeignKeyDef>>();
            foreach (var t in Tables.Values)
                foreach (var fk in t.ForeignKeys)
                {
                    if (!map.TryGetValue(fk.ParentTableOid, out var list)) map[fk.ParentTableOid] = list = new();
                    list.Add(fk);
                }
            foreach (var list in map.Values) list.Sort((a, b) => a.Oid.CompareTo(b.Oid));
            _referencing = map;
        }
        return map.TryGetValue(parentOid, out var l) ? l : Array.Empty<ForeignKeyDef>();
    }

    /// <summary>True when a constraint with this name exists on any relation in the schema (PostgreSQL's ChooseConstraintName test).</summary>
    public bool ConstraintNameUsed(string schema, string name) =>
        Tables.Values.Any(t => t.Schema == schema && t.Constraints.Any(c => c.Name == name
            || c is ForeignKeyDef { ReferencedPartitions.Count: > 0 } fk && fk.ReferencedPartitions.Any(r => r.Name == name)));

    public SystemCatalog PutTable(TableDef table)
    {
        var names = RelationsByName;
        if (Tables.TryGetValue(table.Oid, out var old) && (old.Name != table.Name || old.Schema != table.Schema))
            names = names.Remove(Key(old.Schema, old.Name));
        var result = With(tables: Tables.SetItem(table.Oid, table), names: names.SetItem(Key(table.Schema, table.Name), table.Oid));
        return old is { RowTypeOid: not 0 } ? result.RefreshRowTypeCopies(old.RowType, table.RowType) : result;
    }

    public SystemCatalog RemoveTable(uint oid)
    {
        var t = Tables[oid];
        var result = With(tables: Tables.Remove(oid), names: RelationsByName.Remove(Key(t.Schema, t.Name)),
            comments: CommentsWithout(CommentKey.RelationClass, oid, t.Constraints.Select(c => c.Oid)));
        // A table's statistics objects go with it.
        return Routines.Statistics.IsEmpty ? result : result.RemoveStatistics(StatisticsOf(oid).Select(s => s.Oid));
    }

    public SystemCatalog PutIndex(IndexDef index, string schema)
    {
        var names = RelationsByName;
        if (Indexes.TryGetValue(index.Oid, out var old) && old.Name != index.Name)
            names = names.Remove(Key(schema, old.Name));
        return With(indexes: Indexes.SetItem(index.Oid, index), names: names.SetItem(Key(schema, index.Name), index.Oid));
    }

    /// <summary>Files an index's name under the schema its table moved to.</summary>
    public SystemCatalog MoveIndexName(IndexDef index, string fromSchema, string toSchema) =>
        With(names: RelationsByName.Remove(Key(fromSchema, index.Name)).SetItem(Key(toSchema, index.Name), index.Oid));

    public SystemCatalog RemoveIndex(uint oid, string schema)
    {
        var i = Indexes[oid];
        return With(indexes: Indexes.Remove(oid), names: RelationsByName.Remove(Key(schema, i.Name)),
            comments: CommentsWithout(CommentKey.RelationClass, oid));
    }

    /// <summary>
    /// Puts <paramref name="replacement"/> in the place of index <paramref name="oldOid"/> under a
    /// new oid (REINDEX CONCURRENTLY's swap): the name now files the new oid and the comments on
    /// the old index and its columns move to it.
    /// </summary>
    public SystemCatalog ReplaceIndexOid(uint oldOid, IndexDef replacement, string schema)
    {
        var comments = Comments;
        foreach (var (key, text) in Comments.Where(c => c.Key.ClassOid == CommentKey.RelationClass && c.Key.ObjectOid == oldOid).ToList())
            comments = comments.Remove(key).SetItem(key with { ObjectOid = replacement.Oid }, text);
        return With(indexes: Indexes.Remove(oldOid).SetItem(replacement.Oid, replacement),
            names: RelationsByName.SetItem(Key(schema, replacement.Name), replacement.Oid), comments: comments);
    }

    public SystemCatalog PutSequence(SequenceDef seq)
    {
        var names = RelationsByName;
        if (Sequences.TryGetValue(seq.Oid, out var old) && (old.Name != seq.Name || old.Schema != seq.Schema))
            names = names.Remove(Key(old.Schema, old.Name));
        return With(sequences: Sequences.SetItem(seq.Oid, seq), names: names.SetItem(Key(seq.Schema, seq.Name), seq.Oid));
    }

    public SystemCatalog RemoveSequence(uint oid)
    {
        var s = Sequences[oid];
        return With(sequences: Sequences.Remove(oid), names: RelationsByName.Remove(Key(s.Schema, s.Name)),
            comments: CommentsWithout(CommentKey.RelationClass, oid));
    }

    public SystemCatalog PutView(ViewDef view)
    {
        var names = RelationsByName;
        if (Views.TryGetValue(view.Oid, out var old) && (old.Name != view.Name || old.Schema != view.Schema))
            names = names.Remove(Key(old.Schema, old.Name));
        var result = With(views: Views.SetItem(view.Oid, view), names: names.SetItem(Key(view.Schema, view.Name), view.Oid));
        return old is { RowTypeOid: not 0 } ? result.RefreshRowTypeCopies(old.RowType, view.RowType) : result;
    }

    public SystemCatalog RemoveView(uint oid)
    {
        var v = Views[oid];
        return With(views: Views.Remove(oid), names: RelationsByName.Remove(Key(v.Schema, v.Name)),
            comments: CommentsWithout(CommentKey.RelationClass, oid));
    }

    /// <summary>
    /// The catalog without the sessions' temporary schemas and their relations: what the durable
    /// log and snapshots hold, as temporary relations do not outlive their sessions.
    /// </summary>
    public SystemCatalog WithoutTemporary()
    {
        var temps = Schemas.Where(SearchPath.IsTempSchema).ToList();
        if (temps.Count == 0) return this;
        var c = this;
        foreach (var v in Views.Values.Where(v => SearchPath.IsTempSchema(v.Schema))) c = c.RemoveView(v.Oid);
        foreach (var t in Tables.Values.Where(t => SearchPath.IsTempSchema(t.Schema)))
        {
            foreach (var i in t.Indexes) c = c.RemoveIndex(i.Oid, t.Schema);
            c = c.RemoveTable(t.Oid);
        }
        foreach (var s in Sequences.Values.Where(s => SearchPath.IsTempSchema(s.Schema))) c = c.RemoveSequence(s.Oid);
        foreach (var s in temps) c = c.RemoveSchema(s);
        return c;
    }

    public SystemCatalog AddExtension(ExtensionDef extension) => With(extensions: Extensions.SetItem(extension.Name, extension));
    public SystemCatalog RemoveExtension(string name) =>
        Extensions.TryGetValue(name, out var e)
            ? With(extensions: Extensions.Remove(name), comments: CommentsWithout(CommentKey.ExtensionClass, e.Oid))
            : this;
    public SystemCatalog AddSchema(string name, uint oid) =>
        With(schemas: Schemas.Add(name), schemaOids: SchemaOidsByName.SetItem(name, oid));

    public SystemCatalog RemoveSchema(string name) =>
        With(schemas: Schemas.Remove(name), schemaOids: SchemaOidsByName.Remove(name),
            comments: CommentsWithout(CommentKey.NamespaceClass, SchemaOid(name)));

    /// <summary>ALTER SCHEMA … RENAME TO: the schema and every relation and routine in it change their schema name.</summary>
    public SystemCatalog RenameSchema(string from, string to)
    {
        var oid = SchemaOid(from);
        var names = RelationsByName.Where(kv => RelationSchema(kv.Value) != from).ToImmutableDictionary()
            .AddRange(RelationsByName.Where(kv => RelationSchema(kv.Value) == from)
                .Select(kv => KeyValuePair.Create(Key(to, kv.Key[(from.Length + 1)..]), kv.Value)));
        var tables = Tables.SetItems(Tables.Values.Where(t => t.Schema == from).Select(t => KeyValuePair.Create(t.Oid, t with { Schema = to })));
        var sequences = Sequences.SetItems(Sequences.Values.Where(q => q.Schema == from).Select(q => KeyValuePair.Create(q.Oid, q with { Schema = to })));
        var views = Views.SetItems(Views.Values.Where(v => v.Schema == from).Select(v => KeyValuePair.Create(v.Oid, v with { Schema = to })));
        return new SystemCatalog(tables, Indexes, sequences, views, names, Schemas.Remove(from).Add(to), Extensions, Comments,
            SchemaOidsByName.Remove(from).SetItem(to, oid), UserTypes)
        {
            Routines = Routines with
            {
                Functions = Routines.Functions.SetItems(Routines.Functions.Values.Where(f => f.Schema == from)
                    .Select(f => KeyValuePair.Create(f.Oid, f with { Schema = to }))),
            },
            Auth = Auth,
        };
    }

    /// <summary>Sets (or with null/empty text removes, as PostgreSQL does) the comment on an object.</summary>
    public SystemCatalog SetComment(CommentKey key, string? text) =>
        With(comments: string.IsNullOrEmpty(text) ? Comments.Remove(key) : Comments.SetItem(key, text));

    /// <summary>
    /// The comments without those on <paramref name="oid"/> (and its columns) and on the given
    /// constraints: a dropped object takes its comments with it.
    /// </summary>
    private ImmutableDictionary<CommentKey, string> CommentsWithout(uint classOid, uint oid, IEnumerable<uint>? constraints = null)
    {
        if (Comments.IsEmpty) return Comments;
        var gone = constraints?.ToHashSet() ?? [];
        return Comments.RemoveRange(Comments.Keys.Where(k =>
            (k.ClassOid == classOid && k.ObjectOid == oid) || (k.ClassOid == CommentKey.ConstraintClass && gone.Contains(k.ObjectOid))));
    }

    /// <summary>Drops the comment of a constraint that is being dropped.</summary>
    public SystemCatalog RemoveConstraintComment(uint constraintOid) =>
        Comments.IsEmpty ? this : With(comments: Comments.Remove(new CommentKey(CommentKey.ConstraintClass, constraintOid, 0)));
}

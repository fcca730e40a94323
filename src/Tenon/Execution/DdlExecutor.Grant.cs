using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// GRANT / REVOKE of privileges on tables (and their columns), sequences, schemas and routines:
/// PostgreSQL's acl update (merge into the grantee's entry from the same grantor, drop emptied
/// entries), grantor chosen as the owner when the owner or a superuser grants, grant options,
/// dependent grants revoked with CASCADE or refused (2BP01) without.
/// </summary>
public sealed partial class DdlExecutor
{
    private static readonly Dictionary<string, Privilege> PrivilegeNames = new(StringComparer.Ordinal)
    {
        ["select"] = Privilege.Select, ["insert"] = Privilege.Insert, ["update"] = Privilege.Update, ["delete"] = Privilege.Delete,
        ["truncate"] = Privilege.Truncate, ["references"] = Privilege.References, ["trigger"] = Privilege.Trigger,
        ["execute"] = Privilege.Execute, ["usage"] = Privilege.Usage, ["create"] = Privilege.Create,
        ["temporary"] = Privilege.Temporary, ["temp"] = Privilege.Temporary, ["connect"] = Privilege.Connect,
    };

    public StatementResult Grant(GrantStatement stmt)
    {
        if (stmt.Kind == GrantObjectKind.Database)
            throw new TenonException(SqlState.FeatureNotSupported, $"{(stmt.IsGrant ? "GRANT" : "REVOKE")} ON DATABASE is not supported by Tenon yet");
        var grantees = stmt.Grantees.Select(g => RoleSpecName(g, out var pub) is var n && pub ? 0u : RoleOf(g).Oid).ToList();
        foreach (var (key, kind, name) in GrantTargets(stmt))
        {
            // ON TABLE names sequences too, keeping only the privileges a sequence has (with a WARNING for the rest).
            var all = Privileges.AllFor(kind);
            var tablePrivs = Privilege.None;
            var columnPrivs = new List<(Privilege Priv, List<string> Columns)>();
            foreach (var p in stmt.Privileges ?? [new PrivilegeSpec("all", null, 0)])
            {
                var bits = p.Name == "all" ? all
                    : PrivilegeNames.TryGetValue(p.Name, out var b) ? b
                    : throw new TenonException(SqlState.SyntaxError, $"unrecognized privilege type \"{p.Name}\"");
                if (p.Columns is not null)
                {
                    if (kind != 'r') throw new TenonException(SqlState.InvalidGrantOperation, $"invalid privilege type {p.Name.ToUpperInvariant()} for {(kind == 'S' ? "sequence" : "table")}");
                    if ((bits & ~Privileges.AllColumn) != 0 && p.Name != "all")
                        throw new TenonException(SqlState.InvalidGrantOperation, $"invalid privilege type {p.Name.ToUpperInvariant()} for column");
                    columnPrivs.Add((p.Name == "all" ? Privileges.AllColumn : bits, p.Columns.ToList()));
                    continue;
                }
                if ((bits & ~all) != 0)
                {
                    if (kind == 'S' && !stmt.KindWritten || kind == 'S' && stmt.Kind == GrantObjectKind.Table)
                    {
                        ctx.Session.RaiseNotice(new Notice("WARNING", "01007", $"sequence \"{name}\" only supports USAGE, SELECT, and UPDATE privileges"));
                        bits &= all;
                    }
                    else throw new TenonException(SqlState.InvalidGrantOperation,
                        $"invalid privilege type {p.Name.ToUpperInvariant()} for {(kind switch { 'S' => "sequence", 'n' => "schema", 'f' => "function", _ => "table" })}");
                }
                tablePrivs |= bits;
            }
            ApplyGrant(stmt, key, kind, name, grantees, tablePrivs, columnPrivs, stmt.Privileges is null);
        }
        return new StatementResult(stmt.IsGrant ? "GRANT" : "REVOKE");
    }

    /// <summary>The objects a GRANT names: (acl key, kind 'r' 'S' 'n' 'f', name for messages).</summary>
    private IEnumerable<(ObjectKey Key, char Kind, string Name)> GrantTargets(GrantStatement stmt)
    {
        var list = new List<(ObjectKey, char, string)>();
        if (stmt.InSchemas is { } schemas)
        {
            foreach (var s in schemas)
            {
                if (!Catalog.Schemas.Contains(s)) throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{s}\" does not exist");
                if (stmt.Kind is GrantObjectKind.Table or GrantObjectKind.Sequence)
                {
                    foreach (var oid in Catalog.RelationsInSchema(s))
                    {
                        var isSeq = Catalog.Sequences.ContainsKey(oid);
                        if (isSeq == (stmt.Kind == GrantObjectKind.Sequence))
                            list.Add((new ObjectKey(ObjectKey.Relation, oid), isSeq ? 'S' : 'r', Catalog.RelationName(oid)));
                    }
                }
                else
                    foreach (var f in Catalog.Functions.Values.Where(f => f.Schema == s && f.Aggregate is null
                                 && (stmt.Kind == GrantObjectKind.Routine || (f.Kind == 'p') == (stmt.Kind == GrantObjectKind.Procedure))).OrderBy(f => f.Oid))
                        list.Add((new ObjectKey(ObjectKey.Routine, f.Oid), 'f', f.Name));
            }
            return list;
        }
        switch (stmt.Kind)
        {
            case GrantObjectKind.Schema:
                foreach (var n in stmt.Objects)
                {
                    var oid = Catalog.SchemaOid(n.Name);
                    if (oid == 0) throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{n.Name}\" does not exist");
                    list.Add((new ObjectKey(ObjectKey.Namespace, oid), 'n', n.Name));
                }
                break;
            case GrantObjectKind.Function or GrantObjectKind.Procedure or GrantObjectKind.Routine:
                var word = stmt.Kind switch { GrantObjectKind.Function => "function", GrantObjectKind.Procedure => "procedure", _ => "routine" };
                foreach (var sig in stmt.Routines!)
                {
                    var f = FindRoutine(sig, word, ifExists: false)!;
                    list.Add((new ObjectKey(ObjectKey.Routine, f.Oid), 'f', f.Name));
                }
                break;
            default:
                foreach (var n in stmt.Objects)
                {
                    var oid = Lookup(n);
                    if (oid == 0)
                    {
                        if (Catalog.Schemas.Contains(n.Schema ?? SystemCatalog.PublicSchema) || n.Schema is null)
                            throw new TenonException(SqlState.UndefinedTable, $"relation \"{n}\" does not exist");
                        throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{n.Schema}\" does not exist");
                    }
                    var isSeq = Catalog.Sequences.ContainsKey(oid);
                    if (stmt.Kind == GrantObjectKind.Sequence && !isSeq)
                        throw new TenonException(SqlState.WrongObjectType, $"\"{n.Name}\" is not a sequence");
                    if (Catalog.Indexes.ContainsKey(oid))
                        throw new TenonException(SqlState.WrongObjectType, $"\"{n.Name}\" is an index");
                    list.Add((new ObjectKey(ObjectKey.Relation, oid), isSeq ? 'S' : 'r', Catalog.RelationName(oid)));
                }
                break;
        }
        return list;
    }

    private void ApplyGrant(GrantStatement stmt, ObjectKey key, char kind, string name, List<uint> grantees, Privilege privs,
        List<(Privilege Priv, List<string> Columns)> columnPrivs, bool all)
    {
        var auth = Auth;
        var current = Catalog.AclOf(key);
        var me = ctx.Session.CurrentUserOid(auth);
        var superuser = ctx.Session.IsSuperuser(auth);
        var kindName = kind switch { 'S' => "sequence", 'n' => "schema", 'f' => key.ClassOid == ObjectKey.Routine && Catalog.Functions.TryGetValue(key.ObjectOid, out var fn) && fn.Kind == 'p' ? "procedure" : "function", _ => Privileges.RelationKindName(Catalog, key.ObjectOid) };
        uint grantor;
        var ownerLike = superuser || auth.HasPrivilegesOf(me, current.Owner);
        if (ownerLike) grantor = current.Owner;
        else
        {
            grantor = me;
            var options = Privileges.Held(Catalog, me, key, grantOptions: true);
            var wanted = privs | columnPrivs.Aggregate(Privilege.None, (a, c) => a | c.Priv);
            if (options == 0 && Privileges.Held(Catalog, me, key) == 0) throw Privileges.Denied(kindName, name);
            if ((wanted & options) == 0)
            {
                ctx.Session.RaiseNotice(new Notice("WARNING", "01007", stmt.IsGrant ? $"no privileges were granted for \"{name}\"" : $"no privileges could be revoked for \"{name}\""));
                return;
            }
            if ((wanted & ~options) != 0 && !all)
                ctx.Session.RaiseNotice(new Notice("WARNING", "01007", stmt.IsGrant ? $"not all privileges were granted for \"{name}\"" : $"not all privileges could be revoked for \"{name}\""));
            privs &= options;
            for (var i = 0; i < columnPrivs.Count; i++) columnPrivs[i] = (columnPrivs[i].Priv & options, columnPrivs[i].Columns);
        }
        var acl = (current.Acl ?? Privileges.Default(kind, current.Owner, key)).ToList();
        var columns = current.Columns.ToList();
        foreach (var grantee in grantees)
        {
            if (stmt.GrantOption && stmt.IsGrant && grantee == 0)
                throw new TenonException(SqlState.InvalidGrantOperation, "grant options can only be granted to roles");
            if (privs != 0 || (all && stmt.Privileges is null)) acl = Update(acl, grantee, grantor, privs, stmt, current.Owner);
            // REVOKE at the table level also takes the same privileges off every column.
            if (!stmt.IsGrant && kind == 'r' && privs != 0)
                for (var i = 0; i < columns.Count; i++)
                    columns[i] = columns[i] with { Acl = Update(columns[i].Acl.ToList(), grantee, grantor, privs & Privileges.AllColumn, stmt, current.Owner).ToArray() };
            foreach (var (cp, names) in columnPrivs)
            {
                var table = Catalog.Tables[key.ObjectOid];
                foreach (var cn in names)
                {
                    var col = table.FindColumn(cn) is { IsDropped: false } c ? c
                        : throw new TenonException(SqlState.UndefinedColumn, $"column \"{cn}\" of relation \"{table.Name}\" does not exist");
                    var idx = columns.FindIndex(x => x.Column == col.Number);
                    var existing = idx >= 0 ? columns[idx].Acl.ToList() : new List<AclItem>();
                    var updated = Update(existing, grantee, grantor, cp, stmt, current.Owner).ToArray();
                    if (idx >= 0) columns[idx] = columns[idx] with { Acl = updated };
                    else columns.Add(new ColumnAcl { Column = col.Number, Acl = updated });
                }
            }
        }
        columns.RemoveAll(c => c.Acl.Length == 0);
        columns.Sort((a, b) => a.Column.CompareTo(b.Column));
        Catalog = Catalog.WithAuth(Auth.PutObject(key, current with { Acl = acl.ToArray(), Columns = columns.ToArray() }));
    }

    /// <summary>aclupdate for one grantee and grantor: GRANT adds to its entry (appended when new), REVOKE takes away; emptied entries go.</summary>
    private List<AclItem> Update(List<AclItem> acl, uint grantee, uint grantor, Privilege privs, GrantStatement stmt, uint owner)
    {
        var idx = acl.FindIndex(a => a.Grantee == grantee && a.Grantor == grantor);
        if (stmt.IsGrant)
        {
            if (privs == 0) return acl;
            var options = stmt.GrantOption ? privs : Privilege.None;
            if (idx >= 0) acl[idx] = acl[idx] with { Privileges = acl[idx].Privileges | privs, GrantOptions = acl[idx].GrantOptions | options };
            else acl.Add(new AclItem { Grantee = grantee, Grantor = grantor, Privileges = privs, GrantOptions = options });
            return acl;
        }
        if (idx < 0) return acl;
        var item = acl[idx];
        var lostOptions = item.GrantOptions & privs;
        // Grants made on the strength of a lost grant option depend on it.
        if (lostOptions != 0 && grantee != 0 && acl.Any(a => a.Grantor == grantee && a.Grantee != grantee && (a.Privileges & lostOptions) != 0))
        {
            if (!stmt.Cascade)
                throw new TenonException(SqlState.DependentObjectsStillExist, "dependent privileges exist", hint: "Use CASCADE to revoke them too.");
            foreach (var dep in acl.Where(a => a.Grantor == grantee && a.Grantee != grantee && (a.Privileges & lostOptions) != 0).Select(a => a.Grantee).Distinct().ToList())
                acl = Update(acl, dep, grantee, lostOptions, stmt with { GrantOption = false }, owner);
            idx = acl.FindIndex(a => a.Grantee == grantee && a.Grantor == grantor);
            if (idx < 0) return acl;
            item = acl[idx];
        }
        item = stmt.GrantOption
            ? item with { GrantOptions = item.GrantOptions & ~privs }
            : item with { Privileges = item.Privileges & ~privs, GrantOptions = item.GrantOptions & ~privs };
        if (item.Privileges == 0) acl.RemoveAt(idx);
        else acl[idx] = item;
        return acl;
    }
}

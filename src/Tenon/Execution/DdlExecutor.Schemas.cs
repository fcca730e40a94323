using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution.Routines;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// CREATE SCHEMA, DROP SCHEMA and ALTER SCHEMA. A schema's relations (tables with their indexes
/// and owned sequences, views, sequences) go with it on DROP … CASCADE, together with what
/// depends on them from elsewhere (views, foreign keys), after one NOTICE listing them.
/// </summary>
public sealed partial class DdlExecutor
{
    public StatementResult CreateSchema(CreateSchemaStatement stmt)
    {
        if (stmt.Authorization is { } role) RequireRole(role);
        var name = CreatedSchemaName(stmt);
        if (Catalog.Schemas.Contains(name))
        {
            if (!stmt.IfNotExists) throw new TenonException(SqlState.DuplicateSchema, $"schema \"{name}\" already exists");
            ctx.Session.RaiseNotice(new Notice("NOTICE", SqlState.DuplicateSchema, $"schema \"{name}\" already exists, skipping"));
            return new StatementResult("CREATE SCHEMA");
        }
        RequireUserSchemaName(name);
        var oid = (uint)Db.NextOid();
        Catalog = Catalog.AddSchema(name, oid);
        // AUTHORIZATION r gives the schema to r (a role that is no catalog role: the bootstrap superuser's).
        if (stmt.Authorization is { } owner && RoleOf(OwnerSpec(owner)) is { } r && Auth.Role(r.Oid) is not null && r.Oid != AuthCatalog.BootstrapOid)
            Catalog = Catalog.WithAuth(Auth.PutObject(new ObjectKey(ObjectKey.Namespace, oid), new ObjectAcl { Owner = r.Oid }));
        return new StatementResult("CREATE SCHEMA");
    }

    /// <summary>The name CREATE SCHEMA gives the schema (the role's, for AUTHORIZATION alone).</summary>
    public string CreatedSchemaName(CreateSchemaStatement stmt) =>
        NameGenerator.Truncate(stmt.Authorization is { } r && stmt.Name == r ? ResolveRole(r) : stmt.Name);

    public StatementResult AlterSchema(AlterSchemaStatement stmt)
    {
        if (!Catalog.Schemas.Contains(stmt.Name) || SearchPath.IsTempSchema(stmt.Name))
            throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{stmt.Name}\" does not exist");
        if (stmt.Owner is { } owner)
        {
            var key = new ObjectKey(ObjectKey.Namespace, Catalog.SchemaOid(stmt.Name));
            SetOwner(key, "schema", stmt.Name, owner);
            return new StatementResult("ALTER SCHEMA");
        }
        Privileges.RequireOwner(ctx, new ObjectKey(ObjectKey.Namespace, Catalog.SchemaOid(stmt.Name)), "schema", stmt.Name);
        var newName = NameGenerator.Truncate(stmt.NewName!);
        if (Catalog.Schemas.Contains(newName)) throw new TenonException(SqlState.DuplicateSchema, $"schema \"{newName}\" already exists");
        RequireUserSchemaName(newName);
        if (Tenon.Catalog.PgCatalog.SchemaOids.Builtin(stmt.Name) != 0 && stmt.Name != SystemCatalog.PublicSchema)
            throw new TenonException(SqlState.InsufficientPrivilege, $"cannot rename schema {stmt.Name}");
        Catalog = Catalog.RenameSchema(stmt.Name, newName);
        return new StatementResult("ALTER SCHEMA");
    }

    private static void RequireUserSchemaName(string name)
    {
        if (name.StartsWith("pg_", StringComparison.Ordinal))
            throw new TenonException(SqlState.ReservedName, $"unacceptable schema name \"{name}\"",
                "The prefix \"pg_\" is reserved for system schemas.");
    }

    /// <summary>Tenon has one role, the session's user; any other role name does not exist.</summary>
    private void RequireRole(string role) => RoleOf(OwnerSpec(role));

    private string ResolveRole(string role) => role switch
    {
        "current_user" or "current_role" => ctx.Session.UserName,
        "session_user" => ctx.Session.SessionUserName,
        _ => role,
    };

    /// <summary>DROP SCHEMA a, b …: the schemas and their contents go together, with one error or NOTICE for all.</summary>
    private void DropSchemas(DropStatement stmt)
    {
        var schemas = new List<string>();
        foreach (var name in stmt.Names)
        {
            var schema = name.Name;
            if (!Catalog.Schemas.Contains(schema) || SearchPath.IsTempSchema(schema) && schema != Path.TempSchema)
            {
                if (stmt.IfExists) { ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"schema \"{schema}\" does not exist, skipping")); continue; }
                throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{schema}\" does not exist");
            }
            if (schema is "pg_catalog" or "information_schema" or "pg_toast")
                throw new TenonException(SqlState.DependentObjectsStillExist, $"cannot drop schema {schema} because it is required by the database system");
            if (!schemas.Contains(schema)) schemas.Add(schema);
        }
        if (schemas.Count == 0) return;
        var members = new List<(uint Oid, string Schema)>();
        // PostgreSQL lists the last schema's objects first; a partition goes unnamed with its partitioned table.
        foreach (var schema in Enumerable.Reverse(schemas))
            members.AddRange(Catalog.RelationsInSchema(schema)
                .Where(o => !(Catalog.Sequences.TryGetValue(o, out var seq) && Catalog.Tables.TryGetValue(seq.OwnerTableOid, out var owner) && owner.Schema == schema))
                .Where(o => !(Catalog.Tables.TryGetValue(o, out var t) && t.IsPartition && Catalog.Tables.TryGetValue(t.PartitionParent, out var parent) && schemas.Contains(parent.Schema)))
                .Select(o => (o, schema)));
        var extensions = Catalog.Extensions.Values.Where(e => schemas.Contains(e.Schema)).OrderBy(e => e.Oid).ToList();
        // What else goes: the schemas' relations, then for each what depends on it from outside them.
        var inSchema = schemas.SelectMany(Catalog.RelationsInSchema).ToHashSet();
        var lines = new List<string>();
        var dropped = new List<string>();
        var outsideViews = new List<uint>();
        var outsideKeys = new List<ForeignKeyDef>();
        var outsideInheritors = new HashSet<uint>();
        string Noun(uint oid) => RelationNoun(oid);
        foreach (var e in extensions)
        {
            lines.Add($"extension {e.Name} depends on schema {e.Schema}");
            dropped.Add($"extension {e.Name}");
        }
        // The schemas' functions come in creation (oid) order among the relations, as PostgreSQL lists them.
        var functions = Catalog.Functions.Values.Where(f => schemas.Contains(f.Schema)).OrderBy(f => f.Oid).ToList();
        var functionDefaults = new List<DefaultDependencies.Dependent>();
        var outsideTriggers = new List<TriggerDef>();
        void AddFunction(RoutineDef f)
        {
            var what = $"function {(Path.Effective(Catalog).Contains(f.Schema) ? "" : f.Schema + ".")}{RoutineRuntime.Signature(f).Replace(", ", ",")}";
            lines.Add($"{what} depends on schema {f.Schema}");
            dropped.Add(what);
            foreach (var d in DefaultDependencies.OnRoutine(ctx, f.Oid).Where(d => !inSchema.Contains(d.Table.Oid)))
            {
                lines.Add($"{d.Description} depends on {what}");
                dropped.Add(d.Description);
                functionDefaults.Add(d);
            }
            var calling = new List<(string, string)>();
            var views = new List<uint>(outsideViews);
            AddViewsCalling(f.Oid, what, calling, views);
            foreach (var (line, view) in calling.Zip(views.Skip(outsideViews.Count)))
            {
                if (inSchema.Contains(view)) continue;
                lines.Add($"{line.Item1} depends on {line.Item2}");
                dropped.Add(line.Item1);
                outsideViews.Add(view);
            }
            foreach (var t in Catalog.Routines.Triggers.Values.Where(t => t.FunctionOid == f.Oid && !inSchema.Contains(t.TableOid)).OrderBy(t => t.Oid))
            {
                var trigger = $"trigger {t.Name} on {RelationWord(t.TableOid)} {Describe(t.TableOid)}";
                lines.Add($"{trigger} depends on {what}");
                dropped.Add(trigger);
                outsideTriggers.Add(t);
            }
        }
        // Types of the schemas (enums, domains, composite types), each only named here: what uses them goes with them through DROP TYPE … CASCADE.
        var types = Catalog.UserTypes.Values.Where(t => schemas.Contains(t.Schema)).OrderBy(t => t.Oid).ToList();
        void AddType(UserTypeDef t)
        {
            var what = $"type {(Path.Effective(Catalog).Contains(t.Schema) ? "" : SqlErrors.QuoteIdentifier(t.Schema) + ".")}{SqlErrors.QuoteIdentifier(t.Name)}";
            lines.Add($"{what} depends on schema {t.Schema}");
            dropped.Add(what);
        }
        var others = functions.Select(f => (f.Oid, Add: (Action)(() => AddFunction(f))))
            .Concat(types.Select(t => (t.Oid, Add: (Action)(() => AddType(t))))).OrderBy(x => x.Oid).ToList();
        var nextOther = 0;
        foreach (var (oid, schema) in members)
        {
            while (nextOther < others.Count && others[nextOther].Oid < oid) others[nextOther++].Add();
            lines.Add($"{Noun(oid)} {Describe(oid)} depends on schema {schema}");
            dropped.Add($"{Noun(oid)} {Describe(oid)}");
            // Tables elsewhere inheriting from a dropped one go with it (DROP TABLE … CASCADE of the parent).
            if (Catalog.Tables.ContainsKey(oid))
                foreach (var (child, via) in InheritanceDependents(oid, [.. inSchema, .. outsideInheritors]))
                {
                    lines.Add($"table {Describe(child)} depends on table {Describe(via)}");
                    dropped.Add($"table {Describe(child)}");
                    outsideInheritors.Add(child);
                }
            // Defaults of tables elsewhere that draw from a dropped sequence go with it (DropSequence removes them).
            if (Catalog.Sequences.ContainsKey(oid))
                foreach (var d in DefaultDependencies.OnRelation(ctx, oid).Where(d => !inSchema.Contains(d.Table.Oid)))
                {
                    lines.Add($"{d.Description} depends on sequence {Describe(oid)}");
                    dropped.Add(d.Description);
                }
            if (Catalog.Tables.ContainsKey(oid))
                foreach (var fk in Catalog.ReferencingForeignKeys(oid).Where(fk => !inSchema.Contains(fk.TableOid)))
                {
                    lines.Add($"constraint {fk.Name} on table {Describe(fk.TableOid)} depends on table {Describe(oid)}");
                    dropped.Add($"constraint {fk.Name} on table {Describe(fk.TableOid)}");
                    outsideKeys.Add(fk);
                }
            foreach (var (view, on) in DependentViews([oid]).Where(v => !inSchema.Contains(v.View) && !outsideViews.Contains(v.View)))
            {
                lines.Add($"{RelationNoun(view)} {Describe(view)} depends on {on}");
                dropped.Add($"{RelationNoun(view)} {Describe(view)}");
                outsideViews.Add(view);
            }
        }
        while (nextOther < others.Count) others[nextOther++].Add();
        if (lines.Count > 0 && !stmt.Cascade)
            throw new TenonException(SqlState.DependentObjectsStillExist,
                schemas.Count == 1 ? $"cannot drop schema {schemas[0]} because other objects depend on it" : "cannot drop desired object(s) because other objects depend on them",
                string.Join("\n", lines), "Use DROP ... CASCADE to drop the dependent objects too.");
        ReportCascade(dropped);
        var wasQuiet = _quiet;
        _quiet = true;
        try
        {
            foreach (var fk in outsideKeys)
                if (Catalog.Tables.TryGetValue(fk.TableOid, out var t) && t.Constraints.Any(c => c.Oid == fk.Oid)) RemoveConstraint(fk);
            foreach (var d in functionDefaults)
                if (Catalog.Tables.ContainsKey(d.Table.Oid)) DropColumnDefault(d.Table.Oid, d.Column.Number);
            foreach (var t in outsideTriggers) Catalog = Catalog.RemoveTrigger(t.Oid);
            DropRelationsSilently(members.Select(m => m.Oid).Concat(outsideViews).ToList());
            foreach (var f in functions) Catalog = Catalog.RemoveFunction(f.Oid);
            // Latest first: a domain over another type of the schema goes before its base type.
            foreach (var t in Enumerable.Reverse(types))
                if (Catalog.UserTypes.ContainsKey(t.Oid))
                    DropUserType(new QualifiedName(t.Schema, t.Name), domain: false, ifExists: false, cascade: true, several: false);
            foreach (var e in extensions) Catalog = Catalog.RemoveExtension(e.Name);
        }
        finally
        {
            _quiet = wasQuiet;
        }
        foreach (var schema in schemas) Catalog = Catalog.RemoveSchema(schema);
    }
}

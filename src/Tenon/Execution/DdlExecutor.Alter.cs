using Tenon.Types;
using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Errors;
using Tenon.Sql.Ast;
using Tenon.Storage;
using Tenon.Transactions;

namespace Tenon.Execution;

public sealed partial class DdlExecutor
{
    public StatementResult CreateIndex(CreateIndexStatement stmt)
    {
        var table = FindTable(stmt.Table) ?? throw SqlErrors.RelationDoesNotExist(stmt.Table.ToString());
        if (stmt.Concurrently && table is { IsPartitioned: true, Temporary: false })
            throw new TenonException(SqlState.FeatureNotSupported, $"cannot create index on partitioned table \"{table.Name}\" concurrently");
        if (string.Equals(stmt.Method, "rtree", StringComparison.OrdinalIgnoreCase))
        {
            ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", "substituting access method \"gist\" for obsolete method \"rtree\""));
            stmt = stmt with { Method = "gist" };
        }
        RejectSystemColumns(stmt, table);
        var binder = new Binder(ctx);
        var scope = RowWriter.TableScope(table);
        var cols = new short[stmt.Elements.Count];
        var expressions = new IndexExpression?[stmt.Elements.Count];
        var nameParts = new List<string>();
        for (var i = 0; i < cols.Length; i++)
        {
            var e = stmt.Elements[i];
            if (e.Column is not null)
            {
                cols[i] = (table.FindColumn(e.Column)
                    ?? throw new TenonException(SqlState.UndefinedColumn, $"column \"{e.Column}\" does not exist")).Number;
                nameParts.Add(e.Column);
                continue;
            }
            binder.NoSubqueriesIn = "index expression";
            var bound = binder.BindExpr(e.Expression!, scope);
            RequireImmutable(bound, "index expression");
            expressions[i] = new IndexExpression(e.Expression!, bound.Type, IndexKeyText.Format(bound, table, e.Position));
            // PostgreSQL names an expression key after its function, else "expr".
            nameParts.Add(e.Expression is FunctionCall f ? f.Name.Name : "expr");
        }
        var include = new List<short>();
        foreach (var column in stmt.Include ?? [])
        {
            include.Add((table.FindColumn(column)
                ?? throw new TenonException(SqlState.UndefinedColumn, $"column \"{column}\" does not exist")).Number);
            nameParts.Add(column);
        }
        if (stmt.Where is not null)
        {
            binder.NoSubqueriesIn = "index predicate";
            RequireImmutable(binder.BindCondition(stmt.Where, scope, "WHERE"), "index predicate");
        }
        var method = IndexAccessMethod(stmt, table, cols, expressions);
        if (method is null)
            for (var i = 0; i < cols.Length; i++) RequireBtreeOperatorClass(cols[i] != 0 ? table.Column(cols[i]).Type : expressions[i]!.Type);
        var options = stmt.Options is { } written ? IndexStorageParameters.ForCreate(written, method ?? stmt.Method?.ToLowerInvariant() ?? "btree") : [];
        if (stmt.Unique && table.IsPartitioned) CheckKeyCoversPartitionKey(table, cols, isPrimary: false);
        if (stmt.Tablespace is not null) RequireNonSharedTablespace(stmt.Tablespace);
        var name = stmt.Name is not null ? stmt.Name
            : NameGenerator.Choose(table.Name, NameGenerator.JoinColumnNames(NameGenerator.DistinctColumnNames(nameParts)), "idx", n => Catalog.RelationExists(table.Schema, n));
        if (Catalog.RelationExists(table.Schema, name))
        {
            if (stmt.IfNotExists)
            {
                ctx.Session.RaiseNotice(new Notice("NOTICE", "42P07", $"relation \"{name}\" already exists, skipping"));
                return new StatementResult("CREATE INDEX");
            }
            throw new TenonException(SqlState.DuplicateTable, $"relation \"{name}\" already exists");
        }
        BuildIndex(table, new IndexDef(name, Db.NextOid(), table.Oid, cols, stmt.Unique)
        {
            NullsNotDistinct = stmt.NullsNotDistinct, Descending = stmt.Elements.Select(e => e.Descending).ToArray(),
            NullsFirst = stmt.Elements.Select(e => e.NullsFirst ?? e.Descending).ToArray(), IncludeColumns = include,
            Expressions = expressions.Any(x => x is not null) ? expressions : Array.Empty<IndexExpression?>(),
            Predicate = stmt.Where,
            Method = method,
            Options = options,
            // ON ONLY a partitioned table with partitions: invalid until each partition's index is attached.
            Valid = !(stmt.Only && table.IsPartitioned && PartitionBound.Children(Catalog, table).Count > 0),
        });
        if (!stmt.Only) CascadeToPartitions(table.Oid);
        return new StatementResult("CREATE INDEX");
    }

    /// <summary>An index key, INCLUDE column, key expression or predicate naming a system column (ctid, xmin, …) is refused (Tenon's binder knows only some of them).</summary>
    private static void RejectSystemColumns(CreateIndexStatement stmt, TableDef table)
    {
        bool IsSystem(string name) => SystemColumns.IsSystemName(name) && table.FindColumn(name) is null;
        // An unknown column is reported first, where the keys are resolved.
        if (stmt.Elements.Any(e => e.Column is { } c && !IsSystem(c) && table.FindColumn(c) is null)) return;
        var mentioned = false;
        Expr Visit(Expr parsed, Expr rebuilt)
        {
            if (parsed is ColumnRef { Names: var names } && IsSystem(names[^1])) mentioned = true;
            return rebuilt;
        }
        foreach (var e in stmt.Elements)
        {
            if (e.Column is not null && IsSystem(e.Column)) mentioned = true;
            if (e.Expression is not null) ExprRewriter.Rewrite(e.Expression, Visit);
        }
        if ((stmt.Include ?? []).Any(IsSystem)) mentioned = true;
        if (stmt.Where is not null) ExprRewriter.Rewrite(stmt.Where, Visit);
        if (mentioned) throw new TenonException(SqlState.FeatureNotSupported, "index creation on system columns is not supported");
    }

    /// <summary>
    /// USING gin (over tsvector, jsonb and arrays) or gist (over tsvector and tsquery) is recorded as
    /// such and never used to answer a query; a key of another type has no default operator class
    /// for that method, as in PostgreSQL (42704), unless the statement names one. Any other method
    /// keeps Tenon's earlier behaviour (a plain btree, method not kept).
    /// </summary>
    private static string? IndexAccessMethod(CreateIndexStatement stmt, TableDef table, short[] cols, IndexExpression?[] expressions)
    {
        var method = stmt.Method?.ToLowerInvariant();
        if (method == "hash") return HashIndexMethod(stmt, table, cols, expressions);
        if (method is "gist" or "spgist" && GeometricIndexMethod(stmt, table, cols, expressions, method) is { } geometric) return geometric;
        if (method is not ("gist" or "gin")) return null;
        if (stmt.Unique)
            throw new TenonException(SqlState.FeatureNotSupported, $"access method \"{method}\" does not support unique indexes");
        var types = cols.Select((c, i) => c != 0 ? table.Column(c).Type : expressions[i]!.Type).ToList();
        for (var i = 0; i < types.Count; i++)
        {
            var t = types[i];
            var hasDefault = method == "gin" ? t.Id is TypeId.TsVector or TypeId.Jsonb || t.IsArray : t.Id is TypeId.TsVector or TypeId.TsQuery;
            if (hasDefault) continue;
            if (stmt.Elements[i].OpClass is not null) return null;
            throw new TenonException(SqlState.UndefinedObject, $"data type {t.DisplayName} has no default operator class for access method \"{method}\"",
                hint: "You must specify an operator class for the index or define a default operator class for the data type.");
        }
        return types.Count == 0 ? null : method;
    }

    /// <summary>
    /// USING hash: one key, not unique, no INCLUDE or ordering options, and a key type with a hash
    /// operator class, with PostgreSQL's errors in its order. Stored as a btree; the planner uses it
    /// for equality only, as PostgreSQL does.
    /// </summary>
    private static string HashIndexMethod(CreateIndexStatement stmt, TableDef table, short[] cols, IndexExpression?[] expressions)
    {
        TenonException Refuse(string what) => new(SqlState.FeatureNotSupported, $"access method \"hash\" does not support {what}");
        if (stmt.Unique) throw Refuse("unique indexes");
        if (stmt.Include is { Count: > 0 }) throw Refuse("included columns");
        if (cols.Length > 1) throw Refuse("multicolumn indexes");
        var type = cols[0] != 0 ? table.Column(cols[0]).Type : expressions[0]!.Type;
        if (type.Id is TypeId.Json or TypeId.TsVector or TypeId.TsQuery && stmt.Elements[0].OpClass is null)
            throw new TenonException(SqlState.UndefinedObject, $"data type {type.DisplayName} has no default operator class for access method \"hash\"",
                hint: "You must specify an operator class for the index or define a default operator class for the data type.");
        if (stmt.Elements[0].Descending) throw Refuse("ASC/DESC options");
        if (stmt.Elements[0].NullsFirst is not null) throw Refuse("NULLS FIRST/LAST options");
        return "hash";
    }

    /// <summary>json (and arrays of it) has no btree operator class: no key or index can be built on it.</summary>
    private static void RequireBtreeOperatorClass(SqlType type)
    {
        if (type.Id == TypeId.Json || type.IsGeometric || (type.IsArray && (type.Element!.Id == TypeId.Json || type.Element.IsGeometric)))
            throw new TenonException(SqlState.UndefinedObject, $"data type {type.DisplayName} has no default operator class for access method \"btree\"",
                hint: "You must specify an operator class for the index or define a default operator class for the data type.");
    }

    // Index keys and predicates must give the same answer for a row every time they are computed.
    private void RequireImmutable(Execution.Expressions.BoundExpr e, string what)
    {
        if (!Volatility.IsImmutable(e, r => Routines.RoutineRuntime.InlinesImmutably(r, ctx)))
            throw new TenonException(SqlState.InvalidObjectDefinition, $"functions in {what} must be marked IMMUTABLE");
    }

    public StatementResult Drop(DropStatement stmt)
    {
        var result = DropObjects(stmt);
        SyncReferencedPartitions();
        return result;
    }

    private StatementResult DropObjects(DropStatement stmt)
    {
        var tag = stmt.Kind == ObjectKind.MaterializedView ? "DROP MATERIALIZED VIEW" : "DROP " + stmt.Kind.ToString().ToUpperInvariant();
        if (stmt.Kind == ObjectKind.Schema)
        {
            DropSchemas(stmt);
            return new StatementResult(tag);
        }
        if (stmt.Kind == ObjectKind.Table && stmt.Names.Count > 1) return DropTables(stmt);
        foreach (var name in stmt.Names)
        {
            if (stmt.Kind is ObjectKind.Table or ObjectKind.Index or ObjectKind.Sequence or ObjectKind.View or ObjectKind.MaterializedView
                && name.Schema is { } schema && schema != SystemCatalog.TempSchema && !Catalog.Schemas.Contains(schema))
            {
                if (!stmt.IfExists) throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{schema}\" does not exist");
                ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"schema \"{schema}\" does not exist, skipping"));
                continue;
            }
            switch (stmt.Kind)
            {
                case ObjectKind.Table:
                {
                    var oid = LookupForDrop(name, stmt, "table", SqlState.UndefinedTable);
                    if (oid == 0) continue;
                    RequireKind(oid, name, 'r');
                    DropTable(oid, stmt.Cascade, stmt.Names.Select(n => Lookup(n)).ToHashSet());
                    break;
                }
                case ObjectKind.Index:
                {
                    if (stmt.Concurrently && stmt.Names.Count > 1)
                        throw new TenonException(SqlState.FeatureNotSupported, "DROP INDEX CONCURRENTLY does not support dropping multiple objects");
                    if (stmt.Concurrently && stmt.Cascade)
                        throw new TenonException(SqlState.FeatureNotSupported, "DROP INDEX CONCURRENTLY does not support CASCADE");
                    var oid = LookupForDrop(name, stmt, "index", SqlState.UndefinedObject);
                    if (oid == 0) continue;
                    RequireKind(oid, name, 'i');
                    var index = Catalog.Indexes[oid];
                    // An index attached to a partitioned index goes only with it (before its own constraint).
                    if (index.ParentIndexOid != 0 && Catalog.Indexes.TryGetValue(index.ParentIndexOid, out var parentIndex))
                        throw new TenonException(SqlState.DependentObjectsStillExist,
                            $"cannot drop index {index.Name} because index {parentIndex.Name} requires it",
                            hint: $"You can drop index {parentIndex.Name} instead.");
                    if (index.ConstraintName is not null)
                    {
                        var t = Catalog.Table(index.TableOid);
                        throw new TenonException(SqlState.DependentObjectsStillExist,
                            $"cannot drop index {index.Name} because constraint {index.ConstraintName} on table {t.Name} requires it",
                            hint: $"You can drop constraint {index.ConstraintName} on table {t.Name} instead.");
                    }
                    if (stmt.Concurrently && Catalog.Table(index.TableOid) is { IsPartitioned: true, Temporary: false })
                        throw new TenonException(SqlState.FeatureNotSupported, $"cannot drop partitioned index \"{index.Name}\" concurrently");
                    DropDependentForeignKeys(ForeignKeysUsingIndex(index.Oid), stmt.Cascade, $"index {index.Name}");
                    RemoveIndexTree(index);
                    break;
                }
                case ObjectKind.Sequence:
                {
                    var oid = LookupForDrop(name, stmt, "sequence", SqlState.UndefinedTable);
                    if (oid == 0) continue;
                    RequireKind(oid, name, 'S');
                    DropSequence(Catalog.Sequences[oid], stmt.Cascade);
                    break;
                }
                case ObjectKind.View:
                    DropView(name, stmt);
                    break;
                case ObjectKind.MaterializedView:
                    DropMaterializedView(name, stmt);
                    break;
                case ObjectKind.Type or ObjectKind.Domain:
                    DropUserType(name, stmt.Kind == ObjectKind.Domain, stmt.IfExists, stmt.Cascade, stmt.Names.Count > 1);
                    break;
                case ObjectKind.Extension:
                    if (!Catalog.Extensions.TryGetValue(name.Name, out var extension))
                    {
                        if (stmt.IfExists) { ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"extension \"{name.Name}\" does not exist, skipping")); continue; }
                        throw new TenonException(SqlState.UndefinedObject, $"extension \"{name.Name}\" does not exist");
                    }
                    DropExtension(extension, stmt.Cascade);
                    break;
                default:
                    throw new TenonException(SqlState.FeatureNotSupported, $"{tag} is not supported yet") { Position = stmt.Position };
            }
        }
        return new StatementResult(tag);
    }

    // DROP TABLE/INDEX/SEQUENCE of a relation of another kind: 42809 with a hint naming the right DROP.
    private void RequireKind(uint oid, Sql.Ast.QualifiedName name, char kind)
    {
        var actual = Catalog.RelationKind(oid);
        if (actual == kind) return;
        static string Noun(char k) => k switch { 'r' => "table", 'i' => "index", 'S' => "sequence", 'm' => "materialized view", _ => "view" };
        static string Article(char k) => k == 'i' ? "an" : "a";
        throw new TenonException(SqlState.WrongObjectType, $"\"{name.Name}\" is not {Article(kind)} {Noun(kind)}",
            hint: $"Use DROP {Noun(actual).ToUpperInvariant()} to remove {Article(actual)} {Noun(actual)}.");
    }

    /// <summary>
    /// DROP TABLE of several tables: PostgreSQL resolves every name first, then treats the tables as
    /// one set: the foreign keys from outside it on any of them (the last named table's first) are
    /// reported together, in its wording for several objects, or dropped after a single NOTICE.
    /// </summary>
    /// <summary>
    /// The object a DROP names, or 0 after DROP … IF EXISTS's notice for a missing one; a missing
    /// object without IF EXISTS is PostgreSQL's "<paramref name="what"/> "x" does not exist".
    /// </summary>
    private uint LookupForDrop(QualifiedName name, DropStatement stmt, string what, string sqlState)
    {
        var oid = Lookup(name);
        if (oid != 0) return oid;
        if (!stmt.IfExists) throw new TenonException(sqlState, $"{what} \"{name}\" does not exist");
        ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"{what} \"{name.Name}\" does not exist, skipping"));
        return 0;
    }

    private StatementResult DropTables(DropStatement stmt)
    {
        var oids = new List<uint>();
        foreach (var name in stmt.Names)
        {
            if (name.Schema is { } schema && schema != SystemCatalog.TempSchema && !Catalog.Schemas.Contains(schema))
            {
                if (!stmt.IfExists) throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{schema}\" does not exist");
                ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"schema \"{schema}\" does not exist, skipping"));
                continue;
            }
            var oid = LookupForDrop(name, stmt, "table", SqlState.UndefinedTable);
            if (oid == 0) continue;
            RequireKind(oid, name, 'r');
            if (!oids.Contains(oid)) oids.Add(oid);
        }
        var together = oids.ToHashSet();
        // Partitions go with their partitioned table.
        foreach (var o in oids)
            foreach (var t in PartitionBound.Tree(Catalog, Catalog.Table(o))) together.Add(t.Oid);
        if (oids.Count > 1)
        {
            var dependents = Enumerable.Reverse(oids)
                .SelectMany(o => Catalog.ReferencingForeignKeys(o).Where(fk => !together.Contains(fk.TableOid) && fk.ParentConstraintOid == 0).OrderBy(fk => fk.Oid)).ToList();
            if (dependents.Count > 0 && !stmt.Cascade)
                throw new TenonException(SqlState.DependentObjectsStillExist, "cannot drop desired object(s) because other objects depend on them",
                    string.Join("\n", dependents.Select(fk => $"constraint {fk.Name} on table {Catalog.Table(fk.TableOid).Name} depends on table {Catalog.Table(fk.ParentTableOid).Name}")),
                    "Use DROP ... CASCADE to drop the dependent objects too.");
            if (dependents.Count > 0)
            {
                ReportCascade(dependents.Select(fk => $"constraint {fk.Name} on table {Catalog.Table(fk.TableOid).Name}").ToList());
                foreach (var fk in dependents) RemoveConstraint(fk);
            }
        }
        // A partition named beside its partitioned table is already gone with it.
        foreach (var oid in oids)
            if (Catalog.Tables.ContainsKey(oid)) DropTable(oid, stmt.Cascade, together);
        return new StatementResult("DROP TABLE");
    }

    private void DropTable(uint oid, bool cascade, HashSet<uint> droppedTogether, bool quiet = false)
    {
        var inheritors = InheritanceDependents(oid, droppedTogether);
        var table = Catalog.Table(oid);
        var dependents = Catalog.ReferencingForeignKeys(oid).Where(fk => fk.TableOid != oid && !droppedTogether.Contains(fk.TableOid))
            .Concat(KeysThroughPartition(oid).Where(fk => !droppedTogether.Contains(fk.TableOid) && !droppedTogether.Contains(fk.ParentTableOid)))
            .OrderBy(fk => fk.Oid).ToList();
        var views = DependentViews([oid]).Where(v => !droppedTogether.Contains(v.View)).ToList();
        var wasQuiet = _quiet;
        _quiet |= quiet;
        try
        {
            ReportOrDropDependents(dependents, views, cascade, $"{RelationNoun(oid)} {Describe(oid)}", inheritors, RowTypeUsers(table, droppedTogether));
        }
        finally
        {
            _quiet = wasQuiet;
        }
        foreach (var (child, _) in inheritors)
            if (Catalog.Tables.ContainsKey(child)) DropTable(child, cascade, droppedTogether, quiet: true);
        RequireNoPendingEvents(oid, "DROP TABLE");
        // A partitioned table's partitions are dropped with it (they need no CASCADE).
        foreach (var partition in PartitionBound.Children(Catalog, Catalog.Table(oid)))
            if (Catalog.Tables.ContainsKey(partition.Oid)) DropTable(partition.Oid, cascade, droppedTogether, quiet: true);
        table = Catalog.Table(oid);
        foreach (var index in table.Indexes) Catalog = Catalog.RemoveIndex(index.Oid, table.Schema);
        foreach (var seq in Catalog.Sequences.Values.Where(s => s.OwnerTableOid == oid).ToList()) Catalog = Catalog.RemoveSequence(seq.Oid);
        Catalog = Catalog.RemoveTable(oid);
    }

    /// <summary>Drops an index and the partitions' indexes attached to it (a partitioned index takes them along).</summary>
    private void RemoveIndexTree(IndexDef index)
    {
        foreach (var child in Catalog.Indexes.Values.Where(i => i.ParentIndexOid == index.Oid).ToList())
            RemoveIndexTree(child);
        RemoveIndex(Catalog.Indexes[index.Oid]);
    }

    private void RemoveIndex(IndexDef index)
    {
        var table = Catalog.Table(index.TableOid);
        var position = table.IndexPosition(index.Oid);
        var wt = Tx.Write(table.Oid);
        wt.Indexes = wt.Indexes.Where((_, i) => i != position).ToArray();
        Catalog = Catalog.RemoveIndex(index.Oid, table.Schema);
        Catalog = Catalog.PutTable(table with { Indexes = table.Indexes.Where(i => i.Oid != index.Oid).ToArray() });
    }

    public StatementResult Truncate(TruncateStatement stmt)
    {
        var oids = stmt.Tables.Select(n => FindTable(n) is { } t
            ? t.IsMatView ? throw new TenonException(SqlState.WrongObjectType, $"\"{t.Name}\" is not a table") : t.Oid
            : throw SqlErrors.RelationDoesNotExist(n.ToString(), n.Position)).ToHashSet();
        // A partitioned table is truncated with all its partitions.
        foreach (var o in oids.ToList())
            foreach (var t in PartitionBound.Tree(Catalog, Catalog.Table(o))) oids.Add(t.Oid);
        AddInheritanceChildren(stmt, oids);
        foreach (var o in oids) RequireNoPendingEvents(o);
        // As PostgreSQL: CASCADE adds, level by level, every table referencing one already in the
        // set (each level in OID order); without it, the first given table (in the order given) with
        // a referencing table outside the set, lowest OID first, is the one reported.
        if (stmt.Cascade)
            for (var level = ReferencingTablesOutside(oids, oids); level.Count > 0; level = ReferencingTablesOutside(oids, oids))
                foreach (var o in level)
                {
                    ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"truncate cascades to table \"{Catalog.Table(o).Name}\""));
                    RequireNoPendingEvents(o);
                    oids.Add(o);
                }
        else
            foreach (var o in oids)
                if (ReferencingTablesOutside([o], oids) is [var referencing, ..])
                    throw new TenonException(SqlState.FeatureNotSupported, "cannot truncate a table referenced in a foreign key constraint",
                        $"Table \"{Catalog.Table(referencing).Name}\" references \"{Catalog.Table(o).Name}\".",
                        $"Truncate table \"{Catalog.Table(referencing).Name}\" at the same time, or use TRUNCATE ... CASCADE.");
        var triggers = new RowWriter(ctx);
        foreach (var o in oids) triggers.FireStatementTriggers(Catalog.Table(o), "truncate", 'B');
        foreach (var o in oids)
        {
            var t = Catalog.Table(o);
            var wt = Tx.Write(o);
            wt.Rows = RowStore.Empty;
            wt.Indexes = t.Indexes.Select(i => IndexStore.Empty(new KeyComparer(i.Columns.Select((_, k) => i.KeyType(t, k))))).ToArray();
            if (stmt.RestartIdentity)
                foreach (var seq in Catalog.Sequences.Values.Where(s => s.OwnerTableOid == o).ToList())
                    RestartSequence(seq);
        }
        foreach (var o in oids) triggers.FireStatementTriggers(Catalog.Table(o), "truncate", 'A');
        triggers.Finish();
        return new StatementResult("TRUNCATE TABLE");
    }

    /// <summary>
    /// Tenon has one role, the session's user, which owns every object: giving an object to it
    /// changes nothing, and any other role does not exist.
    /// </summary>
    private void CheckOwner(OwnerToAction owner)
    {
        if (owner.Role is "current_user" or "session_user" or "current_role" || owner.Role == ctx.Session.UserName) return;
        throw new TenonException(SqlState.UndefinedObject, $"role \"{owner.Role}\" does not exist");
    }

    /// <summary>
    /// 55006 when deferred constraint events on the table wait for COMMIT: TRUNCATE would remove
    /// the rows they are about, and ALTER TABLE could change what they check.
    /// </summary>
    private void RequireNoPendingEvents(uint oid, string command = "TRUNCATE")
    {
        foreach (var e in Tx.Timing.Pending)
        {
            var on = e.Kind is Constraints.ConstraintEventKind.ParentDelete or Constraints.ConstraintEventKind.ParentUpdate
                ? e.ForeignKey.ParentTableOid : e.Constraint.TableOid;
            if (on == oid)
                throw new TenonException(SqlState.ObjectInUse, $"cannot {command} \"{Catalog.Table(oid).Name}\" because it has pending trigger events");
        }
    }

    /// <summary>Tables (in OID order) with a foreign key to one of <paramref name="parents"/>, not in <paramref name="set"/>.</summary>
    private List<uint> ReferencingTablesOutside(IEnumerable<uint> parents, IReadOnlySet<uint> set) =>
        parents.SelectMany(Catalog.ReferencingForeignKeys).Select(fk => fk.TableOid)
            .Where(o => !set.Contains(o)).Distinct().Order().ToList();

    public StatementResult AlterTable(AlterTableStatement stmt)
    {
        if (CheckMaterializedViewAlter(stmt) is { } skipped) return skipped;
        _inAlterTable = true;
        try
        {
            var result = AlterTableActions(stmt);
            SyncReferencedPartitions();
            return stmt.MaterializedView ? new StatementResult("ALTER MATERIALIZED VIEW") : result;
        }
        finally
        {
            _inAlterTable = false;
        }
    }

    private StatementResult AlterTableActions(AlterTableStatement stmt)
    {
        var table = FindTable(stmt.Table);
        if (table is null && stmt.Actions is [RenameTableAction rename] && Lookup(stmt.Table) != 0)
            return RenameRelation(new RenameObjectStatement(ObjectKind.Table, stmt.Table, rename.NewName, stmt.IfExists));
        if (table is null && stmt.Actions.All(a => a is OwnerToAction) && Lookup(stmt.Table) != 0)
        {
            // ALTER TABLE … OWNER TO also applies to sequences and views (pg_dump writes it so).
            foreach (var a in stmt.Actions) CheckOwner((OwnerToAction)a);
            return new StatementResult("ALTER TABLE");
        }
        if (table is null)
        {
            if (stmt.IfExists)
            {
                ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"relation \"{stmt.Table.Name}\" does not exist, skipping"));
                return new StatementResult("ALTER TABLE");
            }
            throw SqlErrors.RelationDoesNotExist(stmt.Table.ToString()); // ALTER TABLE reports no position
        }
        var oid = table.Oid;
        // The RENAME forms take another path in PostgreSQL, one that does not look at pending events.
        if (!stmt.Actions.All(a => a is RenameColumnAction or RenameTableAction or RenameConstraintAction))
            RequireNoPendingEvents(oid, "ALTER TABLE");
        var typesAltered = false;
        foreach (var action in stmt.Actions)
        {
            table = Catalog.Table(oid);
            GuardPartitionKeyColumns(table, action);
            GuardPartitionAlter(table, action, stmt.Only, stmt.Recursing);
            RefuseTypedTableColumnChange(table, action);
            if (PrepareInheritanceAlter(table, action, stmt.Only, out var inheritance)) continue;
            switch (action)
            {
                case AddColumnAction add:
                {
                    if (table.FindColumn(add.Column.Name) is not null)
                    {
                        if (add.IfNotExists)
                        {
                            ctx.Session.RaiseNotice(new Notice("NOTICE", "42701", $"column \"{add.Column.Name}\" of relation \"{table.Name}\" already exists, skipping"));
                            continue;
                        }
                        throw new TenonException(SqlState.DuplicateColumn, $"column \"{add.Column.Name}\" of relation \"{table.Name}\" already exists");
                    }
                    SystemColumns.CheckUserColumnName(add.Column.Name);
                    var col = new ColumnDef(add.Column.Name, Binder.ResolveType(add.Column.Type, Catalog, Path.TempSchema), (short)(table.Columns.Count + 1));
                    RefuseMemberOfItself(table, col.Type);
                    // A column with a value for the existing rows rewrites them, which values of the row type stored elsewhere cannot follow.
                    if (add.Column.Constraints.Any(k => k is DefaultColumnConstraint or IdentityColumnConstraint or GeneratedColumnConstraint)) RequireRowTypeUnused(table);
                    var rowTypeBefore = table.RowType;
                    Catalog = Catalog.PutTable(table with { Columns = table.Columns.Append(col).ToArray() });
                    if (rowTypeBefore is not null) ReshapeRowTypeValues(rowTypeBefore, Catalog.Table(oid).RowType!);
                    var pending = new List<(TableConstraint, int)>();
                    ApplyColumnDefinition(oid, add.Column, pending);
                    // Existing rows get the new column's default or generated value (evaluated per row) and must satisfy NOT NULL.
                    table = Catalog.Table(oid);
                    col = table.Column(col.Number);
                    if (col.Generated is not null) ValidateGenerationExpressions(table);
                    var writer = new RowWriter(ctx);
                    var wt = Tx.Write(oid);
                    foreach (var (rowId, row) in wt.Rows.Scan().ToList())
                    {
                        var extended = new object?[table.Columns.Count];
                        Array.Copy(row, extended, row.Length);
                        extended[col.Number - 1] = writer.DefaultValue(table, col);
                        if (col.Generated is not null) writer.ComputeGenerated(table, extended);
                        if (col.NotNull && extended[col.Number - 1] is null)
                            throw new TenonException(SqlState.NotNullViolation, $"column \"{col.Name}\" of relation \"{table.Name}\" contains null values")
                            { SchemaName = table.Schema, TableName = table.Name, ColumnName = col.Name };
                        wt.Rows = wt.Rows.Update(rowId, extended, Tx.Token);
                    }
                    AddConstraints(oid, pending, creating: false);
                    break;
                }
                case AddConstraintAction { Constraint: ForeignKeyTableConstraint onlyFk } when stmt.Only && table.IsPartitioned:
                    throw new TenonException(SqlState.WrongObjectType,
                        $"cannot use ONLY for foreign key on partitioned table \"{table.Name}\" referencing relation \"{onlyFk.References.Table.Name}\"");
                case AddConstraintAction { Constraint: ForeignKeyTableConstraint { NotValid: true } notValidFk } when table.IsPartitioned:
                    throw new TenonException(SqlState.WrongObjectType,
                        $"cannot add NOT VALID foreign key on partitioned table \"{table.Name}\" referencing relation \"{notValidFk.References.Table.Name}\"",
                        "This feature is not yet supported on partitioned tables.");
                case AddConstraintAction add:
                    AddConstraints(oid, [(add.Constraint, add.Constraint.Position)], creating: false);
                    break;
                case ValidateConstraintAction v:
                {
                    var c = table.FindConstraint(v.Name)
                        ?? throw new TenonException(SqlState.UndefinedObject, $"constraint \"{v.Name}\" of relation \"{table.Name}\" does not exist");
                    if (c is not (ForeignKeyDef or CheckConstraintDef))
                        throw new TenonException(SqlState.WrongObjectType, $"constraint \"{v.Name}\" of relation \"{table.Name}\" is not a foreign key or check constraint");
                    if (c is ForeignKeyDef fk && !fk.Validated)
                    {
                        ValidateForeignKey(fk);
                        table = Catalog.Table(oid);
                        Catalog = Catalog.PutTable(table with { Constraints = table.Constraints.Select(x => x.Oid == fk.Oid ? fk with { Validated = true } : x).ToArray() });
                    }
                    else if (c is CheckConstraintDef ck && !ck.Validated)
                    {
                        var bound = new Binder(ctx).BindCondition(ck.Condition, RowWriter.TableScope(table), "CHECK");
                        foreach (var (_, row) in Tx.Rows(oid).Scan())
                            if (bound.Eval(row, ctx) is false)
                                throw new TenonException(SqlState.CheckViolation, $"check constraint \"{ck.Name}\" of relation \"{table.Name}\" is violated by some row")
                                { SchemaName = table.Schema, TableName = table.Name, ConstraintName = ck.Name };
                        Catalog = Catalog.PutTable(table with { Constraints = table.Constraints.Select(x => x.Oid == ck.Oid ? ck with { Validated = true } : x).ToArray() });
                    }
                    break;
                }
                case AlterConstraintAction alc:
                    AlterConstraint(table, alc);
                    break;
                case DropConstraintAction d:
                {
                    var c = table.FindConstraint(d.Name);
                    if (c is null && table.ForeignKeys.Any(k => k.ReferencedPartitions.Any(r => r.Name == d.Name)))
                        throw new TenonException(SqlState.InvalidTableDefinition, $"cannot drop inherited constraint \"{d.Name}\" of relation \"{table.Name}\"");
                    if (c is null)
                    {
                        if (d.IfExists)
                        {
                            ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"constraint \"{d.Name}\" of relation \"{table.Name}\" does not exist, skipping"));
                            continue;
                        }
                        throw new TenonException(SqlState.UndefinedObject, $"constraint \"{d.Name}\" of relation \"{table.Name}\" does not exist");
                    }
                    // A partition's copy of its parent's constraint goes only with the parent's.
                    if (c.ParentConstraintOid != 0 && table.IsPartition)
                        throw new TenonException(SqlState.InvalidTableDefinition, $"cannot drop inherited constraint \"{c.Name}\" of relation \"{table.Name}\"");
                    // Dropping a foreign key also changes what its referenced table's pending events check.
                    if (c is ForeignKeyDef dropped && dropped.ParentTableOid != oid) RequireNoPendingEvents(dropped.ParentTableOid, "ALTER TABLE");
                    DropViewsUsingConstraint(table, c, d.Cascade);
                    if (c is KeyConstraintDef key)
                        DropDependentForeignKeys(ForeignKeysUsingIndex(key.IndexOid), d.Cascade, $"constraint {key.Name} on table {table.Name}", $"index {key.Name}");
                    var copies = PartitionCopies(c);
                    // Each partition holding a copy is altered too: its pending events refuse it.
                    foreach (var copy in copies) RequireNoPendingEvents(copy.TableOid, "ALTER TABLE");
                    foreach (var copy in copies) RemoveConstraint(copy);
                    RemoveConstraint(c);
                    break;
                }
                case DropColumnAction dc:
                {
                    var rowTypeBefore = table.RowType;
                    DropColumn(table, dc);
                    if (rowTypeBefore is not null && Catalog.Table(oid).RowType is { } rowTypeAfter && rowTypeAfter.Fields.Count != rowTypeBefore.Fields.Count)
                        ReshapeRowTypeValues(rowTypeBefore, rowTypeAfter);
                    break;
                }
                case AlterColumnAction ac:
                {
                    var col = table.FindColumn(ac.Column)
                        ?? throw new TenonException(SqlState.UndefinedColumn, $"column \"{ac.Column}\" of relation \"{table.Name}\" does not exist");
                    ColumnDef updated;
                    switch (ac.Kind)
                    {
                        case AlterColumnKind.SetNotNull:
                            foreach (var (_, row) in Tx.Rows(oid).Scan())
                                if (row[col.Number - 1] is null)
                                    throw new TenonException(SqlState.NotNullViolation, $"column \"{col.Name}\" of relation \"{table.Name}\" contains null values")
                                    { SchemaName = table.Schema, TableName = table.Name, ColumnName = col.Name };
                            updated = col with { NotNull = true };
                            break;
                        case AlterColumnKind.DropNotNull:
                            if (col.Identity != IdentityKind.None) throw IsIdentityColumn(table, col, hint: null);
                            if (table.PrimaryKey?.Columns.Contains(col.Number) == true)
                                throw new TenonException(SqlState.InvalidTableDefinition, $"column \"{col.Name}\" is in a primary key");
                            updated = col with { NotNull = false };
                            break;
                        case AlterColumnKind.SetDefault:
                            RejectDefaultOnGenerated(table, col, dropping: false);
                            if (col.Identity != IdentityKind.None) throw IsIdentityColumn(table, col, hint: null);
                            updated = col with { Default = ValidateDefault(col, ac.Default!), DefaultText = "?" };
                            break;
                        case AlterColumnKind.DropDefault:
                            RejectDefaultOnGenerated(table, col, dropping: true);
                            if (col.Identity != IdentityKind.None)
                                throw IsIdentityColumn(table, col, "Use ALTER TABLE ... ALTER COLUMN ... DROP IDENTITY instead.");
                            updated = col with { Default = null, DefaultText = null };
                            break;
                        case AlterColumnKind.DropExpression:
                            updated = DropExpression(table, col, ac.IfExists);
                            break;
                        case AlterColumnKind.SetType:
                            RequireNoViewUsesColumn(table, col);
                            RequireNoGeneratedColumnReads(table, col);
                            // All TYPE changes of the statement are made together, where the first one is written.
                            if (!typesAltered)
                            {
                                typesAltered = true;
                                AlterColumnTypes(table, stmt.Actions.OfType<AlterColumnAction>().Where(a => a.Kind == AlterColumnKind.SetType).ToList());
                            }
                            if (!stmt.Only) CascadeAlterToPartitions(oid, action);
                            RecurseInheritanceAlter(inheritance);
                            continue;
                        case AlterColumnKind.AddIdentity or AlterColumnKind.SetIdentity or AlterColumnKind.DropIdentity:
                            updated = AlterIdentity(table, col, ac);
                            table = Catalog.Table(oid);
                            break;
                        case AlterColumnKind.SetStorage:
                            updated = SetColumnStorage(col, ac.Method!);
                            break;
                        case AlterColumnKind.SetCompression:
                            updated = SetColumnCompression(col, ac.Method!);
                            break;
                        case AlterColumnKind.SetStatistics:
                            updated = SetColumnStatistics(col, ac.Statistics);
                            break;
                        case AlterColumnKind.SetOptions or AlterColumnKind.ResetOptions:
                            updated = SetColumnOptions(col, ac.AttributeOptions, ac.Kind == AlterColumnKind.ResetOptions);
                            break;
                        default:
                            throw new TenonException(SqlState.FeatureNotSupported, $"ALTER COLUMN {ac.Kind} is not supported yet");
                    }
                    var cols = table.Columns.ToList();
                    cols[col.Number - 1] = updated;
                    Catalog = Catalog.PutTable(table with { Columns = cols });
                    break;
                }
                case RenameColumnAction rc:
                {
                    var col = table.FindColumn(rc.OldName)
                        ?? throw new TenonException(SqlState.UndefinedColumn, $"column \"{rc.OldName}\" does not exist");
                    if (table.FindColumn(rc.NewName) is not null)
                        throw new TenonException(SqlState.DuplicateColumn, $"column \"{rc.NewName}\" of relation \"{table.Name}\" already exists");
                    SystemColumns.CheckUserColumnName(rc.NewName);
                    RenameColumn(table, col, rc.NewName);
                    break;
                }
                case RenameTableAction rt:
                {
                    if (Catalog.RelationExists(table.Schema, rt.NewName))
                        throw new TenonException(SqlState.DuplicateTable, $"relation \"{rt.NewName}\" already exists");
                    var arrayName = RenameRowType(oid, rt.NewName);
                    Catalog = Catalog.PutTable(Catalog.Table(oid) with { Name = rt.NewName, RowArrayName = arrayName });
                    break;
                }
                case RenameConstraintAction rn:
                {
                    var c = table.FindConstraint(rn.OldName)
                        ?? throw new TenonException(SqlState.UndefinedObject, $"constraint \"{rn.OldName}\" for table \"{table.Name}\" does not exist");
                    Catalog = Catalog.PutTable(table with { Constraints = table.Constraints.Select(x => x.Oid == c.Oid ? c with { Name = rn.NewName } : x).ToArray() });
                    // A key constraint's index takes the new name too.
                    if (c is KeyConstraintDef { IndexOid: var indexOid } && Catalog.Indexes.TryGetValue(indexOid, out var keyIndex) && keyIndex.Name != rn.NewName)
                    {
                        if (Catalog.RelationExists(table.Schema, rn.NewName))
                            throw new TenonException(SqlState.DuplicateTable, $"relation \"{rn.NewName}\" already exists");
                        Catalog = RenameIndex(keyIndex, rn.NewName);
                    }
                    break;
                }
                case OwnerToAction owner:
                    CheckOwner(owner);
                    break;
                case TriggerEnableAction te:
                    SetTriggerEnabled(table, te.Name, te.Enable, te.UserOnly);
                    break;
                case AttachPartitionAction attach:
                    AttachPartition(table, attach);
                    break;
                case DetachPartitionAction detach:
                    if (detach.Concurrently) CheckDetachConcurrently(table);
                    DetachPartition(table, detach);
                    break;
                case RelOptionsAction ro:
                    SetRelOptions(table, ro);
                    break;
                case ClusterOnAction co:
                    ClusterOn(table, co.Index);
                    break;
                case SetWithoutClusterAction:
                    SetWithoutCluster(table);
                    break;
                case SetWithoutOidsAction:
                    break;
                case SetPersistenceAction sp:
                    SetPersistence(table, sp);
                    break;
                case ReplicaIdentityAction ri:
                    SetReplicaIdentity(table, ri);
                    break;
                case OfTypeAction of:
                    MakeTypedTable(table, of.Type);
                    break;
                case NotOfAction:
                    DropTableType(table);
                    break;
                default:
                    throw new TenonException(SqlState.FeatureNotSupported, "this ALTER TABLE action is not supported yet") { Position = action.Position };
            }
            if (!stmt.Only) CascadeAlterToPartitions(oid, action);
            RecurseInheritanceAlter(inheritance);
        }
        return new StatementResult("ALTER TABLE");
    }

    /// <summary>
    /// ALTER CONSTRAINT name [NOT] DEFERRABLE [INITIALLY …]: PostgreSQL 15 allows it only for foreign
    /// keys, and sets both properties, an omitted one to its default (INITIALLY DEFERRED implies
    /// DEFERRABLE). Events already queued keep the timing they were queued with.
    /// </summary>
    private void AlterConstraint(TableDef table, AlterConstraintAction alc)
    {
        // A key's row for a partition of its referenced table derives from the key (or the row above it).
        foreach (var key in table.ForeignKeys)
            if (key.ReferencedPartitions.Any(r => r.Name == alc.Name) && table.FindConstraint(alc.Name) is null)
                throw DerivedConstraint(alc.Name, table.Name, key.Name, table.Name);
        var c = table.FindConstraint(alc.Name)
            ?? throw new TenonException(SqlState.UndefinedObject, $"constraint \"{alc.Name}\" of relation \"{table.Name}\" does not exist");
        if (c is not ForeignKeyDef fk)
            throw new TenonException(SqlState.WrongObjectType, $"constraint \"{alc.Name}\" of relation \"{table.Name}\" is not a foreign key constraint");
        if (fk.ParentConstraintOid != 0 && table.IsPartition)
        {
            // PostgreSQL names the topmost constraint it derives from.
            var (top, topKey) = (table, fk);
            while (topKey.ParentConstraintOid != 0 && Catalog.Tables.TryGetValue(top.PartitionParent, out var up)
                   && up.ForeignKeys.FirstOrDefault(x => x.Oid == topKey.ParentConstraintOid) is { } origin)
                (top, topKey) = (up, origin);
            throw DerivedConstraint(fk.Name, table.Name, topKey.Name, top.Name);
        }
        var initiallyDeferred = alc.Timing.InitiallyDeferred == true;
        var deferrable = alc.Timing.Deferrable == true || initiallyDeferred;
        // The partitions' copies change with it.
        foreach (var x in PartitionCopies(fk).Prepend(fk))
        {
            var holder = Catalog.Table(x.TableOid);
            Catalog = Catalog.PutTable(holder with
            {
                Constraints = holder.Constraints.Select(y => y.Oid == x.Oid ? y with { Deferrable = deferrable, InitiallyDeferred = initiallyDeferred } : y).ToArray(),
            });
        }
    }

    private static TenonException DerivedConstraint(string name, string table, string origin, string originTable) =>
        new(SqlState.WrongObjectType, $"cannot alter constraint \"{name}\" on relation \"{table}\"",
            $"Constraint \"{name}\" is derived from constraint \"{origin}\" of relation \"{originTable}\".",
            "You may alter the constraint it derives from, instead.");

    /// <summary>PostgreSQL's refusal to change the NOT NULL or default of an identity column (its default is the sequence).</summary>
    private static TenonException IsIdentityColumn(TableDef table, ColumnDef col, string? hint) =>
        new(SqlState.SyntaxError, $"column \"{col.Name}\" of relation \"{table.Name}\" is an identity column", hint: hint);
}

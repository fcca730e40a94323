using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// CREATE [OR REPLACE] VIEW and DROP VIEW, and what views do to DROP and ALTER of what they read:
/// a view depends on the relations its query reads and on the table columns it names, so
/// dropping one of those (or changing a column's type) fails with 2BP01 unless CASCADE drops the
/// views too, after PostgreSQL's NOTICE.
/// </summary>
public sealed partial class DdlExecutor
{
    public StatementResult CreateView(CreateViewStatement stmt)
    {
        var deps = new QueryDependencies();
        var recording = new BindRecording();
        var binder = new Binder(ctx) { Dependencies = deps, ChecksPrivileges = false, Recording = recording };
        var plan = binder.BindQuery(stmt.Query, null);
        stmt = stmt with { Query = WithStarsExpanded(stmt.Query, recording) };
        if (stmt.Columns is { } names && names.Count > plan.Columns.Count)
            throw new TenonException(SqlState.SyntaxError, "CREATE VIEW specifies more column names than columns");
        var columns = plan.Columns.Select((c, i) => new ViewColumn(stmt.Columns is { } n && i < n.Count ? n[i] : c.Name, c.Type)).ToList();
        for (var i = 0; i < columns.Count; i++)
            if (columns.Take(i).Any(c => c.Name == columns[i].Name))
                throw new TenonException(SqlState.DuplicateColumn, $"column \"{columns[i].Name}\" specified more than once");

        // A view reading a temporary relation is temporary itself.
        var temporary = stmt.Temporary;
        if (!temporary && deps.Relations.Any(o => SearchPath.IsTempSchema(Catalog.RelationSchema(o))))
        {
            temporary = true;
            ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"view \"{stmt.Name.Name}\" will be a temporary view"));
        }
        var schema = CreationSchema(stmt.Name, temporary, withPosition: false);
        if (!SearchPath.IsTempSchema(schema) && deps.Relations.Any(o => SearchPath.IsTempSchema(Catalog.RelationSchema(o))))
            throw new TenonException(SqlState.InvalidTableDefinition, "cannot create temporary relation in non-temporary schema");
        var name = NameGenerator.Truncate(stmt.Name.Name);
        var options = ViewOptions(stmt);

        var def = new ViewDef(0, schema, name, stmt.Query, stmt.Columns is null ? null : columns.Select(c => c.Name).ToList(), stmt.QueryText)
        {
            Columns = columns,
            DependsOn = deps.Relations.Order().ToList(),
            DependsOnFunctions = deps.Functions.Order().ToList(),
            DependsOnConstraints = deps.Constraints.Order().ToList(),
            DependsOnColumns = deps.Columns.Order().Select(c => new ViewColumnUse(c.Table, c.Column)).ToList(),
            SearchPathSetting = ctx.Session.CurrentSetting("search_path", missingOk: true),
            Options = options,
            Relations = deps.Names.Select(n => new ViewRelation(n.Key.Schema, n.Key.Name, n.Value)).ToList(),
            TableColumns = RecordedColumns(deps.Relations),
        };
        if (Catalog.RelationsByName.TryGetValue(SystemCatalog.Key(schema, name), out var existing))
        {
            if (!stmt.OrReplace || !Catalog.Views.TryGetValue(existing, out var old))
            {
                if (stmt.OrReplace && Catalog.RelationKind(existing) != 'v')
                    throw new TenonException(SqlState.WrongObjectType, $"\"{name}\" is not a view");
                throw new TenonException(SqlState.DuplicateTable, $"relation \"{name}\" already exists");
            }
            CheckReplacementColumns(old, columns);
            if (ViewOrderFor(old.Oid, def.DependsOn)) throw new TenonException(SqlState.InvalidObjectDefinition, $"infinite recursion detected in rules for relation \"{name}\"");
            Catalog = Catalog.PutView(def with { Oid = old.Oid, RowTypeOid = old.RowTypeOid, RowArrayOid = old.RowArrayOid, RowArrayName = old.RowArrayName, RuleOid = old.RuleOid });
        }
        else
        {
            var oid = Db.NextOid();
            var withType = WithNewRowType(def with { Oid = oid });
            // Its _RETURN rule (pg_rewrite) takes the next oid, as PostgreSQL's does.
            Catalog = Catalog.PutView(withType with { RuleOid = Db.NextOid() });
        }
        return new StatementResult("CREATE VIEW");
    }

    /// <summary>
    /// A view's reloptions: its WITH (…) list, then WITH [LOCAL | CASCADED] CHECK OPTION as
    /// check_option. As in PostgreSQL, a check option needs an automatically updatable query,
    /// and the list is then checked (names, repeats, values).
    /// </summary>
    private static List<string> ViewOptions(CreateViewStatement stmt)
    {
        var options = stmt.Options.Select(o => o.Value is null ? $"{o.Name}=true" : $"{o.Name}={o.Value}").ToList();
        if (stmt.CheckOption is { } check) options.Add("check_option=" + check);
        CheckViewOptions(options, stmt.Query);
        return options;
    }

    /// <summary>
    /// The column names of the tables and views a stored query reads, as they are when it is made:
    /// binding it again maps today's names back to these (a renamed column keeps working).
    /// </summary>
    private List<ViewTableColumns> RecordedColumns(IEnumerable<uint> relations) =>
        relations.Where(o => Catalog.Tables.ContainsKey(o) || Catalog.Views.ContainsKey(o)).Order()
            .Select(o => new ViewTableColumns(o, Catalog.Tables.TryGetValue(o, out var t)
                ? t.Columns.Select(c => c.IsDropped ? "" : c.Name).ToList()
                : Catalog.Views[o].Columns.Select(c => c.Name).ToList())).ToList();

    private static void CheckViewOptions(List<string> options, Query query)
    {
        if (options.Any(o => RelOptionValues.NameOf(o) == "check_option") && DmlExecutor.NotAutoUpdatableReason(query) is { } reason)
            throw new TenonException(SqlState.FeatureNotSupported, "WITH CHECK OPTION is supported only on automatically updatable views", hint: reason);
        RelOptionValues.Validate(options, n => n is "check_option" or "security_barrier" or "security_invoker" ? n : null, (n, value) =>
        {
            if (n != "check_option") RelOptionValues.CheckBool(n, value);
            else if (value is not ("local" or "cascaded"))
                throw new TenonException(SqlState.InvalidParameterValue, $"invalid value for enum option \"check_option\": {value}",
                    "Valid values are \"local\" and \"cascaded\".");
        });
    }

    /// <summary>
    /// The view's query with a top-level <c>*</c> replaced by the columns it stood for, as
    /// PostgreSQL stores it: columns its relations gain later are not the view's (and a view over
    /// a view that gained columns keeps its own). Left as written where a star covers merged join
    /// columns, which no name can reach.
    /// </summary>
    private static Query WithStarsExpanded(Query query, BindRecording recording)
    {
        if (query.Body is not SelectCore core || !core.Targets.Any(t => t.Expr is StarExpr or FieldSelectExpr { Field: "*" })
            || !recording.Targets.TryGetValue(core, out var expanded))
            return query;
        var written = new HashSet<SelectItem>(core.Targets, ReferenceEqualityComparer.Instance);
        if (expanded.Any(t => !written.Contains(t) && t.Expr is not ColumnRef { Names: [var alias, _] } || t.Expr is ColumnRef { Names: [var a, _] } && a.StartsWith('\u0001')))
            return query;
        return query with { Body = core with { Targets = expanded } };
    }

    // A replaced view would read itself (directly or through other views).
    private bool ViewOrderFor(uint viewOid, IReadOnlyList<uint> reads)
    {
        var seen = new HashSet<uint>();
        var stack = new Stack<uint>(reads);
        while (stack.Count > 0)
        {
            var o = stack.Pop();
            if (o == viewOid) return true;
            if (seen.Add(o) && Catalog.Views.TryGetValue(o, out var v))
                foreach (var d in v.DependsOn) stack.Push(d);
        }
        return false;
    }

    /// <summary>
    /// ALTER VIEW / SEQUENCE / INDEX … RENAME TO (and ALTER TABLE … RENAME TO on a view, sequence
    /// or index). ALTER INDEX renames any relation, as in PostgreSQL; views that read the renamed
    /// relation keep reading it.
    /// </summary>
    public StatementResult RenameRelation(RenameObjectStatement stmt)
    {
        var tag = "ALTER " + (stmt.Kind == ObjectKind.Table ? "TABLE" : stmt.Kind.ToString().ToUpperInvariant());
        var oid = Lookup(stmt.Name);
        if (oid == 0)
        {
            if (stmt.IfExists)
            {
                ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"relation \"{stmt.Name}\" does not exist, skipping"));
                return new StatementResult(tag);
            }
            throw new TenonException(SqlState.UndefinedTable, $"relation \"{stmt.Name}\" does not exist");
        }
        var kind = Catalog.RelationKind(oid);
        if (stmt.Kind == ObjectKind.View && kind != 'v') throw new TenonException(SqlState.WrongObjectType, $"\"{stmt.Name.Name}\" is not a view");
        if (stmt.Kind == ObjectKind.Sequence && kind != 'S') throw new TenonException(SqlState.WrongObjectType, $"\"{stmt.Name.Name}\" is not a sequence");
        var newName = NameGenerator.Truncate(stmt.NewName);
        var schema = Catalog.RelationSchema(oid);
        if (Catalog.RelationExists(schema, newName)) throw new TenonException(SqlState.DuplicateTable, $"relation \"{newName}\" already exists");
        var arrayName = kind is 'r' or 'm' or 'v' ? RenameRowType(oid, newName) : null;
        Catalog = kind switch
        {
            'r' or 'm' => Catalog.PutTable(Catalog.Tables[oid] with { Name = newName, RowArrayName = arrayName }),
            'v' => Catalog.PutView(Catalog.Views[oid] with { Name = newName, RowArrayName = arrayName }),
            'S' => Catalog.PutSequence(Catalog.Sequences[oid] with { Name = newName }),
            _ => RenameIndex(Catalog.Indexes[oid], newName),
        };
        return new StatementResult(tag);
    }

    /// <summary>Renames an index; the key constraint it backs takes the same name, as in PostgreSQL.</summary>
    private SystemCatalog RenameIndex(IndexDef index, string newName)
    {
        var table = Catalog.Table(index.TableOid);
        var renamed = index with { Name = newName, ConstraintName = index.ConstraintName is null ? null : newName };
        return Catalog.PutIndex(renamed, table.Schema).PutTable(table with
        {
            Indexes = table.Indexes.Select(i => i.Oid == index.Oid ? renamed : i).ToArray(),
            Constraints = table.Constraints.Select(c => c is KeyConstraintDef k && k.IndexOid == index.Oid ? k with { Name = newName } : c).ToArray(),
        });
    }

    /// <summary>CREATE OR REPLACE VIEW may add columns at the end, never drop, rename or retype one.</summary>
    private static void CheckReplacementColumns(ViewDef old, IReadOnlyList<ViewColumn> columns)
    {
        if (columns.Count < old.Columns.Count)
            throw new TenonException(SqlState.InvalidTableDefinition, "cannot drop columns from view");
        for (var i = 0; i < old.Columns.Count; i++)
        {
            var (was, now) = (old.Columns[i], columns[i]);
            if (was.Name != now.Name)
                throw new TenonException(SqlState.InvalidTableDefinition, $"cannot change name of view column \"{was.Name}\" to \"{now.Name}\"",
                    hint: "Use ALTER VIEW ... RENAME COLUMN ... to change name of view column instead.");
            if (was.Type != now.Type)
                throw new TenonException(SqlState.InvalidTableDefinition,
                    $"cannot change data type of view column \"{was.Name}\" from {was.Type.DisplayName} to {now.Type.DisplayName}");
        }
    }

    private void DropView(QualifiedName name, DropStatement stmt)
    {
        var oid = LookupForDrop(name, stmt, "view", SqlState.UndefinedTable);
        if (oid == 0) return;
        RequireKind(oid, name, 'v');
        var together = stmt.Names.Select(n => Lookup(n)).Where(o => o != 0).ToHashSet();
        DropDependentViews([oid], stmt.Cascade, $"view {Describe(oid)}", together);
        Catalog = Catalog.RemoveView(oid);
    }

    /// <summary>How PostgreSQL names a relation in dependency messages: its name, schema-qualified when not visible.</summary>
    private string Describe(uint oid) => RegClassName.Format(oid, Catalog, Path);

    /// <summary>
    /// Views that read any of <paramref name="oids"/>, and the views that read those, depth first
    /// in oid order, each with the object it depends on as PostgreSQL's DETAIL names it.
    /// </summary>
    private List<(uint View, string DependsOn)> DependentViews(IEnumerable<uint> oids)
    {
        var result = new List<(uint, string)>();
        var seen = new HashSet<uint>();
        void Visit(uint oid)
        {
            foreach (var v in Catalog.StoredQueries.Where(v => v.DependsOn.Contains(oid)).OrderBy(v => v.Oid))
            {
                if (!seen.Add(v.Oid)) continue;
                result.Add((v.Oid, $"{RelationNoun(oid)} {Describe(oid)}"));
                Visit(v.Oid);
            }
        }
        foreach (var o in oids) Visit(o);
        return result;
    }

    /// <summary>How PostgreSQL's dependency messages call a relation: table, view, materialized view, ….</summary>
    private string RelationNoun(uint oid) => Catalog.RelationKind(oid) switch
    {
        'v' => "view", 'm' => "materialized view", 'S' => "sequence", 'i' => "index", _ => "table",
    };

    /// <summary>Drops a view or materialized view whose dependents are dealt with already.</summary>
    private void RemoveStoredQueryRelation(uint oid)
    {
        if (Catalog.Views.ContainsKey(oid)) Catalog = Catalog.RemoveView(oid);
        else if (Catalog.Tables.TryGetValue(oid, out var t) && t.IsMatView) RemoveMatView(oid);
    }

    /// <summary>Every view that reads (directly or through other views) one of <paramref name="oids"/>.</summary>
    private IEnumerable<uint> ViewsDependingOn(IEnumerable<uint> oids) => DependentViews(oids).Select(d => d.View);

    /// <summary>
    /// Fails with 2BP01 for views depending on <paramref name="oids"/> (other than those dropped
    /// together), or with CASCADE drops them after the NOTICE. <paramref name="what"/> names the
    /// dropped object ("table t", "column a of table t").
    /// </summary>
    private void DropDependentViews(IEnumerable<uint> oids, bool cascade, string what, IReadOnlySet<uint>? together = null)
    {
        var views = DependentViews(oids).Where(v => together is null || !together.Contains(v.View)).ToList();
        ReportOrDropDependents([], views, cascade, what);
    }

    /// <summary>
    /// The one 2BP01 error or cascade NOTICE for a DROP that foreign keys and views depend on:
    /// the keys first, then the views in dependency order; with CASCADE both are dropped.
    /// </summary>
    private void ReportOrDropDependents(IReadOnlyList<ForeignKeyDef> keys, IReadOnlyList<(uint View, string DependsOn)> views, bool cascade, string what,
        IReadOnlyList<(uint Table, uint Via)>? inheritors = null, IReadOnlyList<(string What, string On, Action Drop)>? typeUsers = null)
    {
        inheritors ??= [];
        typeUsers ??= [];
        if (keys.Count == 0 && views.Count == 0 && inheritors.Count == 0 && typeUsers.Count == 0) return;
        string DescribeKey(ForeignKeyDef fk) => $"constraint {fk.Name} on table {Describe(fk.TableOid)}";
        string ViewLine((uint View, string DependsOn) v) => $"{RelationNoun(v.View)} {Describe(v.View)} depends on {v.DependsOn}";
        // A partition's copy of a foreign key goes with the key it was copied from, unnamed.
        var named = keys.Where(fk => fk.ParentConstraintOid == 0).ToList();
        // Tables inheriting from the dropped one come first (see DdlExecutor.Inheritance.cs); they are dropped by the caller.
        // Columns of the relation's row type come first (see DdlExecutor.RowTypes.cs).
        var typeLines = Enumerable.Reverse(typeUsers).ToList();
        if (!cascade && (named.Count > 0 || views.Count > 0 || inheritors.Count > 0 || typeUsers.Count > 0))
        {
            var lines = typeLines.Select(u => $"{u.What} depends on {u.On}").Concat(InheritorLines(inheritors, views, withDependsOn: true))
                .Concat(named.Select(fk => $"{DescribeKey(fk)} depends on {what}")).Concat(views.Select(ViewLine));
            throw new TenonException(SqlState.DependentObjectsStillExist, $"cannot drop {what} because other objects depend on it",
                string.Join("\n", lines), "Use DROP ... CASCADE to drop the dependent objects too.");
        }
        if (named.Count > 0 || views.Count > 0 || inheritors.Count > 0 || typeUsers.Count > 0)
            ReportCascade(typeLines.Select(u => u.What).Concat(InheritorLines(inheritors, views, withDependsOn: false)).Concat(named.Select(DescribeKey))
                .Concat(views.Select(v => $"{RelationNoun(v.View)} {Describe(v.View)}")).ToList());
        foreach (var u in typeUsers) u.Drop();
        foreach (var v in views.Select(v => v.View).OrderDescending()) RemoveStoredQueryRelation(v);
        foreach (var fk in keys)
            if (Catalog.Tables.TryGetValue(fk.TableOid, out var holder) && holder.FindConstraint(fk.Name) is { } live && live.Oid == fk.Oid)
                RemoveConstraint(fk);
    }

    /// <summary>Views naming column <paramref name="column"/> of a table: DROP COLUMN fails or cascades.</summary>
    private void DropViewsUsingColumn(TableDef table, ColumnDef column, bool cascade)
    {
        var what = $"column {column.Name} of table {Describe(table.Oid)}";
        var direct = Catalog.StoredQueries.Where(v => v.DependsOnColumns.Contains(new ViewColumnUse(table.Oid, column.Number))).OrderBy(v => v.Oid).ToList();
        if (direct.Count == 0) return;
        var views = new List<(uint View, string DependsOn)>();
        foreach (var v in direct)
        {
            views.Add((v.Oid, what));
            views.AddRange(DependentViews([v.Oid]).Where(d => views.All(x => x.View != d.View)));
        }
        if (!cascade)
            throw new TenonException(SqlState.DependentObjectsStillExist, $"cannot drop {what} because other objects depend on it",
                string.Join("\n", views.Select(v => $"{RelationNoun(v.View)} {Describe(v.View)} depends on {v.DependsOn}")),
                "Use DROP ... CASCADE to drop the dependent objects too.");
        ReportCascade(views.Select(v => $"{RelationNoun(v.View)} {Describe(v.View)}").ToList());
        foreach (var v in views.Select(v => v.View).OrderDescending()) RemoveStoredQueryRelation(v);
    }

    /// <summary>ALTER COLUMN … TYPE of a column a view names: PostgreSQL refuses it (0A000).</summary>
    private void RequireNoViewUsesColumn(TableDef table, ColumnDef column)
    {
        var view = Catalog.StoredQueries.Where(v => v.DependsOnColumns.Contains(new ViewColumnUse(table.Oid, column.Number))).MinBy(v => v.Oid);
        if (view is not null)
            throw new TenonException(SqlState.FeatureNotSupported, "cannot alter type of a column used by a view or rule",
                $"rule _RETURN on {RelationNoun(view.Oid)} {Describe(view.Oid)} depends on column \"{column.Name}\"");
    }
}

using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Catalog.PgCatalog;
using Tenon.Constraints;
using Tenon.Errors;
using Tenon.Sql.Ast;
using Tenon.Storage;
using Tenon.Transactions;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// CREATE / REFRESH / DROP MATERIALIZED VIEW. A materialized view is a table (its rows, indexes
/// and durability are a table's) carrying a <see cref="MatViewDef"/>: the query, recorded as a
/// view's is (relations and column names as they were), which REFRESH binds again and whose
/// rows replace the table's. Writes other than REFRESH are refused (DmlExecutor, COPY, TRUNCATE);
/// a scan of an unpopulated one fails when it runs (<see cref="ExecContext.ReadRows"/>).
/// </summary>
public sealed partial class DdlExecutor
{
    public StatementResult CreateMaterializedView(CreateMaterializedViewStatement stmt)
    {
        if (Binder.HasDataModifyingWith(stmt.Query.With))
            throw new TenonException(SqlState.FeatureNotSupported, "materialized views must not use data-modifying statements in WITH");
        var deps = new QueryDependencies();
        var plan = new Binder(ctx) { Dependencies = deps }.BindQuery(stmt.Query, null);
        if (deps.Relations.Any(o => SearchPath.IsTempSchema(Catalog.RelationSchema(o))))
            throw new TenonException(SqlState.FeatureNotSupported, "materialized views must not use temporary tables or views");
        var names = stmt.Columns;
        if (names is not null && names.Count > plan.Columns.Count)
            throw new TenonException(SqlState.SyntaxError, "too many column names were specified");
        if (NewRelationName(stmt.Name, temporary: false, stmt.IfNotExists) is not var (schema, name))
            return new StatementResult("CREATE MATERIALIZED VIEW");

        var columns = new List<ColumnDef>();
        for (var i = 0; i < plan.Columns.Count; i++)
        {
            var c = plan.Columns[i];
            var colName = names is not null && i < names.Count ? names[i] : c.Name;
            if (columns.Any(x => x.Name == colName))
                throw new TenonException(SqlState.DuplicateColumn, $"column \"{colName}\" specified more than once");
            var type = c.Type.Id == TypeId.Unknown ? SqlType.Text : c.Type;
            if (type.Id == TypeId.Record && type.Composite is null)
                throw new TenonException(SqlState.InvalidTableDefinition, $"column \"{colName}\" has pseudo-type record");
            columns.Add(new ColumnDef(colName, type, (short)(columns.Count + 1)));
        }
        foreach (var c in columns) SystemColumns.CheckUserColumnName(c.Name);

        var oid = Db.NextOid();
        var query = new ViewDef(oid, schema, name, stmt.Query, null, stmt.QueryText)
        {
            Columns = columns.Select(c => new ViewColumn(c.Name, c.Type)).ToList(),
            DependsOn = deps.Relations.Order().ToList(),
            DependsOnFunctions = deps.Functions.Order().ToList(),
            DependsOnConstraints = deps.Constraints.Order().ToList(),
            DependsOnColumns = deps.Columns.Order().Select(c => new ViewColumnUse(c.Table, c.Column)).ToList(),
            SearchPathSetting = ctx.Session.CurrentSetting("search_path", missingOk: true),
            Relations = deps.Names.Select(n => new ViewRelation(n.Key.Schema, n.Key.Name, n.Value)).ToList(),
            TableColumns = RecordedColumns(deps.Relations),
        };
        var table = WithNewRowType(new TableDef(oid, schema, name, columns) { MatView = new MatViewDef(query, Populated: !stmt.WithNoData) });
        // Its _RETURN rule (pg_rewrite) takes the next oid, as PostgreSQL's does.
        table = table with { MatView = table.MatView! with { Query = query with { RuleOid = Db.NextOid() } } };
        Catalog = Catalog.PutTable(table);
        Tx.SetData(oid, new TableData(RowStore.Empty, Array.Empty<IndexStore>()));
        if (stmt.WithNoData) return new StatementResult("CREATE MATERIALIZED VIEW");
        return new StatementResult($"SELECT {Fill(table, plan)}");
    }

    public StatementResult RefreshMaterializedView(RefreshMaterializedViewStatement stmt)
    {
        var oid = Lookup(stmt.Name);
        if (oid == 0) throw SqlErrors.RelationDoesNotExist(stmt.Name.ToString());
        if (Catalog.RelationKind(oid) != 'm')
            throw new TenonException(SqlState.WrongObjectType, $"\"{stmt.Name.Name}\" is not a materialized view");
        var table = Catalog.Table(oid);
        if (stmt.Concurrently && stmt.WithNoData)
            throw new TenonException(SqlState.SyntaxError, "CONCURRENTLY and WITH NO DATA options cannot be used together");
        if (stmt.Concurrently && !table.MatView!.Populated)
            throw new TenonException(SqlState.FeatureNotSupported, "CONCURRENTLY cannot be used when the materialized view is not populated");
        // CONCURRENTLY matches old and new rows by a unique index over plain columns; Tenon
        // swaps the rows in one go either way (readers never block), so only the check remains.
        if (stmt.Concurrently && !table.Indexes.Any(i => i.Unique && i.Predicate is null && i.Expressions.All(e => e is null)))
            throw new TenonException(SqlState.ObjectNotInPrerequisiteState,
                $"cannot refresh materialized view \"{table.Schema}.{table.Name}\" concurrently",
                hint: "Create a unique index with no WHERE clause on one or more columns of the materialized view.");
        RequireNoPendingEvents(oid, "REFRESH MATERIALIZED VIEW");

        var plan = stmt.WithNoData ? null : new Binder(ctx).BindStoredQuery(table.MatView!.Query);
        table = table with { MatView = table.MatView! with { Populated = !stmt.WithNoData } };
        Catalog = Catalog.PutTable(table);
        EmptyTable(table);
        try
        {
            if (plan is not null) Fill(table, plan);
        }
        catch (TenonException e) when (e.SqlState == SqlState.UniqueViolation && e.ConstraintName is { } index)
        {
            // PostgreSQL fills a new heap and then builds the indexes on it, so a duplicate fails the index build.
            throw new TenonException(SqlState.UniqueViolation, $"could not create unique index \"{index}\"",
                e.Detail?.Replace(" already exists.", " is duplicated.", StringComparison.Ordinal))
            { SchemaName = e.SchemaName, TableName = e.TableName, ConstraintName = index };
        }
        return new StatementResult("REFRESH MATERIALIZED VIEW");
    }

    /// <summary>Writes the query's rows into the materialized view's (empty) table; returns how many.</summary>
    private long Fill(TableDef table, Execution.Plan.PlanNode plan)
    {
        var rows = plan.Execute(ctx).ToList();
        var writer = new RowWriter(ctx);
        foreach (var row in rows)
        {
            ctx.Session.CheckForInterrupts();
            writer.Insert(table, row.Length == table.Columns.Count ? row : row[..table.Columns.Count], rowChecked: true);
        }
        return rows.Count;
    }

    private void DropMaterializedView(QualifiedName name, DropStatement stmt)
    {
        var oid = LookupForDrop(name, stmt, "materialized view", SqlState.UndefinedTable);
        if (oid == 0) return;
        RequireKind(oid, name, 'm');
        DropTable(oid, stmt.Cascade, stmt.Names.Select(n => Lookup(n)).ToHashSet());
    }

    /// <summary>Removes a materialized view whose dependents are already dealt with: its indexes and its table.</summary>
    private void RemoveMatView(uint oid)
    {
        var table = Catalog.Table(oid);
        foreach (var index in table.Indexes) Catalog = Catalog.RemoveIndex(index.Oid, table.Schema);
        Catalog = Catalog.RemoveTable(oid);
    }

    /// <summary>
    /// ALTER MATERIALIZED VIEW needs a materialized view; ALTER TABLE on one may only rename it,
    /// rename its columns or give it an owner (the actions PostgreSQL allows that Tenon has).
    /// Null when the statement may go on as an ALTER TABLE.
    /// </summary>
    private StatementResult? CheckMaterializedViewAlter(AlterTableStatement stmt)
    {
        var oid = Lookup(stmt.Table);
        if (stmt.MaterializedView)
        {
            if (oid == 0)
            {
                if (!stmt.IfExists) throw SqlErrors.RelationDoesNotExist(stmt.Table.ToString());
                ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"relation \"{stmt.Table.Name}\" does not exist, skipping"));
                return new StatementResult("ALTER MATERIALIZED VIEW");
            }
            if (Catalog.RelationKind(oid) != 'm')
                throw new TenonException(SqlState.WrongObjectType, $"\"{stmt.Table.Name}\" is not a materialized view");
        }
        if (oid != 0 && Catalog.RelationKind(oid) == 'v')
        {
            // What ALTER TABLE can do to a view (the rest is refused by kind, as PostgreSQL does).
            foreach (var action in stmt.Actions)
                if (action is not (RenameTableAction or RenameColumnAction or OwnerToAction or RelOptionsAction
                    or AlterColumnAction { Kind: AlterColumnKind.SetDefault or AlterColumnKind.DropDefault }))
                    throw new TenonException(SqlState.WrongObjectType,
                        $"ALTER action {AlterActionName(action)} cannot be performed on relation \"{Catalog.RelationName(oid)}\"",
                        "This operation is not supported for views.");
            return null;
        }
        if (oid == 0 && !stmt.MaterializedView && SystemRelations.Find(Catalog, Path, stmt.Table.Schema, stmt.Table.Name) is not null)
            throw new TenonException(SqlState.InsufficientPrivilege, $"permission denied: \"{stmt.Table.Name}\" is a system catalog");
        if (oid == 0 || Catalog.RelationKind(oid) != 'm') return null;
        foreach (var action in stmt.Actions)
            if (action is not (RenameTableAction or RenameColumnAction or OwnerToAction or RelOptionsAction or ClusterOnAction or SetWithoutClusterAction
                or AlterColumnAction { Kind: AlterColumnKind.SetStatistics or AlterColumnKind.SetStorage or AlterColumnKind.SetCompression or AlterColumnKind.SetOptions or AlterColumnKind.ResetOptions }))
                throw new TenonException(SqlState.WrongObjectType,
                    $"ALTER action {AlterActionName(action)} cannot be performed on relation \"{Catalog.RelationName(oid)}\"",
                    "This operation is not supported for materialized views.");
        return null;
    }

    /// <summary>An ALTER TABLE action as PostgreSQL's alter_table_type_to_string names it.</summary>
    private static string AlterActionName(AlterTableAction action) => action switch
    {
        AddColumnAction => "ADD COLUMN",
        DropColumnAction => "DROP COLUMN",
        AddConstraintAction => "ADD CONSTRAINT",
        DropConstraintAction => "DROP CONSTRAINT",
        ValidateConstraintAction => "VALIDATE CONSTRAINT",
        AlterConstraintAction => "ALTER CONSTRAINT",
        RenameConstraintAction => "RENAME",
        AlterColumnAction { Kind: AlterColumnKind.SetNotNull } => "ALTER COLUMN ... SET NOT NULL",
        AlterColumnAction { Kind: AlterColumnKind.DropNotNull } => "ALTER COLUMN ... DROP NOT NULL",
        AlterColumnAction { Kind: AlterColumnKind.SetDefault } => "ALTER COLUMN ... SET DEFAULT",
        AlterColumnAction { Kind: AlterColumnKind.DropDefault } => "ALTER COLUMN ... DROP DEFAULT",
        AlterColumnAction { Kind: AlterColumnKind.SetType } => "ALTER COLUMN ... SET DATA TYPE",
        AlterColumnAction { Kind: AlterColumnKind.DropExpression } => "ALTER COLUMN ... DROP EXPRESSION",
        AlterColumnAction { Kind: AlterColumnKind.SetStatistics } => "ALTER COLUMN ... SET STATISTICS",
        AlterColumnAction { Kind: AlterColumnKind.SetStorage } => "ALTER COLUMN ... SET STORAGE",
        AlterColumnAction { Kind: AlterColumnKind.SetCompression } => "ALTER COLUMN ... SET COMPRESSION",
        AlterColumnAction { Kind: AlterColumnKind.SetOptions } => "ALTER COLUMN ... SET",
        AlterColumnAction { Kind: AlterColumnKind.ResetOptions } => "ALTER COLUMN ... RESET",
        AlterColumnAction { Kind: AlterColumnKind.SetIdentity } => "ALTER COLUMN ... SET",
        AlterColumnAction { Kind: AlterColumnKind.DropIdentity } => "ALTER COLUMN ... DROP IDENTITY",
        AlterColumnAction => "ALTER COLUMN ... ADD IDENTITY",
        RelOptionsAction { Reset: true } => "RESET",
        RelOptionsAction => "SET",
        ClusterOnAction => "CLUSTER ON",
        SetWithoutClusterAction => "SET WITHOUT CLUSTER",
        SetWithoutOidsAction => "SET WITHOUT OIDS",
        SetPersistenceAction { Logged: true } => "SET LOGGED",
        SetPersistenceAction => "SET UNLOGGED",
        OfTypeAction => "OF",
        NotOfAction => "NOT OF",
        ReplicaIdentityAction => "REPLICA IDENTITY",
        AttachPartitionAction => "ATTACH PARTITION",
        DetachPartitionAction => "DETACH PARTITION",
        TriggerEnableAction => "ENABLE TRIGGER",
        _ => action.GetType().Name,
    };
}

using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Errors;
using Tenon.Sql.Ast;
using Tenon.Storage;
using Tenon.Transactions;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// CREATE TABLE … AS query and SELECT … INTO: a new table whose columns are the query's output
/// columns (names from the optional column list first), filled with the query's rows unless
/// WITH NO DATA. Unknown-typed outputs (bare literals) become text, as in PostgreSQL.
/// </summary>
public sealed partial class DdlExecutor
{
    private StatementResult CreateTableAs(CreateTableStatement stmt)
    {
        var binder = new Binder(ctx);
        var plan = binder.BindQuery(stmt.AsQuery!, null);
        var names = stmt.AsColumnNames;
        if (names is not null && names.Count > plan.Columns.Count)
            throw new TenonException(SqlState.SyntaxError, "too many column names were specified");
        var tag = stmt.IsSelectInto ? "SELECT" : "CREATE TABLE AS";
        if (NewRelationName(stmt.Name, stmt.Temporary, stmt.IfNotExists) is not var (schema, name))
            return new StatementResult(tag);

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

        var (heapOptions, toastOptions) = CreateOptions(stmt.Options, partitioned: false);
        var oid = Db.NextOid();
        var table = new TableDef(oid, schema, name, columns)
        {
            Temporary = SearchPath.IsTempSchema(schema), OnCommit = OnCommitAction(stmt),
            Unlogged = stmt.Unlogged && !SearchPath.IsTempSchema(schema), Options = heapOptions,
        };
        table = WithNewRowType(table);
        if (columns.Any(c => DefaultStorage(c.Type) != 'p')) table = table with { ToastOptions = toastOptions };
        Catalog = Catalog.PutTable(table);
        Tx.SetData(oid, new TableData(RowStore.Empty, Array.Empty<IndexStore>()));
        if (stmt.AsWithNoData) return new StatementResult(tag);

        var writer = new RowWriter(ctx);
        long count = 0;
        foreach (var row in plan.Execute(ctx).ToList())
        {
            ctx.Session.CheckForInterrupts();
            writer.Insert(table, row[..columns.Count], rowChecked: true);
            count++;
        }
        return new StatementResult($"SELECT {count}");
    }
}

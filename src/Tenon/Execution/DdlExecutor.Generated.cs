using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// Stored generated columns (<c>GENERATED ALWAYS AS (expr) STORED</c>): their definition rules
/// and what ALTER TABLE may do to them and to the columns they read. The values themselves are
/// computed by the RowWriter for every row written.
/// </summary>
public sealed partial class DdlExecutor
{
    private static TenonException BothDefaultAndGeneration(string column, string table, int position) =>
        new(SqlState.SyntaxError, $"both default and generation expression specified for column \"{column}\" of table \"{table}\"") { Position = position };

    private static TenonException BothIdentityAndGeneration(string column, string table, int position) =>
        new(SqlState.SyntaxError, $"both identity and generation expression specified for column \"{column}\" of table \"{table}\"") { Position = position };

    /// <summary>Binds every generation expression of a new table (they may read columns defined after them).</summary>
    private void ValidateGenerationExpressions(TableDef table)
    {
        foreach (var col in table.LiveColumns.Where(c => c.Generated is not null))
        {
            if (_inAlterTable) WithoutPosition(() => new Binder(ctx).BindGenerationExpression(table, col));
            else new Binder(ctx).BindGenerationExpression(table, col);
        }
    }

    /// <summary>The live generated columns of <paramref name="table"/> whose expression reads column <paramref name="number"/>.</summary>
    private List<ColumnDef> GeneratedColumnsReading(TableDef table, short number) =>
        table.LiveColumns.Where(c => c.Generated is not null && c.Number != number && ColumnsUsed(table, [c.Generated]).Contains(number)).ToList();

    /// <summary>ALTER COLUMN … TYPE of a column a generated column reads: PostgreSQL 15 refuses it.</summary>
    private void RequireNoGeneratedColumnReads(TableDef table, ColumnDef col)
    {
        if (GeneratedColumnsReading(table, col.Number) is [var first, ..])
            throw new TenonException(SqlState.FeatureNotSupported, "cannot alter type of a column used by a generated column",
                $"Column \"{col.Name}\" is used by generated column \"{first.Name}\".");
    }

    /// <summary>DROP COLUMN of a column generated columns read: 2BP01, or with CASCADE they are dropped first.</summary>
    private void DropGeneratedColumnsReading(TableDef table, ColumnDef col, bool cascade)
    {
        var dependents = GeneratedColumnsReading(table, col.Number);
        if (dependents.Count == 0) return;
        var what = $"column {col.Name} of table {table.Name}";
        if (!cascade)
            throw new TenonException(SqlState.DependentObjectsStillExist, $"cannot drop {what} because other objects depend on it",
                string.Join("\n", dependents.Select(d => $"column {d.Name} of table {table.Name} depends on {what}")),
                "Use DROP ... CASCADE to drop the dependent objects too.");
        ReportCascade(dependents.Select(d => $"column {d.Name} of table {table.Name}").ToList());
        foreach (var d in dependents) DropColumn(Catalog.Table(table.Oid), new DropColumnAction(d.Name, IfExists: false, Cascade: true));
    }

    /// <summary>SET/DROP DEFAULT on a generated column (42601; DROP DEFAULT hints at DROP EXPRESSION).</summary>
    private static void RejectDefaultOnGenerated(TableDef table, ColumnDef col, bool dropping)
    {
        if (col.Generated is null) return;
        throw new TenonException(SqlState.SyntaxError, $"column \"{col.Name}\" of relation \"{table.Name}\" is a generated column",
            hint: dropping ? "Use ALTER TABLE ... ALTER COLUMN ... DROP EXPRESSION instead." : null);
    }

    /// <summary>ALTER COLUMN … DROP EXPRESSION [IF EXISTS]: the column keeps its stored values and becomes a plain column.</summary>
    private ColumnDef DropExpression(TableDef table, ColumnDef col, bool ifExists)
    {
        if (col.Generated is not null) return col with { Generated = null };
        var message = $"column \"{col.Name}\" of relation \"{table.Name}\" is not a stored generated column";
        if (!ifExists) throw new TenonException(SqlState.ObjectNotInPrerequisiteState, message);
        ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", message + ", skipping"));
        return col;
    }

    /// <summary>
    /// A foreign key whose referencing columns include a generated column cannot have an action
    /// that writes them (SET NULL / SET DEFAULT on delete or update, CASCADE on update).
    /// </summary>
    private static void RejectActionsOnGeneratedColumns(TableDef table, IReadOnlyList<short> columns, ReferentialAction onDelete, ReferentialAction onUpdate)
    {
        if (!columns.Any(n => table.Column(n).Generated is not null)) return;
        if (onUpdate is ReferentialAction.Cascade or ReferentialAction.SetNull or ReferentialAction.SetDefault)
            throw new TenonException(SqlState.SyntaxError, "invalid ON UPDATE action for foreign key constraint containing generated column");
        if (onDelete is ReferentialAction.SetNull or ReferentialAction.SetDefault)
            throw new TenonException(SqlState.SyntaxError, "invalid ON DELETE action for foreign key constraint containing generated column");
    }
}

using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// RENAME COLUMN. PostgreSQL's stored expressions refer to columns by number, so they follow a
/// renamed column; Tenon keeps them as parsed text, so the expressions of the table that name the
/// column (CHECK constraints, generated columns, index keys and predicates, partition keys) are
/// rewritten to the new name.
/// </summary>
public sealed partial class DdlExecutor
{
    private void RenameColumn(TableDef table, ColumnDef col, string newName)
    {
        var oldName = col.Name;
        Expr Rename(Expr e) => ExprRewriter.Rewrite(e, (_, rebuilt) =>
            rebuilt is ColumnRef c && c.Column == oldName && (c.Names.Count == 1 || c.Names.Count == 2 && c.Names[0] == table.Name)
                ? c with { Names = [.. c.Names.Take(c.Names.Count - 1), newName] }
                : rebuilt);

        var cols = table.Columns.Select(c => c.Generated is { } g ? c with { Generated = Rename(g) } : c).ToList();
        cols[col.Number - 1] = cols[col.Number - 1] with { Name = newName };
        var constraints = table.Constraints.Select(c => c is CheckConstraintDef ck ? ck with { Condition = Rename(ck.Condition) } : c).ToArray();
        var renamed = table with { Columns = cols, Constraints = constraints };
        if (table.PartitionKey is { } key && key.Expressions.Any(e => e is not null))
            renamed = renamed with { PartitionKey = key with { Expressions = key.Expressions.Select(e => e is null ? null : Rename(e)).ToArray() } };
        if (table.Indexes.Any(i => i.Predicate is not null || i.Expressions.Any(e => e is not null)))
        {
            var scope = RowWriter.TableScope(renamed);
            var indexes = table.Indexes.Select(index =>
            {
                if (index.Predicate is null && index.Expressions.All(e => e is null)) return index;
                var expressions = index.Expressions.Select(x => x is null ? null
                    : Rename(x.Expr) is var e ? x with { Expr = e, Text = IndexKeyText.Format(new Binder(ctx).BindExpr(e, scope), renamed, 0, ctx) } : x).ToArray();
                var updated = index with { Expressions = expressions, Predicate = index.Predicate is null ? null : Rename(index.Predicate) };
                Catalog = Catalog.PutIndex(updated, table.Schema);
                return updated;
            }).ToArray();
            renamed = renamed with { Indexes = indexes };
        }
        Catalog = Catalog.PutTable(renamed);
    }
}

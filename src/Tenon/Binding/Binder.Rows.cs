using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;
using Tenon.Types;
using Tenon.Catalog;

namespace Tenon.Binding;

/// <summary>Row values: whole-row references (<c>t.*</c>, <c>t</c>), ROW(…) with <c>t.*</c> expanded, field selection, and multiple-column UPDATE sources.</summary>
public sealed partial class Binder
{
    private readonly Dictionary<MultiAssignSource, (BoundExpr Row, SqlType[] Types, RowOnceCache Cache)> _multiAssign = new();

    /// <summary>
    /// A whole-row reference to FROM item <paramref name="alias"/>: a row of its visible columns,
    /// or null when no FROM item of that name is in scope.
    /// </summary>
    private RowConstructorExpr? WholeRow(string alias, Scope? scope, int position, bool bareName = false)
    {
        var level = 0;
        for (var s = scope; s is not null; s = s.Parent, level++)
        {
            var entry = s.FindEntry(alias);
            if (entry is null || (entry.Unreferenceable && bareName)) continue;
            if (entry.Unreferenceable)
                throw new TenonException(SqlState.UndefinedTable, $"invalid reference to FROM-clause entry for table \"{alias}\"",
                    hint: $"There is an entry for table \"{alias}\", but it cannot be referenced from this part of the query.") { Position = position };
            var cols = entry.Columns.Where(c => !c.Hidden && !entry.MergedAway.Contains(c.Name)).ToList();
            return new RowConstructorExpr(cols.Select(c => (BoundExpr)MakeColumn(c, level, s, position)).ToArray())
            {
                FieldNames = cols.Select(c => c.Name).ToArray(),
                // A table's or view's row is a value of its row type.
                RowType = entry.RowType is { } rowType && rowType.Fields.Count == cols.Count ? SqlType.OfComposite(rowType) : null,
            };
        }
        return null;
    }

    /// <summary><c>t.*</c> outside a select list or ROW(…): the whole row as one value.</summary>
    private BoundExpr BindStarAsRow(StarExpr star, Scope? scope)
    {
        if (star.Table is null)
            throw new TenonException(SqlState.SyntaxError, "row expansion via \"*\" is not supported here") { Position = star.Position };
        return WholeRow(star.Table, scope, star.Position)
            ?? throw new TenonException(SqlState.UndefinedTable, $"missing FROM-clause entry for table \"{star.Table}\"") { Position = star.Position };
    }

    /// <summary>The items of ROW(…) or (…, …), with each <c>t.*</c> expanded into t's columns.</summary>
    private List<BoundExpr> BindRowItems(IReadOnlyList<Expr> items, Scope? scope)
    {
        var result = new List<BoundExpr>();
        foreach (var item in items)
        {
            if (item is StarExpr star && BindStarAsRow(star, scope) is RowConstructorExpr whole)
                result.AddRange(whole.Items);
            else result.Add(BindExpr(item, scope));
        }
        return result;
    }

    /// <summary><c>(expr).field</c> and <c>(expr).*</c>; an anonymous row's fields are f1, f2, ….</summary>
    private BoundExpr BindFieldSelect(FieldSelectExpr f, Scope? scope)
    {
        var operand = BindExpr(f.Operand, scope);
        if (f.Field == "*" && operand.Type.Id == TypeId.Record) return operand;
        // A whole-row reference (names, perhaps a row type) or an anonymous row: its items by name.
        if (operand is RowConstructorExpr row && (row.RowType is null || row.FieldNames is not null))
        {
            var names = row.FieldNames ?? Enumerable.Range(1, row.Items.Count).Select(i => $"f{i}").ToArray();
            var i = IndexOfField(names, f.Field);
            if (i >= 0) return row.Items[i];
            // (t).x and (t.*).x are t.x to PostgreSQL, with its error for a missing column.
            if (row.FieldNames is not null && f.Operand is ColumnRef { Names.Count: 1 } or StarExpr { Table: not null })
            {
                var alias = f.Operand is ColumnRef c ? c.Names[0] : ((StarExpr)f.Operand).Table;
                throw new TenonException(SqlState.UndefinedColumn, $"column {alias}.{f.Field} does not exist") { Position = f.Operand.Position };
            }
        }
        if (operand.Type.Composite is { } composite)
        {
            if (f.Field == "*") return operand;
            var at = composite.IndexOf(f.Field);
            if (at < 0)
                throw new TenonException(SqlState.UndefinedColumn, $"column \"{f.Field}\" not found in data type {composite.Name}") { Position = f.Operand.Position };
            return new RecordFieldExpr(operand, at, composite.Fields[at].Type);
        }
        if (operand.Type.Id == TypeId.Record)
            throw new TenonException(SqlState.UndefinedColumn, $"could not identify column \"{f.Field}\" in record data type") { Position = f.Operand.Position };
        throw new TenonException(SqlState.UndefinedColumn,
            $"column notation .{f.Field} applied to type {operand.Type.DisplayName}, which is not a composite type") { Position = f.Operand.Position };
    }

    private static int IndexOfField(IReadOnlyList<string> names, string field)
    {
        for (var i = 0; i < names.Count; i++)
            if (names[i] == field) return i;
        return -1;
    }

    /// <summary>One target of <c>SET (a, b) = (SELECT …)</c> or <c>= ROW(t.*, …)</c>: its field of the source row, computed once per row.</summary>
    private BoundExpr BindMultiAssignRef(MultiAssignRef m, Scope? scope)
    {
        if (!_multiAssign.TryGetValue(m.Source, out var bound))
        {
            BoundExpr row;
            SqlType[] types;
            if (m.Source.Source is ScalarSubqueryExpr sq)
            {
                var (plan, correlated) = BindSubquery(sq.Subquery, scope);
                types = plan.Columns.Select(c => c.Type).ToArray();
                row = new SubqueryExpr(plan, SubqueryKind.Row, correlated, null, null, SqlType.Record);
            }
            else
            {
                var items = BindRowItems(((RowExpr)m.Source.Source).Items, scope);
                types = items.Select(i => i.Type).ToArray();
                row = new RowConstructorExpr(items.ToArray());
            }
            if (types.Length != m.Source.Count)
                throw new TenonException(SqlState.SyntaxError, "number of columns does not match number of values") { Position = m.Source.Position };
            bound = (row, types, new RowOnceCache());
            _multiAssign[m.Source] = bound;
        }
        var type = bound.Types[m.Index];
        // An untyped literal of the sub-select is text by now, as PostgreSQL resolves a sub-select's outputs.
        if (type.Id == TypeId.Unknown) type = SqlType.Text;
        return new RecordFieldExpr(bound.Row, m.Index, type, bound.Cache);
    }

    /// <summary>
    /// A row value as composite type <paramref name="target"/>: the same composite as is, a ROW(…)
    /// constructor field by field (PostgreSQL's errors for a wrong column count or field type);
    /// null (no cast) for any other record.
    /// </summary>
    private BoundExpr? CoerceToComposite(BoundExpr e, SqlType target, CastContext context, int position)
    {
        var composite = target.Composite!;
        if (e.Type.Composite?.Oid == composite.Oid) return e;
        if (e is not RowConstructorExpr row || e.Type.Composite is not null) return null;
        // Field by field, as PostgreSQL checks: a field that does not convert is reported before extra fields are.
        var items = new BoundExpr[composite.Fields.Count];
        for (var i = 0; i < items.Length; i++)
        {
            if (i >= row.Items.Count)
                throw new TenonException(SqlState.CannotCoerce, $"cannot cast type record to {composite.Name}", "Input has too few columns.") { Position = position };
            var fieldType = composite.Fields[i].Type;
            items[i] = TryCoerce(row.Items[i], fieldType, context, position)
                ?? throw new TenonException(SqlState.CannotCoerce, $"cannot cast type record to {composite.Name}",
                    $"Cannot cast type {row.Items[i].Type.DisplayName} to {fieldType.DisplayName} in column {i + 1}.") { Position = position };
        }
        if (row.Items.Count > items.Length)
            throw new TenonException(SqlState.CannotCoerce, $"cannot cast type record to {composite.Name}", "Input has too many columns.") { Position = position };
        return new RowConstructorExpr(items) { RowType = target };
    }
}

using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// INSERT, UPDATE and DELETE through a view, as PostgreSQL's automatically updatable views:
/// a view selecting plain columns of one table (no DISTINCT, GROUP BY, HAVING, LIMIT, OFFSET,
/// WITH or set operation) writes that table. The statement is bound against the table under the
/// view's column names (<see cref="WriteTarget.Naming"/>: its other columns hidden), rows are
/// written to the table itself (<see cref="WriteTarget.Table"/>) and UPDATE and DELETE only see
/// rows the view's WHERE admits. Views PostgreSQL refuses give its 55000 errors; views it could
/// update but Tenon cannot yet (computed or reordered columns, views over views) give 0A000.
/// </summary>
public sealed partial class DmlExecutor
{
    private sealed record WriteTarget(TableDef Naming, TableDef Table, BoundExpr? ViewFilter, ViewCheck? Check);

    /// <summary>
    /// A view's WITH [LOCAL | CASCADED] CHECK OPTION: each row an INSERT or UPDATE through it writes
    /// must satisfy its WHERE (null fails too, unlike a CHECK constraint). It is checked after the
    /// row's own constraints and unique keys, before the statement's foreign-key checks, as
    /// PostgreSQL does. Views over views are not written through yet, so LOCAL and CASCADED agree.
    /// </summary>
    internal sealed record ViewCheck(string ViewName, BoundExpr Condition)
    {
        public void Check(RowWriter writer, TableDef table, object?[] row, ExecContext ec)
        {
            if (Condition.Eval(row, ec) is true) return;
            throw new TenonException(SqlState.WithCheckOptionViolation, $"new row violates check option for view \"{ViewName}\"",
                $"Failing row contains {writer.FailingRow(table, row)}.");
        }

        /// <summary>Checks the row version <paramref name="rowId"/> as stored (BEFORE triggers may have changed it).</summary>
        public void CheckStored(RowWriter writer, TableDef table, long rowId, ExecContext ec)
        {
            if (ec.Transaction.Rows(table.Oid).TryGet(rowId, out var stored)) Check(writer, table, stored, ec);
        }
    }

    private WriteTarget ResolveWriteTarget(Binder binder, QualifiedName name, int position, string verb)
    {
        var table = binder.ResolveTable(name, name.Position > 0 ? name.Position : position, out var view);
        if (table is { IsMatView: true }) throw MaterializedViewWrite(table);
        if (view is null) return new WriteTarget(table!, table!, null, null);
        return ViewTarget(binder, view, position, verb);
    }

    /// <summary>INSERT, UPDATE, DELETE and MERGE on a materialized view: only REFRESH changes its rows.</summary>
    internal static TenonException MaterializedViewWrite(TableDef matview) =>
        new(SqlState.WrongObjectType, $"cannot change materialized view \"{matview.Name}\"");

    private WriteTarget ViewTarget(Binder binder, ViewDef view, int position, string verb)
    {
        var core = view.Query.Body as SelectCore;
        if (NotAutoUpdatableReason(view.Query) is { } reason)
        {
            var (message, hint) = verb switch
            {
                "INSERT" => ($"cannot insert into view \"{view.Name}\"", "To enable inserting into the view, provide an INSTEAD OF INSERT trigger or an unconditional ON INSERT DO INSTEAD rule."),
                "UPDATE" => ($"cannot update view \"{view.Name}\"", "To enable updating the view, provide an INSTEAD OF UPDATE trigger or an unconditional ON UPDATE DO INSTEAD rule."),
                _ => ($"cannot delete from view \"{view.Name}\"", "To enable deleting from the view, provide an INSTEAD OF DELETE trigger or an unconditional ON DELETE DO INSTEAD rule."),
            };
            throw new TenonException(SqlState.ObjectNotInPrerequisiteState, message, reason, hint);
        }
        var from = (NamedTableRef)core!.From[0];
        var baseOid = view.Relations.FirstOrDefault(r => r.Schema == from.Name.Schema && r.Name == from.Name.Name)?.Oid ?? 0;
        if (!Catalog.Tables.TryGetValue(baseOid, out var table))
            throw NotYet(view, position);
        var alias = from.Alias?.Name ?? from.Name.Name;
        if (from.Alias?.Columns is not null) throw NotYet(view, position);

        // Each view column must be a column of the table, in the table's order.
        var numbers = new List<short>();
        foreach (var item in core.Targets)
        {
            if (item.Expr is StarExpr star && (star.Table is null || star.Table == alias))
                numbers.AddRange(table.LiveColumns.Select(c => c.Number));
            else if (item.Expr is ColumnRef { Names: var parts } && (parts.Count == 1 || parts.Count == 2 && parts[0] == alias)
                && RecordedColumn(view, table, parts[^1]) is { } col)
                numbers.Add(col.Number);
            else throw NotYet(view, position);
        }
        if (numbers.Count != view.Columns.Count || numbers.Zip(numbers.Skip(1)).Any(p => p.First >= p.Second)) throw NotYet(view, position);
        var columns = table.Columns.Select(c =>
        {
            var i = numbers.IndexOf(c.Number);
            // A view column has no default of its own: INSERT leaves it to the table's (BuildRow
            // reads the table's), UPDATE … SET col = DEFAULT through the view writes NULL, as PostgreSQL's rewriter does.
            return i < 0 ? c with { IsDropped = true } : c with { Name = view.Columns[i].Name, Default = null };
        }).ToList();
        var naming = table with { Name = view.Name, Schema = view.Schema, Columns = columns };
        BoundExpr? filter = core.Where is null ? null : binder.BindCondition(core.Where, RowWriter.TableScope(UnderRecordedNames(view, table), alias), "WHERE");
        var check = view.CheckOption is not null && filter is not null && verb != "DELETE" ? new ViewCheck(view.Name, filter) : null;
        return new WriteTarget(naming, table, filter, check);
    }

    /// <summary>A column the view's query names, by the name the table's column had when the view was made (renamed since or not).</summary>
    private static ColumnDef? RecordedColumn(ViewDef view, TableDef table, string name)
    {
        foreach (var t in view.TableColumns)
            if (t.TableOid == table.Oid)
            {
                var i = t.Names.ToList().IndexOf(name);
                return i >= 0 && i < table.Columns.Count && !table.Columns[i].IsDropped ? table.Columns[i] : null;
            }
        return table.FindColumn(name);
    }

    /// <summary>The table with its columns under the names the view's query knew them by.</summary>
    private static TableDef UnderRecordedNames(ViewDef view, TableDef table)
    {
        var recorded = view.TableColumns.FirstOrDefault(t => t.TableOid == table.Oid);
        if (recorded is null) return table;
        return table with
        {
            Columns = table.Columns.Select((c, i) => i < recorded.Names.Count && recorded.Names[i].Length > 0 ? c with { Name = recorded.Names[i] } : c).ToList(),
        };
    }

    /// <summary>Why PostgreSQL would not write through a view of this query (its checks, in its order); null when it would.</summary>
    internal static string? NotAutoUpdatableReason(Query q)
    {
        var core = q.Body as SelectCore;
        if (core is { Distinct: true } || core?.DistinctOn is not null) return "Views containing DISTINCT are not automatically updatable.";
        if (core is { GroupBy.Count: > 0 }) return "Views containing GROUP BY are not automatically updatable.";
        if (core?.Having is not null) return "Views containing HAVING are not automatically updatable.";
        if (core is null) return "Views containing UNION, INTERSECT, or EXCEPT are not automatically updatable.";
        if (q.With is not null) return "Views containing WITH are not automatically updatable.";
        if (q.Limit is not null || q.Offset is not null) return "Views containing LIMIT or OFFSET are not automatically updatable.";
        if (core.Targets.Any(t => Binder.ContainsAggregate(t.Expr))) return "Views that return aggregate functions are not automatically updatable.";
        if (core.Targets.Any(t => Binder.ContainsWindow(t.Expr))) return "Views that return window functions are not automatically updatable.";
        if (core.From is not [NamedTableRef]) return "Views that do not select from a single table or view are not automatically updatable.";
        return null;
    }

    private static TenonException NotYet(ViewDef view, int position) =>
        new(SqlState.FeatureNotSupported, $"writing through view \"{view.Name}\" is not supported: Tenon writes only through views of plain table columns in table order") { Position = position };
}

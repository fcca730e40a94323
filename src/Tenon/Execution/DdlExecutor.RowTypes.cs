using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// Relations' row types (<see cref="TableDef.RowType"/>): made with the relation, renamed with it,
/// and what DDL on the relation must respect while columns store values of it.
/// </summary>
public sealed partial class DdlExecutor
{
    /// <summary>
    /// Oids and array name of a new relation's row type, in PostgreSQL's order (the relation's
    /// oid, then the array type's, then the type's); an automatically named array type that has
    /// the relation's name is renamed out of the way first.
    /// </summary>
    private (uint Type, uint Array, string? ArrayName) NewRowType(string schema, string name)
    {
        Catalog = Catalog.MoveArrayTypeOutOfTheWay(schema, name, out _);
        var array = Db.NextOid();
        var type = Db.NextOid();
        var arrayName = Catalog.MakeArrayTypeName(schema, name);
        return (type, array, arrayName == NameGenerator.Truncate("_" + name) ? null : arrayName);
    }

    private TableDef WithNewRowType(TableDef table)
    {
        var (type, array, arrayName) = NewRowType(table.Schema, table.Name);
        return table with { RowTypeOid = type, RowArrayOid = array, RowArrayName = arrayName };
    }

    private ViewDef WithNewRowType(ViewDef view)
    {
        var (type, array, arrayName) = NewRowType(view.Schema, view.Name);
        return view with { RowTypeOid = type, RowArrayOid = array, RowArrayName = arrayName };
    }

    /// <summary>Columns of other tables typed by <paramref name="table"/>'s row type (DROP TABLE reports or drops them).</summary>
    private List<(string What, string On, Action Drop)> RowTypeUsers(TableDef table, IReadOnlySet<uint> droppedTogether) =>
        table.RowType is { } rowType ? TypeDependents(rowType, droppedTogether) : [];

    /// <summary>Whether values of <paramref name="type"/> contain values of composite type <paramref name="oid"/> (through domains, arrays and other composite types).</summary>
    private static bool ContainsType(SqlType type, uint oid, int depth = 0)
    {
        var t = type.BaseType;
        if (depth > 32) return false;
        if (t.IsArray) return ContainsType(t.Element!, oid, depth + 1);
        if (t.Composite is not { } c) return false;
        return c.Oid == oid || c.Fields.Any(f => ContainsType(f.Type, oid, depth + 1));
    }

    /// <summary>A column of <paramref name="table"/> (ADD COLUMN, ALTER COLUMN TYPE) may not contain its own row type: 42P16.</summary>
    private static void RefuseMemberOfItself(TableDef table, SqlType type)
    {
        if (table.RowType is { } rowType && ContainsType(type, rowType.Oid))
            throw new TenonException(SqlState.InvalidTableDefinition, $"composite type {SqlErrors.QuoteIdentifier(rowType.Name)} cannot be made a member of itself");
    }

    /// <summary>
    /// The first column (of any table, in oid order) whose values contain <paramref name="table"/>'s
    /// row type: values stored there would no longer match a rewritten row (PostgreSQL's
    /// find_composite_type_dependencies). 0A000 when there is one.
    /// </summary>
    private void RequireRowTypeUnused(TableDef table)
    {
        if (table.RowType is not { } rowType) return;
        foreach (var other in Catalog.Tables.Values.OrderBy(t => t.Oid))
            foreach (var col in other.LiveColumns)
                if (ContainsType(col.Type, rowType.Oid))
                    throw new TenonException(SqlState.FeatureNotSupported,
                        $"cannot alter table \"{table.Name}\" because column \"{other.Name}.{col.Name}\" uses its row type");
    }

    /// <summary>
    /// Adding or dropping a column of a table changes the values of its row type that columns of
    /// other tables hold: a new attribute is null in them, a dropped one goes. Those stored values
    /// are rewritten to the table's current row type.
    /// </summary>
    private void ReshapeRowTypeValues(CompositeTypeDef before, CompositeTypeDef after)
    {
        var map = after.Fields.Select(f => before.IndexOf(f.Name)).ToArray();
        var types = after.FieldTypes;
        object? Fix(object? value, SqlType type)
        {
            if (value is null) return null;
            var t = type.BaseType;
            if (t.IsArray && value is PgArray array)
            {
                var items = array.Items.Select(i => Fix(i, t.Element!)).ToArray();
                return array.WithItems(array.ElementType, items);
            }
            if (t.Composite is not { } c || value is not PgRecord rec) return value;
            if (c.Oid == after.Oid)
                return new PgRecord(map.Select(i => i >= 0 && i < rec.Fields.Length ? rec.Fields[i] : null).ToArray(), types);
            var fields = new object?[rec.Fields.Length];
            for (var i = 0; i < fields.Length; i++) fields[i] = i < c.Fields.Count ? Fix(rec.Fields[i], c.Fields[i].Type) : rec.Fields[i];
            return new PgRecord(fields, rec.FieldTypes);
        }
        foreach (var table in Catalog.Tables.Values.OrderBy(t => t.Oid).ToList())
        {
            var cols = table.Columns.Where(c => !c.IsDropped && ContainsType(c.Type, after.Oid)).ToList();
            if (cols.Count == 0 || table.IsPartitioned) continue;
            var wt = Tx.Write(table.Oid);
            foreach (var (rowId, row) in wt.Rows.Scan().ToList())
            {
                var updated = (object?[])row.Clone();
                foreach (var c in cols) updated[c.Number - 1] = Fix(row[c.Number - 1], c.Type);
                wt.Rows = wt.Rows.Update(rowId, updated, Tx.Token);
            }
            // Index keys hold the old values.
            if (table.Indexes.Count > 0) RebuildIndexes(Catalog.Table(table.Oid));
        }
    }

    /// <summary>ALTER TYPE of a relation's row type: the relation is altered instead (42809).</summary>
    private static void RefuseRowTypeAlter(UserTypeDef type, Sql.Ast.AlterTypeStatement stmt)
    {
        if (type is not CompositeTypeDef { IsRowType: true }) return;
        if (stmt.Action is Sql.Ast.AlterTypeAction.AddAttribute or Sql.Ast.AlterTypeAction.DropAttribute
            or Sql.Ast.AlterTypeAction.RenameAttribute or Sql.Ast.AlterTypeAction.AlterAttributeType)
            throw new TenonException(SqlState.WrongObjectType, $"\"{type.Name}\" is not a composite type");
        throw new TenonException(SqlState.WrongObjectType, $"{SqlErrors.QuoteIdentifier(type.Name)} is a table's row type", hint: "Use ALTER TABLE instead.");
    }

    /// <summary>
    /// Before relation <paramref name="oid"/> is renamed: its row type takes the new name (42710
    /// when another type has it; an automatically named array type there is moved out of the way)
    /// and its array type a new one, as PostgreSQL's RenameTypeInternal does. Returns the array
    /// type name to store with the renamed relation (null: "_" + the name).
    /// </summary>
    private string? RenameRowType(uint oid, string newName)
    {
        if (Catalog.RowTypeOfRelation(oid) is not { } rowType) return null;
        if (Catalog.LookupType(rowType.Schema, newName) is { } other && other.Oid != rowType.Oid)
            throw new TenonException(SqlState.DuplicateObject, $"type \"{newName}\" already exists");
        Catalog = Catalog.MoveArrayTypeOutOfTheWay(rowType.Schema, newName, out var moved);
        var arrayName = moved?.Oid == rowType.Oid ? Catalog.RowTypeOfRelation(oid)!.ArrayTypeName : Catalog.MakeArrayTypeName(rowType.Schema, newName);
        return arrayName == NameGenerator.Truncate("_" + newName) ? null : arrayName;
    }
}

using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// Typed tables (pg_class.reloftype): CREATE TABLE … OF type takes its columns from a composite
/// type, ALTER TABLE … OF type links a table whose columns match the type's attributes, NOT OF
/// unlinks it. While linked, the table's columns follow the type: they cannot be added, dropped,
/// renamed or retyped through the table, and the type cannot be dropped without the table.
/// </summary>
public sealed partial class DdlExecutor
{
    /// <summary>The composite type an OF clause names: 42704 if there is none, 42809 if it is another kind of type.</summary>
    private CompositeTypeDef TypedTableType(QualifiedName name)
    {
        if (Catalog.LookupType(name.Schema, name.Name, Path.TempSchema) is CompositeTypeDef { IsRowType: false } composite) return composite;
        RefuseOtherType();
        throw new TenonException(SqlState.UndefinedObject, $"type \"{name}\" does not exist");

        void RefuseOtherType()
        {
            // A relation's name, or any other type, names a type that is not a composite type.
            if (Catalog.FindTable(name.Schema, name.Name) is { } t)
                throw new TenonException(SqlState.WrongObjectType, $"type {t.Name} is not a composite type");
            Types.SqlType resolved;
            try
            {
                resolved = Binder.ResolveType(new TypeName(name.Name, []) { Schema = name.Schema }, Catalog);
            }
            catch (TenonException)
            {
                return;
            }
            throw new TenonException(SqlState.WrongObjectType, $"type {resolved.DisplayName} is not a composite type");
        }
    }

    /// <summary>
    /// CREATE TABLE … OF type: the statement with one column definition per attribute of the type,
    /// in its order, each carrying the options written for it (<c>col WITH OPTIONS …</c>).
    /// </summary>
    private CreateTableStatement ExpandTypedTable(CreateTableStatement stmt, out uint typeOid)
    {
        if (stmt.Columns.Any(c => c.Constraints.Any(k => k is IdentityColumnConstraint)))
            throw new TenonException(SqlState.FeatureNotSupported, "identity columns are not supported on typed tables");
        var type = TypedTableType(stmt.OfType!);
        typeOid = type.Oid;
        var seen = new HashSet<string>();
        foreach (var c in stmt.Columns)
        {
            if (type.IndexOf(c.Name) < 0) throw new TenonException(SqlState.UndefinedColumn, $"column \"{c.Name}\" does not exist");
            if (!seen.Add(c.Name)) throw new TenonException(SqlState.DuplicateColumn, $"column \"{c.Name}\" specified more than once");
        }
        var columns = type.Fields.Select(f =>
        {
            var given = stmt.Columns.FirstOrDefault(c => c.Name == f.Name);
            var typeName = new TypeName(f.Type.DisplayName, []) { Resolved = f.Type };
            return given is null ? new ColumnDefinition(f.Name, typeName, []) : given with { Type = typeName };
        }).ToList();
        var order = stmt.ElementsInOrder.Select(n => n is ColumnDefinition c ? columns.First(x => x.Name == c.Name) : n).ToList();
        return stmt with { Columns = columns, ElementsInOrder = order };
    }

    /// <summary>
    /// ALTER TABLE … OF type: the table's live columns must be the type's attributes, in order, with
    /// the same types (typmod included); then the table is typed (replacing any earlier type).
    /// </summary>
    private void MakeTypedTable(TableDef table, QualifiedName typeName)
    {
        var type = TypedTableType(typeName);
        var columns = table.LiveColumns.ToList();
        var i = 0;
        foreach (var field in type.Fields)
        {
            if (i >= columns.Count) throw new TenonException(SqlState.DatatypeMismatch, $"table is missing column \"{field.Name}\"");
            var col = columns[i++];
            if (col.Name != field.Name)
                throw new TenonException(SqlState.DatatypeMismatch, $"table has column \"{col.Name}\" where type requires \"{field.Name}\"");
            if (col.Type.CatalogOid != field.Type.CatalogOid || col.Type.TypeModifier != field.Type.TypeModifier)
                throw new TenonException(SqlState.DatatypeMismatch, $"table \"{table.Name}\" has different type for column \"{col.Name}\"");
        }
        if (i < columns.Count) throw new TenonException(SqlState.DatatypeMismatch, $"table has extra column \"{columns[i].Name}\"");
        Catalog = Catalog.PutTable(table with { OfType = type.Oid });
    }

    /// <summary>ALTER TABLE … NOT OF.</summary>
    private void DropTableType(TableDef table)
    {
        if (table.OfType == 0) throw new TenonException(SqlState.WrongObjectType, $"\"{table.Name}\" is not a typed table");
        Catalog = Catalog.PutTable(table with { OfType = 0 });
    }

    /// <summary>The column changes a typed table refuses (its columns are its type's).</summary>
    private static void RefuseTypedTableColumnChange(TableDef table, AlterTableAction action)
    {
        if (table.OfType == 0) return;
        var what = action switch
        {
            AddColumnAction => "cannot add column to typed table",
            DropColumnAction => "cannot drop column from typed table",
            AlterColumnAction { Kind: AlterColumnKind.SetType } => "cannot alter column type of typed table",
            RenameColumnAction => "cannot rename column of typed table",
            _ => null,
        };
        if (what is not null) throw new TenonException(SqlState.WrongObjectType, what);
    }
}

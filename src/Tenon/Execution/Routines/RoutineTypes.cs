using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution.Routines;

/// <summary>A routine's parameter or result type as declared: a SQL type, trigger, or a table's row type.</summary>
public readonly record struct RoutineType(SqlType Type, bool IsTrigger, uint Relation, IReadOnlyList<(string Name, SqlType Type)>? Columns, string Name);

/// <summary>Resolves the type names of CREATE FUNCTION and of PL/pgSQL declarations.</summary>
public static class RoutineTypes
{
    public static RoutineType Resolve(TypeName t, SystemCatalog catalog, SearchPath path)
    {
        if (t.Schema is null or "pg_catalog" && !t.IsArray && t.Modifiers.Count == 0)
        {
            switch (t.Name)
            {
                case "trigger": return new RoutineType(SqlType.Void, true, 0, null, "trigger");
                case "void": return new RoutineType(SqlType.Void, false, 0, null, "void");
                case "record": return new RoutineType(SqlType.Record, false, 0, null, "record");
            }
        }
        if (t.Name.EndsWith("%type", StringComparison.Ordinal))
        {
            var parts = t.Name[..^5].Split('.');
            var table = parts.Length >= 2 ? catalog.LookupRelation(path, parts.Length > 2 ? parts[^3] : null, parts[^2]) : 0;
            if (table != 0 && catalog.Tables.TryGetValue(table, out var td) && td.FindColumn(parts[^1]) is { } col)
                return new RoutineType(col.Type, false, 0, null, col.Type.DisplayName);
            throw new TenonException(SqlState.UndefinedTable, $"relation \"{string.Join(".", parts[..^1])}\" does not exist");
        }
        try
        {
            var type = Binder.ResolveType(t, catalog, path.TempSchema);
            // A relation's row type: a function returning it has the relation's columns in FROM.
            if (type.Domain is null && type.Composite is { IsRowType: true } rowType)
                return new RoutineType(type, false, rowType.RelationOid, rowType.Fields.Select(f => (f.Name, f.Type)).ToList(), type.DisplayName);
            // A composite type of CREATE TYPE … AS: its fields are the result's columns likewise.
            if (type.Domain is null && !type.IsArray && type.Composite is { } composite)
                return new RoutineType(type, false, 0, composite.Fields.Select(f => (f.Name, f.Type)).ToList(), type.DisplayName);
            return new RoutineType(type, false, 0, null, type.DisplayName);
        }
        catch (TenonException ex) when (ex.SqlState == SqlState.UndefinedObject && !t.IsArray)
        {
            var oid = catalog.LookupRelation(path, t.Schema, t.Name);
            if (oid != 0 && catalog.Tables.TryGetValue(oid, out var table))
                return new RoutineType(SqlType.Record, false, oid, RowColumns(table), table.Name);
            if (oid != 0 && catalog.Views.TryGetValue(oid, out var view))
                return new RoutineType(SqlType.Record, false, oid, null, view.Name);
            throw;
        }
    }

    public static IReadOnlyList<(string Name, SqlType Type)> RowColumns(TableDef table) =>
        table.LiveColumns.Select(c => (c.Name, c.Type)).ToList();
}

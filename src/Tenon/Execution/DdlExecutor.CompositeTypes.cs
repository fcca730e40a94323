using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>CREATE TYPE name AS (attribute type, …).</summary>
public sealed partial class DdlExecutor
{
    public StatementResult CreateCompositeType(CreateCompositeTypeStatement stmt)
    {
        var (schema, name) = NewTypeName(stmt.Name);
        var fields = new List<CompositeField>();
        foreach (var (fieldName, typeName, position) in stmt.Fields)
        {
            var field = NameGenerator.Truncate(fieldName);
            if (fields.Any(f => f.Name == field))
                throw new TenonException(SqlState.DuplicateColumn, $"column \"{field}\" specified more than once");
            if (Binder.IsSerial(typeName))
                throw new TenonException(SqlState.UndefinedObject, $"type \"{typeName.Name}\" does not exist") { Position = typeName.Position };
            fields.Add(new CompositeField(field, ColumnType(field, typeName)));
        }
        // PostgreSQL gives the type its pg_class row first, then the type and its array type.
        var relation = Db.NextOid();
        var oid = Db.NextOid();
        var arrayOid = Db.NextOid();
        var arrayName = Catalog.MakeArrayTypeName(schema, name);
        Catalog = Catalog.PutUserType(new CompositeTypeDef(oid, schema, name, fields, arrayOid)
        {
            RelationOid = relation, ArrayName = arrayName == NameGenerator.Truncate("_" + name) ? null : arrayName,
        });
        return new StatementResult("CREATE TYPE");
    }

    /// <summary>
    /// ALTER TYPE … ADD / DROP / RENAME ATTRIBUTE. Adding or dropping changes the shape of stored
    /// values, which Tenon does not rewrite yet: refused while a column, domain or other composite
    /// type uses the type.
    /// </summary>
    private void AlterAttribute(UserTypeDef type, AlterTypeStatement stmt)
    {
        if (type is not CompositeTypeDef c)
            throw new TenonException(SqlState.WrongObjectType, $"\"{type.Name}\" is not a composite type");
        var name = NameGenerator.Truncate(stmt.Label!);
        var at = c.IndexOf(name);
        var fields = c.Fields.ToList();
        var typedTables = Catalog.Tables.Values.Where(t => t.OfType == c.Oid).OrderBy(t => t.Oid).Select(t => t.Oid).ToList();
        if (typedTables.Count > 0 && !stmt.Cascade)
            throw new TenonException(SqlState.DependentObjectsStillExist, $"cannot alter type \"{c.Name}\" because it is the type of a typed table",
                hint: "Use ALTER ... CASCADE to alter the typed tables too.");
        switch (stmt.Action)
        {
            case AlterTypeAction.RenameAttribute:
            {
                if (at < 0) throw new TenonException(SqlState.UndefinedColumn, $"column \"{name}\" does not exist");
                var newName = NameGenerator.Truncate(stmt.NewName!);
                if (c.IndexOf(newName) >= 0)
                    throw new TenonException(SqlState.DuplicateColumn, $"column \"{newName}\" of relation \"{c.Name}\" already exists");
                fields[at] = fields[at] with { Name = newName };
                break;
            }
            case AlterTypeAction.AddAttribute:
            {
                if (at >= 0) throw new TenonException(SqlState.DuplicateColumn, $"column \"{name}\" of relation \"{c.Name}\" already exists");
                if (Binder.IsSerial(stmt.AttributeType!))
                    throw new TenonException(SqlState.UndefinedObject, $"type \"{stmt.AttributeType!.Name}\" does not exist") { Position = stmt.AttributeType!.Position };
                var fieldType = Binder.ResolveType(stmt.AttributeType!, Catalog, Path.TempSchema);
                RefuseReshapeWhileUsed(c);
                fields.Add(new CompositeField(name, fieldType));
                break;
            }
            case AlterTypeAction.AlterAttributeType:
            {
                if (at < 0) throw new TenonException(SqlState.UndefinedColumn, $"column \"{name}\" of relation \"{c.Name}\" does not exist");
                var fieldType = Binder.ResolveType(stmt.AttributeType!, Catalog, Path.TempSchema);
                RefuseRetypeWhileUsed(c);
                fields[at] = fields[at] with { Type = fieldType };
                break;
            }
            default:
            {
                if (at < 0)
                {
                    if (!stmt.IfExists) throw new TenonException(SqlState.UndefinedColumn, $"column \"{name}\" of relation \"{c.Name}\" does not exist");
                    ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"column \"{name}\" of relation \"{c.Name}\" does not exist, skipping"));
                    return;
                }
                RefuseReshapeWhileUsed(c);
                fields.RemoveAt(at);
                break;
            }
        }
        Catalog = Catalog.PutUserType(c with { Fields = fields });
        foreach (var oid in typedTables) AlterTypedTableColumn(oid, stmt, name);
    }

    /// <summary>ALTER TYPE … CASCADE: the typed tables of the type get the same change to their columns.</summary>
    private void AlterTypedTableColumn(uint tableOid, AlterTypeStatement stmt, string name)
    {
        var table = Catalog.Table(tableOid);
        switch (stmt.Action)
        {
            case AlterTypeAction.RenameAttribute:
            {
                var cols = table.Columns.ToList();
                var col = table.FindColumn(name)!;
                cols[col.Number - 1] = col with { Name = NameGenerator.Truncate(stmt.NewName!) };
                Catalog = Catalog.PutTable(table with { Columns = cols });
                break;
            }
            case AlterTypeAction.AddAttribute:
            {
                // Added as through ALTER TABLE (existing rows get null), with the table briefly untyped.
                Catalog = Catalog.PutTable(table with { OfType = 0 });
                AlterTableActions(new AlterTableStatement(new QualifiedName(table.Schema, table.Name),
                    [new AddColumnAction(new ColumnDefinition(name, stmt.AttributeType!, []), false)]) { Only = true });
                Catalog = Catalog.PutTable(Catalog.Table(tableOid) with { OfType = table.OfType });
                break;
            }
            case AlterTypeAction.AlterAttributeType:
            {
                // Retyped as through ALTER TABLE (rows converted), with the table briefly untyped.
                Catalog = Catalog.PutTable(table with { OfType = 0 });
                AlterTableActions(new AlterTableStatement(new QualifiedName(table.Schema, table.Name),
                    [new AlterColumnAction(name, AlterColumnKind.SetType) { Type = stmt.AttributeType }]) { Only = true });
                Catalog = Catalog.PutTable(Catalog.Table(tableOid) with { OfType = table.OfType });
                break;
            }
            default:
                if (table.FindColumn(name) is not null) DropColumn(table, new DropColumnAction(name, false, true));
                break;
        }
    }

    /// <summary>ALTER ATTRIBUTE … TYPE of a type stored in a column (or in another composite type) is refused, as in PostgreSQL.</summary>
    private void RefuseRetypeWhileUsed(CompositeTypeDef c)
    {
        bool Uses(SqlType t) => t.BaseType.Composite?.Oid == c.Oid || (t.BaseType.IsArray && t.BaseType.Element!.BaseType.Composite?.Oid == c.Oid);
        foreach (var table in Catalog.Tables.Values.OrderBy(t => t.Oid))
            if (table.LiveColumns.FirstOrDefault(col => Uses(col.Type)) is { } col)
                throw new TenonException(SqlState.FeatureNotSupported, $"cannot alter type \"{c.Name}\" because column \"{table.Name}.{col.Name}\" uses it");
        foreach (var other in Catalog.UserTypes.Values.OfType<CompositeTypeDef>().Where(o => o.Oid != c.Oid).OrderBy(o => o.Oid))
            if (other.Fields.FirstOrDefault(f => Uses(f.Type)) is { } field)
                throw new TenonException(SqlState.FeatureNotSupported, $"cannot alter type \"{c.Name}\" because column \"{other.Name}.{field.Name}\" uses it");
    }

    private void RefuseReshapeWhileUsed(CompositeTypeDef c)
    {
        bool Uses(SqlType t) => t.BaseType.Composite?.Oid == c.Oid || (t.BaseType.IsArray && t.BaseType.Element!.BaseType.Composite?.Oid == c.Oid);
        var used = Catalog.Tables.Values.Any(t => t.LiveColumns.Any(col => Uses(col.Type)))
            || Catalog.UserTypes.Values.Any(u => u is DomainDef d && Uses(d.BaseType) || u is CompositeTypeDef o && o.Oid != c.Oid && o.Fields.Any(f => Uses(f.Type)));
        if (used)
            throw new TenonException(SqlState.FeatureNotSupported, $"adding or dropping an attribute of type {c.Name} while it is in use is not supported by Tenon yet");
    }
}

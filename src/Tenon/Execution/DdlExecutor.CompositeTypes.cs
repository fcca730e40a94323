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
            fields.Add(new CompositeField(field, Binder.ResolveType(typeName, Catalog)));
        }
        // PostgreSQL gives the type its pg_class row first, then the type and its array type.
        var relation = Db.NextOid();
        var oid = Db.NextOid();
        var arrayOid = Db.NextOid();
        Catalog = Catalog.PutUserType(new CompositeTypeDef(oid, schema, name, fields, arrayOid) { RelationOid = relation });
        return new StatementResult("CREATE TYPE");
    }
}

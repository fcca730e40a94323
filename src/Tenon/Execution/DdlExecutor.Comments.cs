using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

public sealed partial class DdlExecutor
{
    /// <summary>
    /// COMMENT ON TABLE | INDEX | SEQUENCE | VIEW | COLUMN | CONSTRAINT | TYPE | DOMAIN | SCHEMA | EXTENSION … IS text | NULL. The text is
    /// kept in the catalog (so it is transactional); NULL or '' removes it. PostgreSQL reports
    /// these lookup errors without a statement position.
    /// </summary>
    public StatementResult Comment(CommentStatement stmt)
    {
        var parts = stmt.ObjectName;
        CommentKey key;
        switch (stmt.ObjectKind.ToLowerInvariant())
        {
            case "table":
            case "index":
            case "sequence":
            case "view":
            case "materialized view":
            {
                var oid = CommentedRelation(parts);
                var kind = Catalog.RelationKind(oid);
                var (wanted, article) = stmt.ObjectKind.ToLowerInvariant() switch
                {
                    "table" => ('r', "a table"),
                    "index" => ('i', "an index"),
                    "sequence" => ('S', "a sequence"),
                    "materialized view" => ('m', "a materialized view"),
                    _ => ('v', "a view"),
                };
                if (kind != wanted)
                    throw new TenonException(SqlState.WrongObjectType, $"\"{Catalog.RelationName(oid)}\" is not {article}");
                key = new CommentKey(CommentKey.RelationClass, oid, 0);
                break;
            }
            case "column":
            {
                if (parts.Count < 2) throw new TenonException(SqlState.SyntaxError, "column name must be qualified");
                var oid = CommentedRelation(parts.Take(parts.Count - 1).ToList());
                var relName = Catalog.RelationName(oid);
                var columnName = parts[^1];
                var kind = Catalog.RelationKind(oid);
                if (kind is 'i' or 'S')
                    throw new TenonException(SqlState.WrongObjectType, $"cannot set comment on relation \"{relName}\"",
                        $"This operation is not supported for {(kind == 'i' ? "indexes" : "sequences")}.");
                var number = kind == 'v' ? ViewColumnNumber(Catalog.Views[oid], columnName) : Catalog.Table(oid).FindColumn(columnName)?.Number ?? 0;
                if (number == 0)
                    throw new TenonException(SqlState.UndefinedColumn, $"column \"{columnName}\" of relation \"{relName}\" does not exist");
                key = new CommentKey(CommentKey.RelationClass, oid, number);
                break;
            }
            case "constraint":
            {
                var oid = CommentedRelation(parts.Take(parts.Count - 1).ToList());
                var constraintName = parts[^1];
                var constraint = Catalog.Tables.TryGetValue(oid, out var table) ? table.FindConstraint(constraintName) : null;
                if (constraint is null)
                    throw new TenonException(SqlState.UndefinedObject,
                        $"constraint \"{constraintName}\" for table \"{Catalog.RelationName(oid)}\" does not exist");
                key = new CommentKey(CommentKey.ConstraintClass, constraint.Oid, 0);
                Privileges.RequireOwner(ctx, new ObjectKey(ObjectKey.Relation, oid), "relation", Catalog.RelationName(oid));
                break;
            }
            case "statistics":
                key = new CommentKey(CommentKey.StatisticsClass, FindStatistics(parts, ifExists: false)!.Oid, 0);
                break;
            case "domain constraint":
            {
                var domainName = parts.Take(parts.Count - 1).ToList();
                var constraintName = parts[^1];
                var type = Catalog.LookupType(domainName.Count > 1 ? domainName[^2] : null, domainName[^1])
                    ?? throw new TenonException(SqlState.UndefinedObject, $"type \"{string.Join(".", domainName)}\" does not exist");
                if (type is not DomainDef domain)
                    throw new TenonException(SqlState.WrongObjectType, $"\"{string.Join(".", domainName)}\" is not a domain");
                var constraint = domain.Constraints.FirstOrDefault(c => c.Name == constraintName)
                    ?? throw new TenonException(SqlState.UndefinedObject, $"constraint \"{constraintName}\" for domain {domain.Name} does not exist");
                key = new CommentKey(CommentKey.ConstraintClass, constraint.Oid, 0);
                break;
            }
            case "type":
            case "domain":
            {
                var name = string.Join(".", parts);
                var type = Catalog.LookupType(parts.Count > 1 ? parts[^2] : null, parts[^1])
                    ?? throw new TenonException(SqlState.UndefinedObject, $"type \"{name}\" does not exist");
                if (stmt.ObjectKind.Equals("domain", StringComparison.OrdinalIgnoreCase) && type is not DomainDef)
                    throw new TenonException(SqlState.WrongObjectType, $"\"{name}\" is not a domain");
                key = new CommentKey(CommentKey.TypeClass, type.Oid, 0);
                break;
            }
            case "schema":
            {
                var schema = parts[0];
                if (!Catalog.Schemas.Contains(schema) || Catalog.SchemaOid(schema) == 0)
                    throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{schema}\" does not exist");
                key = new CommentKey(CommentKey.NamespaceClass, Catalog.SchemaOid(schema), 0);
                break;
            }
            case "extension":
            {
                var extension = Catalog.Extensions.GetValueOrDefault(parts[^1])
                    ?? throw new TenonException(SqlState.UndefinedObject, $"extension \"{parts[^1]}\" does not exist");
                key = new CommentKey(CommentKey.ExtensionClass, extension.Oid, 0);
                break;
            }
            default:
                throw new TenonException(SqlState.FeatureNotSupported, $"COMMENT ON {stmt.ObjectKind.ToUpperInvariant()} is not supported by Tenon yet") { Position = stmt.Position };
        }
        RequireCommentOwnership(key);
        Catalog = Catalog.SetComment(key, stmt.Comment);
        return new StatementResult("COMMENT");
    }

    /// <summary>COMMENT ON needs ownership of the object: "must be owner of table t", of relation t for a column, of type, of schema.</summary>
    private void RequireCommentOwnership(CommentKey key)
    {
        if (ctx.Session.IsSuperuser(Catalog.Auth)) return;
        switch (key.ClassOid)
        {
            case CommentKey.RelationClass when key.SubId == 0:
                Privileges.RequireRelationOwner(ctx, key.ObjectOid);
                break;
            case CommentKey.RelationClass:
                Privileges.RequireOwner(ctx, new ObjectKey(ObjectKey.Relation, key.ObjectOid), "relation", Catalog.RelationName(key.ObjectOid));
                break;
            case CommentKey.TypeClass:
                Privileges.RequireOwner(ctx, new ObjectKey(CommentKey.TypeClass, key.ObjectOid), "type",
                    Catalog.UserTypes.TryGetValue(key.ObjectOid, out var t) ? t.Name : key.ObjectOid.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case CommentKey.NamespaceClass:
                Privileges.RequireOwner(ctx, new ObjectKey(ObjectKey.Namespace, key.ObjectOid), "schema", Catalog.SchemaName(key.ObjectOid) ?? "");
                break;
        }
    }

    /// <summary>Resolves [catalog.][schema.]relation for COMMENT ON; 42P01 / 3F000 when missing.</summary>
    private uint CommentedRelation(IReadOnlyList<string> parts)
    {
        if (parts.Count > 3)
            throw new TenonException(SqlState.SyntaxError, $"improper relation name (too many dotted names): {string.Join(".", parts)}");
        if (parts.Count == 3 && parts[0] != "postgres")
            throw new TenonException(SqlState.FeatureNotSupported, $"cross-database references are not implemented: {string.Join(".", parts)}");
        var schema = parts.Count >= 2 ? parts[^2] : null;
        var name = parts[^1];
        var oid = Lookup(new Sql.Ast.QualifiedName(schema, name));
        if (oid == 0)
            throw new TenonException(SqlState.UndefinedTable, schema is null ? $"relation \"{name}\" does not exist" : $"relation \"{schema}.{name}\" does not exist");
        return oid;
    }

    /// <summary>The 1-based number of a view's output column, or 0.</summary>
    private int ViewColumnNumber(ViewDef view, string name)
    {
        var columns = new Binder(ctx).BindQuery(view.Query, null).Columns.Select(c => c.Name).ToList();
        if (view.ColumnNames is { } names)
            for (var i = 0; i < names.Count && i < columns.Count; i++) columns[i] = names[i];
        return columns.IndexOf(name) + 1;
    }
}

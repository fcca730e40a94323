using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// ALTER SEQUENCE / VIEW / TABLE … SET SCHEMA. Everything that uses a relation (column defaults,
/// views, foreign keys, triggers, comments) names it by oid, so only catalog entries move: the
/// relation, and with a table its indexes and the sequences its serial and identity columns own,
/// as PostgreSQL moves them. A default then displays a moved sequence schema-qualified when the
/// new schema is not on the search path.
/// </summary>
public sealed partial class DdlExecutor
{
    public StatementResult SetRelationSchema(SetSchemaStatement stmt)
    {
        var tag = "ALTER " + SetSchemaObjectWord(stmt.Kind);
        var oid = Lookup(stmt.Name);
        if (oid == 0)
        {
            if (stmt.IfExists)
            {
                ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"relation \"{stmt.Name}\" does not exist, skipping"));
                return new StatementResult(tag);
            }
            throw SqlErrors.RelationDoesNotExist(stmt.Name.ToString());
        }
        var kind = Catalog.RelationKind(oid);
        if (stmt.Kind == ObjectKind.Sequence && kind != 'S') throw new TenonException(SqlState.WrongObjectType, $"\"{stmt.Name.Name}\" is not a sequence");
        if (stmt.Kind == ObjectKind.View && kind != 'v') throw new TenonException(SqlState.WrongObjectType, $"\"{stmt.Name.Name}\" is not a view");
        if (stmt.Kind == ObjectKind.MaterializedView && kind != 'm')
            throw new TenonException(SqlState.WrongObjectType, $"\"{stmt.Name.Name}\" is not a materialized view");
        if (kind == 'i')
            throw new TenonException(SqlState.WrongObjectType, $"cannot change schema of index \"{stmt.Name.Name}\"",
                hint: "Change the schema of the table instead.");
        // A serial or identity sequence moves only with its table.
        if (Catalog.Sequences.TryGetValue(oid, out var seq) && seq.OwnerTableOid != 0 && Catalog.Tables.TryGetValue(seq.OwnerTableOid, out var owner))
            throw new TenonException(SqlState.FeatureNotSupported, "cannot move an owned sequence into another schema",
                $"Sequence \"{seq.Name}\" is linked to table \"{owner.Name}\".");

        var schema = Path.Qualifier(stmt.Schema);
        if (!SearchPath.IsTempSchema(schema) && !Catalog.Schemas.Contains(schema))
            throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{stmt.Schema}\" does not exist");
        var from = Catalog.RelationSchema(oid);
        if (SearchPath.IsTempSchema(schema) || SearchPath.IsTempSchema(from))
            throw new TenonException(SqlState.FeatureNotSupported, "cannot move objects into or out of temporary schemas");
        if (schema == from) return new StatementResult(tag);

        void Move(string name)
        {
            if (Catalog.RelationExists(schema, name))
                throw new TenonException(SqlState.DuplicateTable, $"relation \"{name}\" already exists in schema \"{schema}\"");
        }
        Move(Catalog.RelationName(oid));
        switch (kind)
        {
            case 'S':
                Catalog = Catalog.PutSequence(seq! with { Schema = schema });
                break;
            case 'v':
                Catalog = Catalog.PutView(Catalog.Views[oid] with { Schema = schema });
                break;
            default:
            {
                var table = Catalog.Tables[oid];
                var owned = Catalog.Sequences.Values.Where(s => s.OwnerTableOid == oid).OrderBy(s => s.Oid).ToList();
                foreach (var index in table.Indexes) Move(index.Name);
                foreach (var s in owned) Move(s.Name);
                Catalog = Catalog.PutTable(table with { Schema = schema });
                foreach (var index in table.Indexes) Catalog = Catalog.MoveIndexName(index, from, schema);
                foreach (var s in owned) Catalog = Catalog.PutSequence(s with { Schema = schema });
                break;
            }
        }
        return new StatementResult(tag);
    }

    /// <summary>The object word of the statement's command tag: TABLE, SEQUENCE, VIEW or MATERIALIZED VIEW.</summary>
    internal static string SetSchemaObjectWord(ObjectKind kind) =>
        kind == ObjectKind.MaterializedView ? "MATERIALIZED VIEW" : kind.ToString().ToUpperInvariant();
}

using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// ALTER SEQUENCE … SET SCHEMA. Everything that uses a sequence (column defaults, views) names it
/// by oid, so only its catalog entry moves; a default then displays it schema-qualified when the
/// new schema is not on the search path.
/// </summary>
public sealed partial class DdlExecutor
{
    public StatementResult SetRelationSchema(SetSchemaStatement stmt)
    {
        const string tag = "ALTER SEQUENCE";
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
        if (!Catalog.Sequences.TryGetValue(oid, out var seq))
            throw new TenonException(SqlState.WrongObjectType, $"\"{stmt.Name.Name}\" is not a sequence");
        // A serial or identity sequence moves only with its table.
        if (seq.OwnerTableOid != 0 && Catalog.Tables.TryGetValue(seq.OwnerTableOid, out var owner))
            throw new TenonException(SqlState.FeatureNotSupported, "cannot move an owned sequence into another schema",
                $"Sequence \"{seq.Name}\" is linked to table \"{owner.Name}\".");
        var schema = Path.Qualifier(stmt.Schema);
        if (!SearchPath.IsTempSchema(schema) && !Catalog.Schemas.Contains(schema))
            throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{stmt.Schema}\" does not exist");
        if (SearchPath.IsTempSchema(schema) || SearchPath.IsTempSchema(seq.Schema))
            throw new TenonException(SqlState.FeatureNotSupported, "cannot move objects into or out of temporary schemas");
        if (schema == seq.Schema) return new StatementResult(tag);
        if (Catalog.RelationExists(schema, seq.Name))
            throw new TenonException(SqlState.DuplicateTable, $"relation \"{seq.Name}\" already exists in schema \"{schema}\"");
        Catalog = Catalog.PutSequence(seq with { Schema = schema });
        return new StatementResult(tag);
    }
}

using Tenon.Errors;
using Tenon.Execution;
using Tenon.Sql.Ast;

namespace Tenon;

/// <summary>
/// CREATE SCHEMA with schema elements: the schema is made, then its elements run with it first
/// on the search path, so unqualified names are created in it and found there. As PostgreSQL
/// does, sequences run first, then tables, views, indexes and triggers, each group as written;
/// an element naming another schema fails with 42P15.
/// </summary>
public sealed partial class Session
{
    private StatementResult CreateSchema(CreateSchemaStatement stmt, DdlExecutor ddl, ExecContext ctx)
    {
        var result = ddl.CreateSchema(stmt);
        if (stmt.Elements.Count == 0) return result;
        var schema = ddl.CreatedSchemaName(stmt);
        foreach (var element in stmt.Elements)
            if (ElementSchema(element) is { } named && named != schema)
                throw new TenonException(SqlState.InvalidSchemaDefinition,
                    $"CREATE specifies a schema ({named}) different from the one being created ({schema})");
        var saved = _searchPathOverride;
        _searchPathOverride = SearchPath.Prepend(schema);
        try
        {
            foreach (var group in new[] { typeof(CreateSequenceStatement), typeof(CreateTableStatement), typeof(CreateViewStatement), typeof(CreateIndexStatement), typeof(CreateTriggerStatement) })
                foreach (var element in stmt.Elements)
                    if (element.GetType() == group) Dispatch(element, ctx);
        }
        finally
        {
            _searchPathOverride = saved;
        }
        return result;
    }

    /// <summary>The schema an element's relation name is qualified with, if any.</summary>
    private static string? ElementSchema(Statement element) => element switch
    {
        CreateTableStatement t => t.Name.Schema,
        CreateSequenceStatement s => s.Name.Schema,
        CreateViewStatement v => v.Name.Schema,
        CreateIndexStatement i => i.Table.Schema,
        CreateTriggerStatement t => t.Table.Schema,
        _ => null,
    };
}

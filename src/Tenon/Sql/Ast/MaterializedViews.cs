namespace Tenon.Sql.Ast;

/// <summary>
/// <c>CREATE MATERIALIZED VIEW [IF NOT EXISTS] name [(cols)] [USING method] [WITH (…)]
/// [TABLESPACE ts] AS query [WITH [NO] DATA]</c>. The access method, storage parameters and
/// tablespace are accepted and ignored, as for tables.
/// </summary>
public sealed record CreateMaterializedViewStatement(QualifiedName Name, IReadOnlyList<string>? Columns, Query Query) : Statement
{
    public bool IfNotExists { get; init; }
    public bool WithNoData { get; init; }
    public string QueryText { get; init; } = "";
}

/// <summary><c>REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]</c>.</summary>
public sealed record RefreshMaterializedViewStatement(QualifiedName Name, bool Concurrently, bool WithNoData) : Statement;

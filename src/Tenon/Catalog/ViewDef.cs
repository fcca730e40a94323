using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Catalog;

/// <summary>
/// A view: its defining query, re-bound each time it is used, along the search path it was
/// created with. <see cref="Columns"/> are its output columns when it was made (OR REPLACE may
/// only add to them); <see cref="DependsOn"/> and <see cref="DependsOnColumns"/> are what
/// pg_depend would record for its rewrite rule: the relations it reads and the table columns it
/// names, which DROP and ALTER of those check.
/// </summary>
public sealed partial record ViewDef(uint Oid, string Schema, string Name, Query Query, IReadOnlyList<string>? ColumnNames, string QueryText)
{
    public IReadOnlyList<ViewColumn> Columns { get; init; } = Array.Empty<ViewColumn>();
    public IReadOnlyList<uint> DependsOn { get; init; } = Array.Empty<uint>();
    public IReadOnlyList<ViewColumnUse> DependsOnColumns { get; init; } = Array.Empty<ViewColumnUse>();
    /// <summary>The user functions and aggregates the query calls (DROP FUNCTION/AGGREGATE fails or cascades to the view).</summary>
    public IReadOnlyList<uint> DependsOnFunctions { get; init; } = Array.Empty<uint>();
    /// <summary>The primary keys whose functional dependency the query's GROUP BY relies on (DROP CONSTRAINT fails or cascades to the view).</summary>
    public IReadOnlyList<uint> DependsOnConstraints { get; init; } = Array.Empty<uint>();
    /// <summary>The oid of the view's _RETURN rule (pg_rewrite); 0 in databases made before Tenon had one.</summary>
    public uint RuleOid { get; init; }
    /// <summary>The search_path setting the view was created under (null: the session's).</summary>
    public string? SearchPathSetting { get; init; }
    /// <summary>The relation names the query wrote, with the relations they meant, so renaming those keeps the view working.</summary>
    public IReadOnlyList<ViewRelation> Relations { get; init; } = Array.Empty<ViewRelation>();
    /// <summary>Its reloptions as pg_class shows them ("check_option=local", "security_barrier=true").</summary>
    public IReadOnlyList<string> Options { get; init; } = Array.Empty<string>();

    /// <summary>WITH [LOCAL | CASCADED] CHECK OPTION: "local", "cascaded", or null.</summary>
    public string? CheckOption =>
        Options.FirstOrDefault(o => o.StartsWith("check_option=", StringComparison.Ordinal)) is { } o ? o["check_option=".Length..] : null;

    /// <summary>Column names (by attribute number; "" for dropped) of the tables the query reads, as they were when the view was made.</summary>
    public IReadOnlyList<ViewTableColumns> TableColumns { get; init; } = Array.Empty<ViewTableColumns>();
}

/// <summary>A relation name as a view's query wrote it, and the relation it meant.</summary>
public sealed record ViewRelation(string? Schema, string Name, uint Oid);

/// <summary>A table's column names when a view reading it was made.</summary>
public sealed record ViewTableColumns(uint TableOid, IReadOnlyList<string> Names);

/// <summary>An output column of a view.</summary>
public sealed record ViewColumn(string Name, SqlType Type);

/// <summary>A table column a view's query names.</summary>
public sealed record ViewColumnUse(uint TableOid, short Column);

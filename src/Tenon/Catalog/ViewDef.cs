using Tenon.Sql.Ast;

namespace Tenon.Catalog;

/// <summary>A view: its defining query, re-bound each time it is used.</summary>
public sealed record ViewDef(uint Oid, string Schema, string Name, Query Query, IReadOnlyList<string>? ColumnNames, string QueryText);

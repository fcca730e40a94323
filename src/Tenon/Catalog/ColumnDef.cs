using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Catalog;

public enum IdentityKind { None, Always, ByDefault }

/// <summary>
/// A table column (pg_attribute + pg_attrdef). <see cref="Default"/> is the parsed default
/// expression (bound on use); <see cref="DefaultText"/> is how PostgreSQL would display it.
/// </summary>
public sealed record ColumnDef(string Name, SqlType Type, short Number)
{
    public bool NotNull { get; init; }
    public Expr? Default { get; init; }
    public string? DefaultText { get; init; }
    public IdentityKind Identity { get; init; }
    /// <summary>The sequence an identity or serial column owns (schema-qualified name).</summary>
    public string? OwnedSequence { get; init; }
    /// <summary>GENERATED ALWAYS AS (expr) STORED expression, if any.</summary>
    public Expr? Generated { get; init; }
    public bool IsDropped { get; init; }
    /// <summary>pg_attribute.attinhcount: how many parent tables (table inheritance) have this column.</summary>
    public int InheritCount { get; init; }
    /// <summary>pg_attribute.attislocal: whether the table defines the column itself, not only by inheritance.</summary>
    public bool IsLocal { get; init; } = true;
    /// <summary>pg_attribute.attoptions (n_distinct …), each "name=value".</summary>
    public IReadOnlyList<string> Options { get; init; } = Array.Empty<string>();
    /// <summary>SET STORAGE's choice (pg_attribute.attstorage: 'p', 'e', 'm' or 'x'), or null for the type's default.</summary>
    public char? Storage { get; init; }
    /// <summary>pg_attribute.attcompression: 'p' (pglz), 'l' (lz4), or null for the default.</summary>
    public char? Compression { get; init; }
    /// <summary>SET STATISTICS's target (pg_attribute.attstattarget), or null for the default (-1).</summary>
    public int? Statistics { get; init; }
}

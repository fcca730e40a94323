using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>A column of a system catalog relation.</summary>
public sealed record SystemColumn(string Name, SqlType Type);

/// <summary>
/// A read-only relation of the pg_catalog schema (pg_class, pg_constraint, …) whose rows are
/// computed from a <see cref="SystemCatalog"/> each time it is scanned, so it always shows the
/// scanning transaction's own catalog. Columns are a subset of PostgreSQL's, with PostgreSQL's
/// names and order; columns of types Tenon lacks (arrays, "char") are either left out or, for
/// "char", shown as text. Rows may also depend on the current database's name (the catalog
/// columns of information_schema).
/// </summary>
public sealed class SystemRelation
{
    private readonly Func<SystemScan, IEnumerable<object?[]>> _rows;

    private SystemRelation(string name, uint oid, IReadOnlyList<SystemColumn> columns, Func<SystemScan, IEnumerable<object?[]>> rows)
    {
        Name = name;
        Oid = oid;
        Columns = columns;
        _rows = rows;
    }

    public SystemRelation(string name, uint oid, IReadOnlyList<SystemColumn> columns, Func<SystemCatalog, IEnumerable<object?[]>> rows)
        : this(name, oid, columns, scan => rows(scan.Catalog)) { }

    public SystemRelation(string name, uint oid, IReadOnlyList<SystemColumn> columns, Func<SystemCatalog, string, IEnumerable<object?[]>> rows)
        : this(name, oid, columns, scan => rows(scan.Catalog, scan.Database)) { }

    /// <summary>A relation whose rows need more of the scan than the catalog and database name.</summary>
    public static SystemRelation Scanning(string name, uint oid, IReadOnlyList<SystemColumn> columns, Func<SystemScan, IEnumerable<object?[]>> rows) =>
        new(name, oid, columns, rows);

    public string Name { get; }
    /// <summary>PostgreSQL's fixed oid of the catalog table (pg_class.oid).</summary>
    public uint Oid { get; }
    public IReadOnlyList<SystemColumn> Columns { get; }
    public IEnumerable<object?[]> Rows(SystemScan scan) => _rows(scan);
    public IEnumerable<object?[]> Rows(SystemCatalog catalog, string database = "") => _rows(new SystemScan(catalog, database));
}

/// <summary>
/// What a scan of a system relation may read: the catalog, the current database's name and, when
/// the scan runs inside a statement, <see cref="ExpressionText"/>: a pg_node_tree text (as
/// pg_attrdef.adbin holds) of a relation printed as pg_get_expr prints it (information_schema's
/// column_default and generation_expression); null outside a statement. Likewise
/// <see cref="IndexDefinition"/>: an index's CREATE INDEX statement as pg_get_indexdef prints it.
/// </summary>
public sealed record SystemScan(SystemCatalog Catalog, string Database)
{
    public Func<uint, string, string?> ExpressionText { get; init; } = (_, _) => null;
    public Func<uint, string?> IndexDefinition { get; init; } = _ => null;
    /// <summary>A view's or materialized view's query as pg_get_viewdef prints it (plain mode).</summary>
    public Func<uint, string?> ViewDefinition { get; init; } = _ => null;
}

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
public sealed class SystemRelation(string name, uint oid, IReadOnlyList<SystemColumn> columns, Func<SystemCatalog, string, IEnumerable<object?[]>> rows)
{
    public SystemRelation(string name, uint oid, IReadOnlyList<SystemColumn> columns, Func<SystemCatalog, IEnumerable<object?[]>> rows)
        : this(name, oid, columns, (catalog, _) => rows(catalog)) { }

    public string Name { get; } = name;
    /// <summary>PostgreSQL's fixed oid of the catalog table (pg_class.oid).</summary>
    public uint Oid { get; } = oid;
    public IReadOnlyList<SystemColumn> Columns { get; } = columns;
    public IEnumerable<object?[]> Rows(SystemCatalog catalog, string database = "") => rows(catalog, database);
}

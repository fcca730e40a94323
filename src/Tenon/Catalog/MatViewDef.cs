namespace Tenon.Catalog;

/// <summary>
/// What makes a table a materialized view (pg_class.relkind 'm'): the query REFRESH runs again,
/// kept as a <see cref="ViewDef"/> (same oid as the table) so that it is re-bound along the
/// relations and column names it recorded, and its dependencies drive 2BP01 and CASCADE like a
/// view's; and whether it holds rows (relispopulated: WITH NO DATA leaves it unscannable).
/// Its rows, indexes and their durability are the table's.
/// </summary>
public sealed record MatViewDef(ViewDef Query, bool Populated);

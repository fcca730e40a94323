using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_am: the access methods Tenon implements, with PostgreSQL's oids: heap for tables and btree
/// for indexes (CREATE INDEX … USING hash builds a btree in Tenon, so hash is not listed), and
/// gist and gin, which indexes over text search types name (see IndexDef.Method).
/// amhandler (regproc) is shown as the handler function's oid; amtype ("char") as text.
/// </summary>
public static class PgAm
{
    public static SystemRelation Relation { get; } = new("pg_am", 2601,
        [new("oid", SqlType.Oid), new("amname", SqlType.Name), new("amhandler", SqlType.Oid), new("amtype", SqlType.Text)],
        _ => [[PgClass.HeapAm, "heap", 3u, "t"], [PgClass.BtreeAm, "btree", 330u, "i"], [PgClass.GistAm, "gist", 332u, "i"], [PgClass.GinAm, "gin", 333u, "i"]]);
}

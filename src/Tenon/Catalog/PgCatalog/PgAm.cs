using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_am: the access methods Tenon implements, with PostgreSQL's oids: heap for tables, btree
/// for indexes, and hash, gist, gin and spgist, which indexes name when they were made USING them (see
/// IndexDef.Method; each is stored as a btree).
/// amhandler (regproc) is shown as the handler function's oid; amtype ("char") as text.
/// </summary>
public static class PgAm
{
    public static SystemRelation Relation { get; } = new("pg_am", 2601,
        [new("oid", SqlType.Oid), new("amname", SqlType.Name), new("amhandler", SqlType.Oid), new("amtype", SqlType.Text)],
        _ => [[PgClass.HeapAm, "heap", 3u, "t"], [PgClass.BtreeAm, "btree", 330u, "i"], [PgClass.HashAm, "hash", 331u, "i"], [PgClass.GistAm, "gist", 332u, "i"], [PgClass.GinAm, "gin", 333u, "i"], [PgClass.SpGistAm, "spgist", 3530u, "i"]]);
}

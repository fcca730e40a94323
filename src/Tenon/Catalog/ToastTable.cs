using Tenon.Catalog.PgCatalog;
using Tenon.Types;

namespace Tenon.Catalog;

/// <summary>
/// Whether PostgreSQL would give a table a TOAST table. Tenon stores no TOAST relations, but
/// PostgreSQL's REINDEX rebuilds the TOAST table's index with the table's own, so whether a table
/// "has no indexes to reindex" depends on it. PostgreSQL creates one when a column can be stored
/// out of line (a variable-length type whose storage is not plain) and a row could exceed the
/// TOAST threshold (a column without a maximum size, or maxima adding up past it).
/// </summary>
public static class ToastTable
{
    /// <summary>PostgreSQL's TOAST_TUPLE_THRESHOLD for 8 kB pages.</summary>
    private const int TupleThreshold = 2032;

    public static bool Needs(TableDef table)
    {
        if (table.IsPartitioned) return false;
        bool toastable = false, unbounded = false;
        long data = 0;
        foreach (var c in table.Columns)
        {
            if (c.IsDropped) continue;
            var length = c.Type.StorageLength;
            if (length > 0)
            {
                data += length;
                continue;
            }
            if ((BuiltinTypes.ByOid(c.Type.TypeOid)?.Storage ?? 'x') != 'p') toastable = true;
            var max = MaximumSize(c.Type);
            if (max < 0) unbounded = true;
            else data += max;
        }
        if (!toastable) return false;
        // Heap tuple header (23 bytes and the null bitmap, aligned) plus the data.
        return unbounded || 24 + (table.Columns.Count + 7) / 8 + data > TupleThreshold;
    }

    /// <summary>The largest stored size of a variable-length value of <paramref name="type"/> (UTF-8: 4 bytes a character), -1 when unbounded.</summary>
    private static long MaximumSize(SqlType type) => type.Id switch
    {
        TypeId.Varchar or TypeId.Bpchar when type.Length >= 0 => 4L * type.Length + 4,
        TypeId.Numeric when type.Precision >= 0 => 8 + (type.Precision + 6) / 4 * 2,
        _ => -1,
    };
}

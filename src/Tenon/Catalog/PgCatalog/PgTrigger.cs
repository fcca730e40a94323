using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_trigger: the user triggers (CREATE TRIGGER). Tenon enforces foreign keys without
/// PostgreSQL's internal RI triggers, so those rows (tgisinternal) are absent. "char" columns are
/// text, tgattr (int2vector) is int2[], tgqual (pg_node_tree) is the WHEN condition's text.
/// </summary>
public static class PgTrigger
{
    public static SystemRelation Relation { get; } = new("pg_trigger", 2620,
        [
            new("oid", SqlType.Oid), new("tgrelid", SqlType.Oid), new("tgparentid", SqlType.Oid), new("tgname", SqlType.Name),
            new("tgfoid", SqlType.Oid), new("tgtype", SqlType.Int2), new("tgenabled", SqlType.Text), new("tgisinternal", SqlType.Bool),
            new("tgconstrrelid", SqlType.Oid), new("tgconstrindid", SqlType.Oid), new("tgconstraint", SqlType.Oid),
            new("tgdeferrable", SqlType.Bool), new("tginitdeferred", SqlType.Bool), new("tgnargs", SqlType.Int2),
            new("tgattr", SqlType.ArrayOf(SqlType.Int2)), new("tgargs", SqlType.Bytea), new("tgqual", SqlType.Text), new("tgoldtable", SqlType.Name), new("tgnewtable", SqlType.Name),
        ],
        catalog => catalog.Routines.Triggers.Values
            .Where(t => catalog.Tables.ContainsKey(t.TableOid) || catalog.Views.ContainsKey(t.TableOid))
            .OrderBy(t => t.Oid)
            .Select(t => new object?[]
            {
                t.Oid, t.TableOid, t.ParentOid, t.Name, t.FunctionOid, t.TypeBits, t.Enabled.ToString(), false,
                0u, 0u, 0u, t.Deferrable, t.InitiallyDeferred, (short)t.Arguments.Count,
                PgArray.Of(SqlType.Int2, (t.UpdateColumns ?? []).Select(c => catalog.Tables.TryGetValue(t.TableOid, out var tb) && tb.FindColumn(c) is { } col ? (object?)col.Number : null).ToArray()),
                System.Text.Encoding.UTF8.GetBytes(string.Concat(t.Arguments.Select(a => a + "\0"))), t.WhenText, null, null,
            }));
}

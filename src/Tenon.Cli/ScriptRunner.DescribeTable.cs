using System.Text;

namespace Tenon.Cli;

// \d NAME for one relation (psql 15's describeOneTableDetails), as psql prints it:
//   T.1  A sequence prints its pg_sequence row as a query result titled Sequence "schema.name",
//        with "Owned by: ..." or "Sequence for identity column: ..." under it.
//   T.2  Anything else prints one row per column, all cells left-aligned, titled by kind
//        (Table, View, Materialized view, Index, Partitioned table, ...; "Unlogged " first when so).
//        Tables and views: Column, Type, Collation, Nullable, Default (identity and stored
//        generated columns spelled out). Indexes: Column, Type, Key?, Definition. + adds
//        Storage, Compression (tables), Stats target and Description where they apply.
//   T.3  Footers in psql's order: partition parent and bound, partition key; for an index one
//        line (primary key/unique, method, table, predicate, flags); for a table Indexes:,
//        Check constraints:, Foreign-key constraints:, Referenced by:, policies, statistics
//        objects, Rules:, Publications:; then View definition: (with +), triggers by firing
//        category, Inherits:, child tables or partitions, typed table, replica identity (+),
//        access method (+), Options: (+).
//   T.4  Expanded display (\x) does not apply: the description always prints as a table.
internal sealed partial class ScriptRunner
{
    private sealed record RelationInfo(
        int Checks, char Kind, bool HasIndex, bool HasRules, bool HasTriggers, bool RowSecurity, bool ForceRowSecurity,
        bool HasOids, bool IsPartition, string Options, string Tablespace, string OfType, char Persistence, char ReplicaIdentity,
        string? AccessMethod);

    private static bool IsTrue(string? cell) => cell == "t";

    private static char FirstChar(string? cell) => string.IsNullOrEmpty(cell) ? '\0' : cell[0];

    /// <summary>Describes the relation <paramref name="oid"/>; false after an error was reported.</summary>
    private bool DescribeRelation(string oid, string schema, string name, bool verbose)
    {
        var quotedOid = PsqlPattern.Literal(oid);
        var infoRows = CatalogQuery(
            "SELECT c.relchecks, c.relkind, c.relhasindex, c.relhasrules, c.relhastriggers, c.relrowsecurity, c.relforcerowsecurity, " +
            "false AS relhasoids, c.relispartition, " +
            (verbose ? "pg_catalog.array_to_string(c.reloptions || array(select 'toast.' || x from pg_catalog.unnest(tc.reloptions) x), ', ')\n" : "''") +
            ", c.reltablespace, CASE WHEN c.reloftype = 0 THEN '' ELSE c.reloftype::pg_catalog.regtype::pg_catalog.text END, " +
            "c.relpersistence, c.relreplident, am.amname\n" +
            "FROM pg_catalog.pg_class c\n LEFT JOIN pg_catalog.pg_class tc ON (c.reltoastrelid = tc.oid)\n" +
            $"LEFT JOIN pg_catalog.pg_am am ON (c.relam = am.oid)\nWHERE c.oid = {quotedOid};");
        if (infoRows is null) return false;
        if (infoRows.Rows.Count == 0)
        {
            if (!Quiet) LogError($"Did not find any relation with OID {oid}.");
            return false;
        }
        var r = infoRows.Rows[0];
        var info = new RelationInfo(
            int.Parse(r[0] ?? "0", System.Globalization.CultureInfo.InvariantCulture), FirstChar(r[1]), IsTrue(r[2]), IsTrue(r[3]), IsTrue(r[4]),
            IsTrue(r[5]), IsTrue(r[6]), IsTrue(r[7]), IsTrue(r[8]), r[9] ?? "", r[10] ?? "0", r[11] ?? "", FirstChar(r[12]), FirstChar(r[13]),
            string.IsNullOrEmpty(r[14]) ? null : r[14]);

        if (info.Kind == 'S') return DescribeSequence(quotedOid, schema, name, info);

        var tableLike = info.Kind is 'r' or 'p' or 'v' or 'm' or 'f' or 'c';
        var isIndex = info.Kind is 'i' or 'I';
        var showCompression = verbose && info.Kind is 'r' or 'p' or 'm' && !Variables.IsOn("HIDE_TOAST_COMPRESSION");
        var showStatsTarget = verbose && info.Kind is 'r' or 'i' or 'I' or 'm' or 'f' or 'p';
        var showDescription = verbose && info.Kind is 'r' or 'v' or 'm' or 'f' or 'p' or 'c';

        var sql = new StringBuilder("SELECT a.attname,\n  pg_catalog.format_type(a.atttypid, a.atttypmod)");
        if (tableLike)
        {
            sql.Append(",\n  (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid, true)\n   FROM pg_catalog.pg_attrdef d\n")
                .Append("   WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.atthasdef),\n  a.attnotnull,\n")
                .Append("  (SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type t\n")
                .Append("   WHERE c.oid = a.attcollation AND t.oid = a.atttypid AND a.attcollation <> t.typcollation) AS attcollation,\n")
                .Append("  a.attidentity,\n  a.attgenerated");
        }
        if (isIndex)
        {
            sql.Append($",\n  CASE WHEN a.attnum <= (SELECT i.indnkeyatts FROM pg_catalog.pg_index i WHERE i.indexrelid = {quotedOid}) THEN 'yes' ELSE 'no' END AS is_key")
                .Append(",\n  pg_catalog.pg_get_indexdef(a.attrelid, a.attnum, TRUE) AS indexdef");
        }
        if (verbose) sql.Append(",\n  a.attstorage");
        if (showCompression) sql.Append(",\n  a.attcompression AS attcompression");
        if (showStatsTarget) sql.Append(",\n  CASE WHEN a.attstattarget=-1 THEN NULL ELSE a.attstattarget END AS attstattarget");
        if (showDescription) sql.Append(",\n  pg_catalog.col_description(a.attrelid, a.attnum)");
        sql.Append($"\nFROM pg_catalog.pg_attribute a\nWHERE a.attrelid = {quotedOid} AND a.attnum > 0 AND NOT a.attisdropped\nORDER BY a.attnum;");
        var columns = CatalogQuery(sql.ToString());
        if (columns is null) return false;

        var headers = new List<string> { "Column", "Type" };
        if (tableLike) headers.AddRange(["Collation", "Nullable", "Default"]);
        if (isIndex) headers.AddRange(["Key?", "Definition"]);
        if (verbose) headers.Add("Storage");
        if (showCompression) headers.Add("Compression");
        if (showStatsTarget) headers.Add("Stats target");
        if (showDescription) headers.Add("Description");

        var rows = new List<string?[]>();
        foreach (var c in columns.Rows)
        {
            var cells = new List<string> { c[0] ?? "", c[1] ?? "" };
            var k = 2;
            if (tableLike)
            {
                var defaultText = c[k] ?? "";
                var notNull = c[k + 1];
                var collation = c[k + 2] ?? "";
                var identity = FirstChar(c[k + 3]);
                var generated = FirstChar(c[k + 4]);
                k += 5;
                cells.Add(collation);
                cells.Add(IsTrue(notNull) ? "not null" : "");
                cells.Add(identity switch
                {
                    'a' => "generated always as identity",
                    'd' => "generated by default as identity",
                    _ => generated == 's' ? $"generated always as ({defaultText}) stored" : defaultText,
                });
            }
            if (isIndex)
            {
                cells.Add(c[k] ?? "");
                cells.Add(c[k + 1] ?? "");
                k += 2;
            }
            if (verbose)
            {
                cells.Add(FirstChar(c[k++]) switch { 'p' => "plain", 'm' => "main", 'x' => "extended", 'e' => "external", _ => "???" });
            }
            if (showCompression)
            {
                cells.Add(FirstChar(c[k++]) switch { 'p' => "pglz", 'l' => "lz4", '\0' => "", _ => "???" });
            }
            if (showStatsTarget) cells.Add(c[k++] ?? "");
            if (showDescription) cells.Add(c[k++] ?? "");
            rows.Add(cells.ToArray());
        }

        var footers = new List<string>();
        if (!AddRelationFooters(footers, quotedOid, schema, info, verbose)) return false;

        var title = RelationTitle(info.Kind, info.Persistence == 'u', schema, name);
        var table = new ResultTable(headers, headers.Select(_ => false).ToArray(), rows) { Title = title, Footers = footers };
        new ResultPrinter(Print.NotExpanded()).Print(table, _output.Out);
        return true;
    }

    private static string RelationTitle(char kind, bool unlogged, string schema, string name)
    {
        var label = kind switch
        {
            'r' => unlogged ? "Unlogged table" : "Table",
            'v' => "View",
            'm' => unlogged ? "Unlogged materialized view" : "Materialized view",
            'i' => unlogged ? "Unlogged index" : "Index",
            'I' => unlogged ? "Unlogged partitioned index" : "Partitioned index",
            'p' => unlogged ? "Unlogged partitioned table" : "Partitioned table",
            't' => "TOAST table",
            'c' => "Composite type",
            'f' => "Foreign table",
            _ => "?" + kind + "?",
        };
        return $"{label} \"{schema}.{name}\"";
    }

    /// <summary>T.1.</summary>
    private bool DescribeSequence(string quotedOid, string schema, string name, RelationInfo info)
    {
        var sequence = CatalogQuery(
            "SELECT pg_catalog.format_type(seqtypid, NULL) AS \"Type\",\n       seqstart AS \"Start\",\n       seqmin AS \"Minimum\",\n" +
            "       seqmax AS \"Maximum\",\n       seqincrement AS \"Increment\",\n" +
            "       CASE WHEN seqcycle THEN 'yes' ELSE 'no' END AS \"Cycles?\",\n       seqcache AS \"Cache\"\n" +
            $"FROM pg_catalog.pg_sequence\nWHERE seqrelid = {quotedOid};");
        if (sequence is null) return false;
        var owner = CatalogQuery(
            "SELECT pg_catalog.quote_ident(nspname) || '.' ||\n   pg_catalog.quote_ident(relname) || '.' ||\n   pg_catalog.quote_ident(attname),\n" +
            "   d.deptype\nFROM pg_catalog.pg_class c\nINNER JOIN pg_catalog.pg_depend d ON c.oid=d.refobjid\n" +
            "INNER JOIN pg_catalog.pg_namespace n ON n.oid=c.relnamespace\nINNER JOIN pg_catalog.pg_attribute a ON (\n a.attrelid=c.oid AND\n a.attnum=d.refobjsubid)\n" +
            "WHERE d.classid='pg_catalog.pg_class'::pg_catalog.regclass\n AND d.refclassid='pg_catalog.pg_class'::pg_catalog.regclass\n" +
            $" AND d.objid={quotedOid}\n AND d.deptype IN ('a', 'i')");
        if (owner is null) return false;
        var footers = new List<string>();
        if (owner.Rows.Count == 1)
        {
            var deptype = FirstChar(owner.Rows[0][1]);
            if (deptype == 'a') footers.Add($"Owned by: {owner.Rows[0][0]}");
            else if (deptype == 'i') footers.Add($"Sequence for identity column: {owner.Rows[0][0]}");
        }
        var title = $"{(info.Persistence == 'u' ? "Unlogged sequence" : "Sequence")} \"{schema}.{name}\"";
        PrintDescribeTable(sequence with { Title = title, Footers = footers }, Print.NotExpanded());
        return true;
    }
}

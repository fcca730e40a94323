using System.Text;

namespace Tenon.Cli;

// The footer lines under \d NAME (T.3 in ScriptRunner.DescribeTable.cs), each section from the
// catalog query psql 15 sends for it.
internal sealed partial class ScriptRunner
{
    private bool AddRelationFooters(List<string> footers, string oid, string schema, RelationInfo info, bool verbose)
    {
        if (info.IsPartition && !AddPartitionOfFooters(footers, oid, verbose)) return false;
        if (info.Kind == 'p')
        {
            var key = CatalogQuery($"SELECT pg_catalog.pg_get_partkeydef({oid}::pg_catalog.oid);");
            if (key is null) return false;
            if (key.Rows.Count == 1) footers.Add($"Partition key: {key.Rows[0][0]}");
        }
        if (info.Kind is 'i' or 'I')
        {
            if (!AddIndexFooter(footers, oid, schema)) return false;
        }
        else if (info.Kind is 'r' or 'm' or 'f' or 'p' or 't')
        {
            if (!AddTableFooters(footers, oid, info)) return false;
        }

        // With +, a view or materialized view shows its definition, and a view its rules other than _RETURN.
        if (verbose && info.Kind is 'v' or 'm')
        {
            var definition = CatalogQuery($"SELECT pg_catalog.pg_get_viewdef({oid}::pg_catalog.oid, true);");
            if (definition is null) return false;
            if (definition.Rows.Count > 0 && definition.Rows[0][0] is { } text)
            {
                footers.Add("View definition:");
                footers.Add(text);
                if (info.HasRules)
                {
                    var rules = CatalogQuery(
                        "SELECT r.rulename, trim(trailing ';' from pg_catalog.pg_get_ruledef(r.oid, true))\nFROM pg_catalog.pg_rewrite r\n" +
                        $"WHERE r.ev_class = {oid} AND r.rulename != '_RETURN' ORDER BY 1;");
                    if (rules is null) return false;
                    if (rules.Rows.Count > 0)
                    {
                        footers.Add("Rules:");
                        foreach (var rule in rules.Rows) footers.Add(" " + AfterCreateRule(rule[1]));
                    }
                }
            }
        }
        if (info.HasTriggers && !AddTriggerFooters(footers, oid)) return false;

        if (info.Kind is 'r' or 'm' or 'f' or 'p' or 'I' or 't')
        {
            if (!AddInheritanceFooters(footers, oid, info, verbose)) return false;
            if (info.OfType.Length > 0) footers.Add($"Typed table of type: {info.OfType}");
            if (verbose && info.Kind is 'r' or 'm' && info.ReplicaIdentity != 'i'
                && (schema != "pg_catalog" ? info.ReplicaIdentity != 'd' : info.ReplicaIdentity != 'n'))
            {
                footers.Add("Replica Identity: " + info.ReplicaIdentity switch { 'f' => "FULL", 'n' => "NOTHING", _ => "???" });
            }
            if (verbose && info.Kind != 'm' && info.HasOids) footers.Add("Has OIDs: yes");
            if (verbose && info.AccessMethod is { } am && !Variables.IsOn("HIDE_TABLEAM")) footers.Add($"Access method: {am}");
        }
        if (verbose && info.Options.Length > 0) footers.Add($"Options: {info.Options}");
        return true;
    }

    /// <summary>A rule definition without its leading "CREATE RULE ", as psql shows it.</summary>
    private static string AfterCreateRule(string? definition) => definition is { Length: >= 12 } ? definition[12..] : definition ?? "";

    private bool AddPartitionOfFooters(List<string> footers, string oid, bool verbose)
    {
        var parent = CatalogQuery(
            "SELECT inhparent::pg_catalog.regclass,\n  pg_catalog.pg_get_expr(c.relpartbound, c.oid),\n  inhdetachpending" +
            (verbose ? ",\n  pg_catalog.pg_get_partition_constraintdef(c.oid)" : "") +
            $"\nFROM pg_catalog.pg_class c JOIN pg_catalog.pg_inherits i ON c.oid = inhrelid\nWHERE c.oid = {oid};");
        if (parent is null) return false;
        if (parent.Rows.Count == 0) return true;
        var row = parent.Rows[0];
        footers.Add($"Partition of: {row[0]} {row[1]}{(IsTrue(row[2]) ? " DETACH PENDING" : "")}");
        if (verbose) footers.Add(row[3] is null ? "No partition constraint" : $"Partition constraint: {row[3]}");
        return true;
    }

    /// <summary>The one-line summary under an index.</summary>
    private bool AddIndexFooter(List<string> footers, string oid, string schema)
    {
        var index = CatalogQuery(
            "SELECT i.indisunique, i.indisprimary, i.indisclustered, i.indisvalid,\n" +
            "  (NOT i.indimmediate) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x') AND condeferrable) AS condeferrable,\n" +
            "  (NOT i.indimmediate) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x') AND condeferred) AS condeferred,\n" +
            "i.indisreplident,\ni.indnullsnotdistinct,\n  a.amname, c2.relname, pg_catalog.pg_get_expr(i.indpred, i.indrelid, true)\n" +
            "FROM pg_catalog.pg_index i, pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_am a\n" +
            $"WHERE i.indexrelid = c.oid AND c.oid = {oid} AND c.relam = a.oid\nAND i.indrelid = c2.oid;");
        if (index is null) return false;
        if (index.Rows.Count != 1) return true;
        var r = index.Rows[0];
        var sb = new StringBuilder();
        if (IsTrue(r[1])) sb.Append("primary key, ");
        else if (IsTrue(r[0])) sb.Append(IsTrue(r[7]) ? "unique nulls not distinct, " : "unique, ");
        sb.Append(r[8]).Append(", for table \"").Append(schema).Append('.').Append(r[9]).Append('"');
        if (!string.IsNullOrEmpty(r[10])) sb.Append(", predicate (").Append(r[10]).Append(')');
        if (IsTrue(r[2])) sb.Append(", clustered");
        if (!IsTrue(r[3])) sb.Append(", invalid");
        if (IsTrue(r[4])) sb.Append(", deferrable");
        if (IsTrue(r[5])) sb.Append(", initially deferred");
        if (IsTrue(r[6])) sb.Append(", replica identity");
        footers.Add(sb.ToString());
        return true;
    }

    private bool AddTableFooters(List<string> footers, string oid, RelationInfo info)
    {
        if (info.HasIndex)
        {
            var indexes = CatalogQuery(
                "SELECT c2.relname, i.indisprimary, i.indisunique, i.indisclustered, i.indisvalid, pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),\n" +
                "  pg_catalog.pg_get_constraintdef(con.oid, true), contype, condeferrable, condeferred, i.indisreplident, c2.reltablespace\n" +
                "FROM pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_index i\n" +
                "  LEFT JOIN pg_catalog.pg_constraint con ON (conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x'))\n" +
                $"WHERE c.oid = {oid} AND c.oid = i.indrelid AND i.indexrelid = c2.oid\nORDER BY i.indisprimary DESC, c2.relname;");
            if (indexes is null) return false;
            if (indexes.Rows.Count > 0) footers.Add("Indexes:");
            foreach (var r in indexes.Rows)
            {
                var sb = new StringBuilder("    \"").Append(r[0]).Append('"');
                if (r[7] == "x")
                {
                    // An exclusion constraint shows its own definition.
                    sb.Append(' ').Append(r[6]);
                }
                else
                {
                    if (IsTrue(r[1])) sb.Append(" PRIMARY KEY,");
                    else if (IsTrue(r[2])) sb.Append(r[7] == "u" ? " UNIQUE CONSTRAINT," : " UNIQUE,");
                    // Everything after " USING " is the method and the key list, as psql echoes it.
                    var definition = r[5] ?? "";
                    var usingAt = definition.IndexOf(" USING ", StringComparison.Ordinal);
                    sb.Append(' ').Append(usingAt >= 0 ? definition[(usingAt + 7)..] : definition);
                    if (IsTrue(r[8])) sb.Append(" DEFERRABLE");
                    if (IsTrue(r[9])) sb.Append(" INITIALLY DEFERRED");
                }
                if (IsTrue(r[3])) sb.Append(" CLUSTER");
                if (!IsTrue(r[4])) sb.Append(" INVALID");
                if (IsTrue(r[10])) sb.Append(" REPLICA IDENTITY");
                footers.Add(sb.ToString());
            }
        }

        if (info.Checks > 0)
        {
            var checks = CatalogQuery(
                "SELECT r.conname, pg_catalog.pg_get_constraintdef(r.oid, true)\nFROM pg_catalog.pg_constraint r\n" +
                $"WHERE r.conrelid = {oid} AND r.contype = 'c'\nORDER BY 1;");
            if (checks is null) return false;
            if (checks.Rows.Count > 0) footers.Add("Check constraints:");
            foreach (var r in checks.Rows) footers.Add($"    \"{r[0]}\" {r[1]}");
        }

        if (info.HasTriggers || info.Kind == 'p')
        {
            var partitioned = info.IsPartition || info.Kind == 'p';
            var foreignKeys = CatalogQuery(partitioned
                ? $"SELECT conrelid = {oid}::pg_catalog.regclass AS sametable,\n       conname,\n       pg_catalog.pg_get_constraintdef(oid, true) AS condef,\n" +
                  "       conrelid::pg_catalog.regclass AS ontable\n  FROM pg_catalog.pg_constraint,\n" +
                  $"       pg_catalog.pg_partition_ancestors({oid})\n WHERE conrelid = relid AND contype = 'f' AND conparentid = 0\nORDER BY sametable DESC, conname;"
                : "SELECT true as sametable, conname,\n  pg_catalog.pg_get_constraintdef(r.oid, true) as condef,\n  conrelid::pg_catalog.regclass AS ontable\n" +
                  $"FROM pg_catalog.pg_constraint r\nWHERE r.conrelid = {oid} AND r.contype = 'f'\n     AND conparentid = 0\nORDER BY conname");
            if (foreignKeys is null) return false;
            if (foreignKeys.Rows.Count > 0) footers.Add("Foreign-key constraints:");
            foreach (var r in foreignKeys.Rows)
            {
                footers.Add(IsTrue(r[0]) ? $"    \"{r[1]}\" {r[2]}" : $"    TABLE \"{r[3]}\" CONSTRAINT \"{r[1]}\" {r[2]}");
            }

            var referencedBy = CatalogQuery(
                "SELECT conname, conrelid::pg_catalog.regclass AS ontable,\n       pg_catalog.pg_get_constraintdef(oid, true) AS condef\n" +
                $"  FROM pg_catalog.pg_constraint c\n WHERE confrelid IN (SELECT pg_catalog.pg_partition_ancestors({oid})\n" +
                $"                     UNION ALL VALUES ({oid}::pg_catalog.regclass))\n       AND contype = 'f' AND conparentid = 0\nORDER BY conname;");
            if (referencedBy is null) return false;
            if (referencedBy.Rows.Count > 0) footers.Add("Referenced by:");
            foreach (var r in referencedBy.Rows) footers.Add($"    TABLE \"{r[1]}\" CONSTRAINT \"{r[0]}\" {r[2]}");
        }

        if (!AddPolicyFooters(footers, oid, info)) return false;
        if (!AddStatisticsFooters(footers, oid)) return false;

        if (info.HasRules && info.Kind != 'm')
        {
            var rules = CatalogQuery(
                "SELECT r.rulename, trim(trailing ';' from pg_catalog.pg_get_ruledef(r.oid, true)), ev_enabled\n" +
                $"FROM pg_catalog.pg_rewrite r\nWHERE r.ev_class = {oid} ORDER BY 1;");
            if (rules is null) return false;
            // Categories in psql's order: enabled, disabled, always, replica only.
            foreach (var (enabled, heading) in new[] { ('O', "Rules:"), ('D', "Disabled rules:"), ('A', "Rules firing always:"), ('R', "Rules firing on replica only:") })
            {
                var inCategory = rules.Rows.Where(r => FirstChar(r[2]) == enabled).ToList();
                if (inCategory.Count == 0) continue;
                footers.Add(heading);
                foreach (var r in inCategory) footers.Add("    " + AfterCreateRule(r[1]));
            }
        }

        var publications = CatalogQuery(
            "SELECT pubname\n     , NULL\n     , NULL\nFROM pg_catalog.pg_publication p\n" +
            "     JOIN pg_catalog.pg_publication_namespace pn ON p.oid = pn.pnpubid\n     JOIN pg_catalog.pg_class pc ON pc.relnamespace = pn.pnnspid\n" +
            $"WHERE pc.oid ={oid} and pg_catalog.pg_relation_is_publishable({oid})\nUNION\n" +
            "SELECT pubname\n     , pg_get_expr(pr.prqual, c.oid)\n     , (CASE WHEN pr.prattrs IS NOT NULL THEN\n" +
            "         (SELECT string_agg(attname, ', ')\n           FROM pg_catalog.generate_series(0, pg_catalog.array_upper(pr.prattrs::pg_catalog.int2[], 1)) s,\n" +
            "                pg_catalog.pg_attribute\n          WHERE attrelid = pr.prrelid AND attnum = prattrs[s])\n        ELSE NULL END) " +
            "FROM pg_catalog.pg_publication p\n     JOIN pg_catalog.pg_publication_rel pr ON p.oid = pr.prpubid\n" +
            $"     JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid\nWHERE pr.prrelid = {oid}\nUNION\n" +
            "SELECT pubname\n     , NULL\n     , NULL\nFROM pg_catalog.pg_publication p\n" +
            $"WHERE p.puballtables AND pg_catalog.pg_relation_is_publishable({oid})\nORDER BY 1;");
        if (publications is null) return false;
        if (publications.Rows.Count > 0) footers.Add("Publications:");
        foreach (var r in publications.Rows)
        {
            var line = $"    \"{r[0]}\"";
            if (r[2] is not null) line += $" ({r[2]})";
            if (r[1] is not null) line += $" WHERE {r[1]}";
            footers.Add(line);
        }
        return true;
    }

    private bool AddPolicyFooters(List<string> footers, string oid, RelationInfo info)
    {
        var policies = CatalogQuery(
            "SELECT pol.polname, pol.polpermissive,\n" +
            "  CASE WHEN pol.polroles = '{0}' THEN NULL ELSE pg_catalog.array_to_string(array(select rolname from pg_catalog.pg_roles where oid = any (pol.polroles) order by 1),',') END,\n" +
            "  pg_catalog.pg_get_expr(pol.polqual, pol.polrelid),\n  pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid),\n" +
            "  CASE pol.polcmd\n    WHEN 'r' THEN 'SELECT'\n    WHEN 'a' THEN 'INSERT'\n    WHEN 'w' THEN 'UPDATE'\n    WHEN 'd' THEN 'DELETE'\n    END AS cmd\n" +
            $"FROM pg_catalog.pg_policy pol\nWHERE pol.polrelid = {oid} ORDER BY 1;");
        if (policies is null) return false;
        var count = policies.Rows.Count;
        if (info.RowSecurity && count > 0) footers.Add(info.ForceRowSecurity ? "Policies (forced row security enabled):" : "Policies:");
        if (info.RowSecurity && count == 0) footers.Add(info.ForceRowSecurity ? "Policies (forced row security enabled): (none)" : "Policies (row security enabled): (none)");
        if (!info.RowSecurity && count > 0) footers.Add("Policies (row security disabled):");
        foreach (var r in policies.Rows)
        {
            var sb = new StringBuilder("    POLICY \"").Append(r[0]).Append('"');
            if (r[1] == "f") sb.Append(" AS RESTRICTIVE");
            if (r[5] is not null) sb.Append("\n      FOR ").Append(r[5]);
            if (r[2] is not null) sb.Append("\n      TO ").Append(r[2]);
            if (r[3] is not null) sb.Append("\n      USING (").Append(r[3]).Append(')');
            if (r[4] is not null) sb.Append("\n      WITH CHECK (").Append(r[4]).Append(')');
            footers.Add(sb.ToString());
        }
        return true;
    }

    private bool AddStatisticsFooters(List<string> footers, string oid)
    {
        var statistics = CatalogQuery(
            "SELECT oid, stxrelid::pg_catalog.regclass, stxnamespace::pg_catalog.regnamespace::pg_catalog.text AS nsp, stxname,\n" +
            "pg_catalog.pg_get_statisticsobjdef_columns(oid) AS columns,\n  'd' = any(stxkind) AS ndist_enabled,\n" +
            "  'f' = any(stxkind) AS deps_enabled,\n  'm' = any(stxkind) AS mcv_enabled,\nstxstattarget\n" +
            $"FROM pg_catalog.pg_statistic_ext\nWHERE stxrelid = {oid}\nORDER BY nsp, stxname;");
        if (statistics is null) return false;
        if (statistics.Rows.Count > 0) footers.Add("Statistics objects:");
        foreach (var r in statistics.Rows)
        {
            var sb = new StringBuilder("    \"").Append(r[2]).Append('.').Append(r[3]).Append('"');
            var kinds = new List<string>();
            if (IsTrue(r[5])) kinds.Add("ndistinct");
            if (IsTrue(r[6])) kinds.Add("dependencies");
            if (IsTrue(r[7])) kinds.Add("mcv");
            if (kinds.Count is > 0 and < 3) sb.Append(" (").AppendJoin(", ", kinds).Append(')');
            sb.Append(" ON ").Append(r[4]).Append(" FROM ").Append(r[1]);
            if (r[8] is { } target && target != "-1") sb.Append("; STATISTICS ").Append(target);
            footers.Add(sb.ToString());
        }
        return true;
    }

    /// <summary>Triggers grouped by how they fire, each shown from its definition after " TRIGGER ".</summary>
    private bool AddTriggerFooters(List<string> footers, string oid)
    {
        var triggers = CatalogQuery(
            "SELECT t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true), t.tgenabled, t.tgisinternal,\n" +
            "  CASE WHEN t.tgparentid != 0 THEN\n    (SELECT u.tgrelid::pg_catalog.regclass\n     FROM pg_catalog.pg_trigger AS u,\n" +
            "          pg_catalog.pg_partition_ancestors(t.tgrelid) WITH ORDINALITY AS a(relid, depth)\n" +
            "     WHERE u.tgname = t.tgname AND u.tgrelid = a.relid\n           AND u.tgparentid = 0\n     ORDER BY a.depth LIMIT 1)\n" +
            $"  END AS parent\nFROM pg_catalog.pg_trigger t\nWHERE t.tgrelid = {oid} AND (NOT t.tgisinternal OR (t.tgisinternal AND t.tgenabled = 'D'))\nORDER BY 1;");
        if (triggers is null) return false;
        var headings = new[] { "Triggers:", "Disabled user triggers:", "Disabled internal triggers:", "Triggers firing always:", "Triggers firing on replica only:" };
        for (var category = 0; category < headings.Length; category++)
        {
            var headed = false;
            foreach (var r in triggers.Rows)
            {
                var enabled = FirstChar(r[2]);
                var disabled = enabled is 'D' or 'f';
                var inCategory = category switch
                {
                    0 => enabled is 'O' or 't',
                    1 => disabled && r[3] == "f",
                    2 => disabled && r[3] == "t",
                    3 => enabled == 'A',
                    _ => enabled == 'R',
                };
                if (!inCategory) continue;
                if (!headed) footers.Add(headings[category]);
                headed = true;
                var definition = r[1] ?? "";
                var at = definition.IndexOf(" TRIGGER ", StringComparison.Ordinal);
                var line = "    " + (at >= 0 ? definition[(at + 9)..] : definition);
                if (r[4] is not null) line += $", ON TABLE {r[4]}";
                footers.Add(line);
            }
        }
        return true;
    }

    /// <summary>Inherits:, then child tables or partitions (listed with +, counted without).</summary>
    private bool AddInheritanceFooters(List<string> footers, string oid, RelationInfo info, bool verbose)
    {
        var parents = CatalogQuery(
            "SELECT c.oid::pg_catalog.regclass\nFROM pg_catalog.pg_class c, pg_catalog.pg_inherits i\n" +
            $"WHERE c.oid = i.inhparent AND i.inhrelid = {oid}\n  AND c.relkind != 'p' AND c.relkind != 'I'\nORDER BY inhseqno;");
        if (parents is null) return false;
        for (var i = 0; i < parents.Rows.Count; i++)
        {
            var line = i == 0 ? $"Inherits: {parents.Rows[i][0]}" : $"{new string(' ', "Inherits".Length)}  {parents.Rows[i][0]}";
            if (i < parents.Rows.Count - 1) line += ",";
            footers.Add(line);
        }

        var children = CatalogQuery(
            "SELECT c.oid::pg_catalog.regclass, c.relkind, inhdetachpending, pg_catalog.pg_get_expr(c.relpartbound, c.oid)\n" +
            $"FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i\nWHERE c.oid = i.inhrelid AND i.inhparent = {oid}\n" +
            "ORDER BY pg_catalog.pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT', c.oid::pg_catalog.regclass::pg_catalog.text;");
        if (children is null) return false;
        var count = children.Rows.Count;
        var partitioned = info.Kind == 'p';
        if (partitioned && count == 0)
        {
            footers.Add("Number of partitions: 0");
        }
        else if (!verbose)
        {
            if (count > 0)
            {
                footers.Add(partitioned
                    ? $"Number of partitions: {count} (Use \\d+ to list them.)"
                    : $"Number of child tables: {count} (Use \\d+ to list them.)");
            }
        }
        else
        {
            var label = partitioned ? "Partitions" : "Child tables";
            for (var i = 0; i < count; i++)
            {
                var r = children.Rows[i];
                var line = i == 0 ? $"{label}: {r[0]}" : $"{new string(' ', label.Length)}  {r[0]}";
                if (r[3] is not null) line += $" {r[3]}";
                var kind = FirstChar(r[1]);
                if (kind is 'p' or 'I') line += ", PARTITIONED";
                else if (kind == 'f') line += ", FOREIGN";
                if (IsTrue(r[2])) line += " (DETACH PENDING)";
                if (i < count - 1) line += ",";
                footers.Add(line);
            }
        }
        return true;
    }
}

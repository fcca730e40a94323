using System.Text;

namespace Tenon.Cli;

// \dp and \z (psql 15's permissionsList): tables, views, materialized views, sequences with their
// access privileges, column privileges and policies, from the catalog query psql sends. Without S
// or a pattern, system schemas are left out; "Access privileges" titles the result, which keeps its
// row count.
internal sealed partial class ScriptRunner
{
    private SlashStatus DescribePrivileges(string command, PsqlLexer lexer)
    {
        var flags = command.StartsWith("dp", StringComparison.Ordinal) ? command[2..] : command[1..];
        if (flags.Any(c => c != 'S')) return SlashStatus.Unknown;
        var patternText = ReadPatternOption(lexer);
        var pattern = patternText is null ? null : PsqlPattern.Parse(patternText);
        if (pattern is not null && !ValidatePattern(pattern, 3)) return SlashStatus.Error;
        var sql = new StringBuilder(
            "SELECT n.nspname as \"Schema\",\n  c.relname as \"Name\",\n  CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' " +
            "WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' END as \"Type\",\n" +
            "  pg_catalog.array_to_string(c.relacl, E'\\n') AS \"Access privileges\",\n" +
            "  pg_catalog.array_to_string(ARRAY(\n    SELECT attname || E':\\n  ' || pg_catalog.array_to_string(attacl, E'\\n  ')\n" +
            "    FROM pg_catalog.pg_attribute a\n    WHERE attrelid = c.oid AND NOT attisdropped AND attacl IS NOT NULL\n  ), E'\\n') AS \"Column privileges\",\n" +
            "  pg_catalog.array_to_string(ARRAY(\n    SELECT polname\n    || CASE WHEN NOT polpermissive THEN\n       E' (RESTRICTIVE)'\n       ELSE '' END\n" +
            "    || CASE WHEN polcmd != '*' THEN\n           E' (' || polcmd::pg_catalog.text || E'):'\n       ELSE E':'\n       END\n" +
            "    || CASE WHEN polqual IS NOT NULL THEN\n           E'\\n  (u): ' || pg_catalog.pg_get_expr(polqual, polrelid)\n       ELSE E''\n       END\n" +
            "    || CASE WHEN polwithcheck IS NOT NULL THEN\n           E'\\n  (c): ' || pg_catalog.pg_get_expr(polwithcheck, polrelid)\n       ELSE E''\n       END" +
            "    || CASE WHEN polroles <> '{0}' THEN\n           E'\\n  to: ' || pg_catalog.array_to_string(\n               ARRAY(\n                   SELECT rolname\n" +
            "                   FROM pg_catalog.pg_roles\n                   WHERE oid = ANY (polroles)\n                   ORDER BY 1\n               ), E', ')\n       ELSE E''\n       END\n" +
            "    FROM pg_catalog.pg_policy pol\n    WHERE polrelid = c.oid), E'\\n')\n    AS \"Policies\"\n" +
            "FROM pg_catalog.pg_class c\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n" +
            "WHERE c.relkind IN ('r','v','m','S','f','p')\n");
        if (!flags.Contains('S') && pattern is null) sql.Append("  AND n.nspname !~ '^pg_' AND pg_catalog.pg_table_is_visible(c.oid)\n");
        pattern?.AppendConditions(sql, true, "n.nspname", "c.relname", VisibleRelation);
        sql.Append("ORDER BY 1, 2;");
        var result = CatalogQuery(sql.ToString());
        if (result is null) return SlashStatus.Error;
        PrintDescribeTable(result with { Title = "Access privileges" });
        return SlashStatus.SkipLine;
    }
}

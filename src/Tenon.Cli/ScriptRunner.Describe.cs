using System.Text;
using Tenon.Errors;

namespace Tenon.Cli;

// The \d family (psql 15's describe commands), answered with the catalog queries psql sends:
//   D.1  \d[S+] without a pattern lists tables, views, materialized views, sequences and foreign
//        tables; with a pattern it describes each matching relation (ScriptRunner.DescribeTable.cs).
//   D.2  \dt \di \ds \dv \dm \dE (letters combine: \dti) list relations of those kinds, titled
//        "List of relations"; + adds persistence, access method, size and description columns.
//        Without S and without a pattern, pg_catalog, pg_toast and information_schema are left out.
//   D.3  \dn[S+] lists schemas ("List of schemas"), \dT[S+] data types ("List of data types"),
//        \df[S] functions and procedures ("List of functions"; not \df+ yet).
//   D.4  Patterns follow PsqlPattern; without a schema part only visible objects match. A
//        database part must name the current database.
//   D.5  An empty list prints "Did not find any relation named ..." (or "... any relations.")
//        on stderr instead of the table, unless QUIET; the command still succeeds. \d PATTERN
//        matching nothing fails, with the message unless QUIET.
//   D.6  NULLs print as empty whatever \pset null says; ECHO_HIDDEN shows each catalog query
//        (noexec: shows it without running it).
internal sealed partial class ScriptRunner
{
    private const string VisibleRelation = "pg_catalog.pg_table_is_visible(c.oid)";

    /// <summary>Runs a \d-family command, or returns Unknown for one we do not have.</summary>
    private SlashStatus Describe(string command, PsqlLexer lexer)
    {
        var kind = command.Length > 1 ? command[1] : '\0';
        if (kind is 'u' or 'g') return DescribeRoles(command, lexer);
        if (kind == 'p') return DescribePrivileges(command, lexer);
        if (kind is not ('\0' or '+' or 'S' or 't' or 'v' or 'm' or 'i' or 's' or 'E' or 'n' or 'T' or 'f')) return SlashStatus.Unknown;
        // \df+ shows columns (volatility, parallel safety, ACLs, source) Tenon's pg_proc does not have yet.
        if (kind == 'f' && command.Contains('+')) return SlashStatus.Unknown;
        var verbose = command.Contains('+');
        var system = command.Contains('S');
        var pattern = ReadPatternOption(lexer);
        var ok = kind switch
        {
            '\0' or '+' or 'S' => pattern is null ? ListRelations("tvmsE", null, verbose, system) : DescribeRelations(pattern, verbose),
            'n' => ListSchemas(pattern, verbose, system),
            'T' => ListTypes(pattern, verbose, system),
            'f' => ListFunctions(pattern, system),
            _ => ListRelations(command[1..], pattern, verbose, system),
        };
        return ok ? SlashStatus.SkipLine : SlashStatus.Error;
    }

    /// <summary>A pattern argument; trailing semicolons outside quotes are dropped, as psql does (leaving nothing means no pattern).</summary>
    private static string? ReadPatternOption(PsqlLexer lexer)
    {
        var option = lexer.ReadOption(SlashOptionKind.Normal);
        if (option is null || option.EndsWith('"')) return option;
        var trimmed = option.TrimEnd(';');
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>D.4: checks the number of dotted parts and the database part; logs and returns false when wrong.</summary>
    private bool ValidatePattern(PsqlPattern pattern, int maxParts)
    {
        if (pattern.Dots > maxParts - 1)
        {
            LogError($"improper qualified name (too many dotted names): {pattern.Text}");
            return false;
        }
        if (maxParts > 1 && pattern.Dots == maxParts - 1)
        {
            if (CurrentDatabase() != pattern.LiteralDatabase)
            {
                LogError($"cross-database references are not implemented: {pattern.Text}");
                return false;
            }
        }
        return true;
    }

    /// <summary>The session's database name (psql knows it from the connection, so this query is never echoed).</summary>
    private string? CurrentDatabase()
    {
        try
        {
            foreach (var result in _executor.Execute("SELECT pg_catalog.current_database()"))
            {
                if (result.Columns is not null) return ToTable(result).Rows.FirstOrDefault()?[0];
            }
        }
        catch (TenonException)
        {
            // In a failed transaction block psql still knows the name; the name part then simply does not match.
        }
        return null;
    }

    /// <summary>D.2 (psql's listTables).</summary>
    private bool ListRelations(string kinds, string? patternText, bool verbose, bool system)
    {
        var tables = kinds.Contains('t');
        var indexes = kinds.Contains('i');
        var views = kinds.Contains('v');
        var matViews = kinds.Contains('m');
        var sequences = kinds.Contains('s');
        var foreign = kinds.Contains('E');
        if (!(tables || indexes || views || matViews || sequences || foreign)) tables = views = matViews = sequences = foreign = true;

        var pattern = patternText is null ? null : PsqlPattern.Parse(patternText);
        if (pattern is not null && !ValidatePattern(pattern, 3)) return false;

        var hideAm = Variables.IsOn("HIDE_TABLEAM");
        var withAm = (tables || matViews || indexes) && !hideAm;
        var sql = new StringBuilder();
        sql.Append("SELECT n.nspname as \"Schema\",\n  c.relname as \"Name\",\n  CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' ")
            .Append("WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 't' THEN 'TOAST table' ")
            .Append("WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END as \"Type\",\n")
            .Append("  pg_catalog.pg_get_userbyid(c.relowner) as \"Owner\"");
        if (indexes) sql.Append(",\n  c2.relname as \"Table\"");
        if (verbose)
        {
            sql.Append(",\n  CASE c.relpersistence WHEN 'p' THEN 'permanent' WHEN 't' THEN 'temporary' WHEN 'u' THEN 'unlogged' END as \"Persistence\"");
            if (withAm) sql.Append(",\n  am.amname as \"Access method\"");
            sql.Append(",\n  pg_catalog.pg_size_pretty(pg_catalog.pg_table_size(c.oid)) as \"Size\"")
                .Append(",\n  pg_catalog.obj_description(c.oid, 'pg_class') as \"Description\"");
        }
        sql.Append("\nFROM pg_catalog.pg_class c\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n");
        if (withAm) sql.Append("     LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam\n");
        if (indexes)
        {
            sql.Append("     LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid\n")
                .Append("     LEFT JOIN pg_catalog.pg_class c2 ON i.indrelid = c2.oid\n");
        }
        sql.Append("WHERE c.relkind IN (");
        if (tables) sql.Append(system || pattern is not null ? "'r','p','t'," : "'r','p',");
        if (views) sql.Append("'v',");
        if (matViews) sql.Append("'m',");
        if (indexes) sql.Append("'i','I',");
        if (sequences) sql.Append("'S',");
        if (system || pattern is not null) sql.Append("'s',");
        if (foreign) sql.Append("'f',");
        sql.Append("'')\n");
        if (!system && pattern is null)
        {
            sql.Append("      AND n.nspname <> 'pg_catalog'\n      AND n.nspname !~ '^pg_toast'\n      AND n.nspname <> 'information_schema'\n");
        }
        pattern?.AppendConditions(sql, true, "n.nspname", "c.relname", VisibleRelation);
        if (pattern is null) sql.Append("  AND ").Append(VisibleRelation).Append('\n');
        sql.Append("ORDER BY 1,2;");

        var result = CatalogQuery(sql.ToString());
        if (result is null) return false;
        if (result.Rows.Count == 0 && !Quiet)
        {
            LogError(patternText is null ? "Did not find any relations." : $"Did not find any relation named \"{patternText}\".");
            return true;
        }
        PrintDescribeTable(result with { Title = "List of relations" });
        return true;
    }

    /// <summary>D.3 (psql's listSchemas).</summary>
    private bool ListSchemas(string? patternText, bool verbose, bool system)
    {
        var pattern = patternText is null ? null : PsqlPattern.Parse(patternText);
        if (pattern is not null && !ValidatePattern(pattern, 2)) return false;
        var sql = new StringBuilder("SELECT n.nspname AS \"Name\",\n  pg_catalog.pg_get_userbyid(n.nspowner) AS \"Owner\"");
        if (verbose)
        {
            sql.Append(",\n  pg_catalog.array_to_string(n.nspacl, E'\\n') AS \"Access privileges\"")
                .Append(",\n  pg_catalog.obj_description(n.oid, 'pg_namespace') AS \"Description\"");
        }
        sql.Append("\nFROM pg_catalog.pg_namespace n\n");
        var haveWhere = !system && pattern is null;
        if (haveWhere) sql.Append("WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'\n");
        pattern?.AppendConditions(sql, haveWhere, null, "n.nspname", null);
        sql.Append("ORDER BY 1;");
        var result = CatalogQuery(sql.ToString());
        if (result is null) return false;

        // With a pattern, publications of the schema of exactly that name replace the row count.
        List<string>? footers = null;
        if (patternText is not null)
        {
            var publications = CatalogQuery(
                "SELECT pubname \nFROM pg_catalog.pg_publication p\n     JOIN pg_catalog.pg_publication_namespace pn ON p.oid = pn.pnpubid\n" +
                $"     JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid \nWHERE n.nspname = {PsqlPattern.Literal(patternText)}\nORDER BY 1");
            if (publications is null) return false;
            if (publications.Rows.Count > 0) footers = ["Publications:", .. publications.Rows.Select(r => $"    \"{r[0]}\"")];
        }
        PrintDescribeTable(result with { Title = "List of schemas", Footers = footers });
        return true;
    }

    /// <summary>D.3: \df[S] lists functions, procedures and aggregates (psql's describeFunctions without function-kind letters).</summary>
    private bool ListFunctions(string? patternText, bool system)
    {
        var pattern = patternText is null ? null : PsqlPattern.Parse(patternText);
        if (pattern is not null && !ValidatePattern(pattern, 3)) return false;
        var sql = new StringBuilder("SELECT n.nspname as \"Schema\",\n  p.proname as \"Name\",\n")
            .Append("  pg_catalog.pg_get_function_result(p.oid) as \"Result data type\",\n")
            .Append("  pg_catalog.pg_get_function_arguments(p.oid) as \"Argument data types\",\n")
            .Append(" CASE p.prokind\n  WHEN 'a' THEN 'agg'\n  WHEN 'w' THEN 'window'\n  WHEN 'p' THEN 'proc'\n  ELSE 'func'\n END as \"Type\"")
            .Append("\nFROM pg_catalog.pg_proc p\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace\n");
        const string visibleFunction = "pg_catalog.pg_function_is_visible(p.oid)";
        if (pattern is null) sql.Append("WHERE ").Append(visibleFunction).Append('\n');
        else pattern.AppendConditions(sql, false, "n.nspname", "p.proname", visibleFunction);
        if (!system && pattern is null)
            sql.Append("      AND n.nspname <> 'pg_catalog'\n      AND n.nspname <> 'information_schema'\n");
        sql.Append("ORDER BY 1, 2, 4;");
        var result = CatalogQuery(sql.ToString());
        if (result is null) return false;
        PrintDescribeTable(result with { Title = "List of functions" });
        return true;
    }

    /// <summary>D.3: \dT[S+] lists data types other than array types and table row types ("List of data types").</summary>
    private bool ListTypes(string? patternText, bool verbose, bool system)
    {
        var pattern = patternText is null ? null : PsqlPattern.Parse(patternText);
        if (pattern is not null && !ValidatePattern(pattern, 3)) return false;
        var sql = new StringBuilder("SELECT n.nspname as \"Schema\",\n  pg_catalog.format_type(t.oid, NULL) AS \"Name\",\n");
        if (verbose)
        {
            sql.Append("  t.typname AS \"Internal name\",\n  CASE WHEN t.typrelid != 0\n      THEN CAST('tuple' AS pg_catalog.text)\n")
                .Append("    WHEN t.typlen < 0\n      THEN CAST('var' AS pg_catalog.text)\n    ELSE CAST(t.typlen AS pg_catalog.text)\n  END AS \"Size\",\n")
                .Append("  pg_catalog.array_to_string(\n      ARRAY(\n          SELECT e.enumlabel\n          FROM pg_catalog.pg_enum e\n")
                .Append("          WHERE e.enumtypid = t.oid\n          ORDER BY e.enumsortorder\n      ),\n      E'\\n'\n  ) AS \"Elements\",\n")
                .Append("  pg_catalog.pg_get_userbyid(t.typowner) AS \"Owner\",\n")
                .Append("pg_catalog.array_to_string(t.typacl, E'\\n') AS \"Access privileges\",\n    ");
        }
        else sql.Append("  ");
        sql.Append("pg_catalog.obj_description(t.oid, 'pg_type') as \"Description\"\nFROM pg_catalog.pg_type t\n")
            .Append("     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace\n")
            .Append("WHERE (t.typrelid = 0 OR (SELECT c.relkind = 'c' FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid))\n")
            .Append("  AND NOT EXISTS(SELECT 1 FROM pg_catalog.pg_type el WHERE el.oid = t.typelem AND el.typarray = t.oid)\n");
        if (!system && pattern is null) sql.Append("      AND n.nspname <> 'pg_catalog'\n      AND n.nspname <> 'information_schema'\n");
        const string visibleType = "pg_catalog.pg_type_is_visible(t.oid)";
        if (pattern is null) sql.Append("  AND ").Append(visibleType).Append('\n');
        else pattern.AppendConditions(sql, true, "n.nspname", "t.typname", visibleType, "pg_catalog.format_type(t.oid, NULL)");
        sql.Append("ORDER BY 1, 2;");
        var result = CatalogQuery(sql.ToString());
        if (result is null) return false;
        PrintDescribeTable(result with { Title = "List of data types" });
        return true;
    }

    /// <summary>D.1 with a pattern (psql's describeTableDetails): each matching relation in schema, name order.</summary>
    private bool DescribeRelations(string patternText, bool verbose)
    {
        var pattern = PsqlPattern.Parse(patternText);
        if (!ValidatePattern(pattern, 3)) return false;
        var sql = new StringBuilder("SELECT c.oid,\n  n.nspname,\n  c.relname\nFROM pg_catalog.pg_class c\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n");
        pattern.AppendConditions(sql, false, "n.nspname", "c.relname", VisibleRelation);
        sql.Append("ORDER BY 2, 3;");
        var matches = CatalogQuery(sql.ToString());
        if (matches is null) return false;
        if (matches.Rows.Count == 0)
        {
            if (!Quiet) LogError($"Did not find any relation named \"{patternText}\".");
            return false;
        }
        foreach (var row in matches.Rows)
        {
            if (!DescribeRelation(row[0]!, row[1] ?? "", row[2]!, verbose)) return false;
        }
        return true;
    }

    /// <summary>
    /// Runs one catalog query (D.6) and returns its last row set as text with NULLs as null cells;
    /// null after reporting an error.
    /// </summary>
    /// <param name="messageOnly">Report a failure as psql's PSQLexec does for \sv's lookup: "error: ERROR:  message" through the log.</param>
    private ResultTable? CatalogQuery(string sql, bool messageOnly = false)
    {
        var echoHidden = Variables.Get("ECHO_HIDDEN") ?? "off";
        var noExec = echoHidden.Equals("noexec", StringComparison.OrdinalIgnoreCase);
        if (noExec || PsqlVariables.ParseBool(echoHidden) == true)
        {
            _output.Write($"********* QUERY **********\n{sql}\n**************************\n\n");
        }
        // psql runs nothing under noexec, and the command then stops without a message.
        if (noExec) return null;
        try
        {
            ResultTable? table = null;
            foreach (var result in _executor.Execute(sql))
            {
                if (result.Columns is not null) table = ToTable(result);
            }
            return table ?? new ResultTable([], [], []);
        }
        catch (TenonException ex)
        {
            if (messageOnly) LogError("ERROR:  " + ex.Message);
            else ReportError(ErrorReport.From(ex), sql);
            return null;
        }
    }

    /// <summary>Prints a describe result: NULL cells as empty text (D.6).</summary>
    private void PrintDescribeTable(ResultTable table, PrintSettings? settings = null)
    {
        var rows = table.Rows.Select(r => r.Select(v => v ?? "").ToArray()).ToArray();
        new ResultPrinter(settings ?? Print).Print(table with { Rows = rows }, _output.Out);
    }
}

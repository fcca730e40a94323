using System.Text;

namespace Tenon.Cli;

// \sv[+] VIEW: psql 15's CREATE OR REPLACE VIEW command for a view, from the catalog queries psql
// sends (the name as regclass, then pg_get_viewdef(oid, true) with its schema, name, kind and
// check option); + numbers the lines. Anything but a view is "not a view".
internal sealed partial class ScriptRunner
{
    private SlashStatus ShowView(string command, PsqlLexer lexer)
    {
        var name = lexer.ReadOption(SlashOptionKind.WholeLine);
        if (string.IsNullOrWhiteSpace(name))
        {
            LogError("view name is required");
            return SlashStatus.Error;
        }
        var literal = "'" + name.Trim().Replace("'", "''") + "'";
        // psql reports a failed lookup with the message alone (no LINE).
        var found = CatalogQuery($"SELECT {literal}::pg_catalog.regclass::pg_catalog.oid", messageOnly: true);
        if (found is null || found.Rows.Count == 0 || found.Rows[0][0] is not { } oid) return SlashStatus.Error;
        var definition = CatalogQuery(
            "SELECT nspname, relname, relkind, pg_catalog.pg_get_viewdef(c.oid, true), " +
            "pg_catalog.array_remove(pg_catalog.array_remove(c.reloptions,'check_option=local'),'check_option=cascaded') AS reloptions, " +
            "CASE WHEN 'check_option=local' = ANY (c.reloptions) THEN 'LOCAL'::text " +
            "WHEN 'check_option=cascaded' = ANY (c.reloptions) THEN 'CASCADED'::text ELSE NULL END AS checkoption " +
            "FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON c.relnamespace = n.oid WHERE c.oid = " + oid);
        if (definition is null || definition.Rows.Count != 1) return SlashStatus.Error;
        var row = definition.Rows[0];
        if (row[2] != "v")
        {
            LogError($"\"{row[0]}.{row[1]}\" is not a view");
            return SlashStatus.Error;
        }
        var sb = new StringBuilder("CREATE OR REPLACE VIEW ");
        sb.Append(QuoteIdentifierIfNeeded(row[0] ?? "")).Append('.').Append(QuoteIdentifierIfNeeded(row[1] ?? ""));
        if (row[4] is { Length: > 2 } options) sb.Append("\n WITH (").Append(options[1..^1]).Append(')');
        sb.Append(" AS\n").Append(row[3]);
        if (sb.Length > 0 && sb[^1] == ';') sb.Length--;
        if (!string.IsNullOrEmpty(row[5])) sb.Append("\n WITH ").Append(row[5]).Append(" CHECK OPTION");
        if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
        if (!command.Contains('+'))
        {
            _output.Write(sb.ToString());
            return SlashStatus.SkipLine;
        }
        var lines = sb.ToString().TrimEnd('\n').Split('\n');
        var numbered = new StringBuilder();
        for (var i = 0; i < lines.Length; i++) numbered.Append($"{i + 1,-7} {lines[i]}\n");
        _output.Write(numbered.ToString());
        return SlashStatus.SkipLine;
    }

    /// <summary>libpq's fmtId: lower-case letters, digits and underscores not starting with a digit, and no keyword, stay bare.</summary>
    private static string QuoteIdentifierIfNeeded(string name) => Tenon.Errors.SqlErrors.QuoteIdentifier(name);
}

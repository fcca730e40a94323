using System.Globalization;
using System.Text;

namespace Tenon.Cli;

// \du and \dg (psql 15's describeRoles): the catalog query psql sends, and the Attributes column it
// builds on the client: "Superuser", "No inheritance", "Create role", "Create DB", "Cannot login",
// "Replication", "Bypass RLS" joined by ", ", then the connection limit and the password's expiry
// on lines of their own. Titled "List of roles", without a row count. \du+ (descriptions) is not
// supported: Tenon keeps no comments on roles.
internal sealed partial class ScriptRunner
{
    private SlashStatus DescribeRoles(string command, PsqlLexer lexer)
    {
        if (command[2..].Any(c => c != 'S')) return SlashStatus.Unknown;
        var system = command.Contains('S');
        var patternText = ReadPatternOption(lexer);
        var pattern = patternText is null ? null : PsqlPattern.Parse(patternText);
        if (pattern is not null && !ValidatePattern(pattern, 1)) return SlashStatus.Error;
        var sql = new StringBuilder(
            "SELECT r.rolname, r.rolsuper, r.rolinherit,\n  r.rolcreaterole, r.rolcreatedb, r.rolcanlogin,\n  r.rolconnlimit, r.rolvaliduntil,\n" +
            "  ARRAY(SELECT b.rolname\n        FROM pg_catalog.pg_auth_members m\n        JOIN pg_catalog.pg_roles b ON (m.roleid = b.oid)\n" +
            "        WHERE m.member = r.oid) as memberof\n, r.rolreplication\n, r.rolbypassrls\n\nFROM pg_catalog.pg_roles r\n");
        var haveWhere = !system && pattern is null;
        if (haveWhere) sql.Append("WHERE r.rolname !~ '^pg_'\n");
        pattern?.AppendConditions(sql, haveWhere, null, "r.rolname", null);
        sql.Append("ORDER BY 1;");
        var result = CatalogQuery(sql.ToString());
        if (result is null) return SlashStatus.Error;
        var rows = new List<string?[]>();
        foreach (var r in result.Rows)
        {
            var attributes = new StringBuilder();
            void Add(string text)
            {
                if (attributes.Length > 0) attributes.Append(", ");
                attributes.Append(text);
            }
            if (r[1] == "t") Add("Superuser");
            if (r[2] != "t") Add("No inheritance");
            if (r[3] == "t") Add("Create role");
            if (r[4] == "t") Add("Create DB");
            if (r[5] != "t") Add("Cannot login");
            if (r[9] == "t") Add("Replication");
            if (r[10] == "t") Add("Bypass RLS");
            var connections = int.Parse(r[6] ?? "-1", CultureInfo.InvariantCulture);
            if (connections >= 0)
            {
                if (attributes.Length > 0) attributes.Append('\n');
                attributes.Append(connections == 0 ? "No connections" : connections == 1 ? "1 connection" : $"{connections} connections");
            }
            if (!string.IsNullOrEmpty(r[7]))
            {
                if (attributes.Length > 0) attributes.Append('\n');
                attributes.Append("Password valid until ").Append(r[7]);
            }
            rows.Add([r[0], attributes.ToString(), r[8]]);
        }
        PrintDescribeTable(new ResultTable(["Role name", "Attributes", "Member of"], [false, false, false], rows) { Title = "List of roles", Footers = [] });
        return SlashStatus.SkipLine;
    }
}

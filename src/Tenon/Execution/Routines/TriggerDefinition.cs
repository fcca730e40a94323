using System.Text;
using Tenon.Catalog;
using Tenon.Errors;

namespace Tenon.Execution.Routines;

/// <summary>pg_get_triggerdef: a trigger as the CREATE TRIGGER statement that makes it.</summary>
public static class TriggerDefinition
{
    public static string? Print(uint oid, bool pretty, ExecContext ctx)
    {
        var catalog = ctx.Transaction.Catalog;
        if (!catalog.Routines.Triggers.TryGetValue(oid, out var t)) return null;
        var sb = new StringBuilder("CREATE ");
        if (t.IsConstraint) sb.Append("CONSTRAINT ");
        sb.Append("TRIGGER ").Append(SqlErrors.QuoteIdentifier(t.Name)).Append(' ');
        sb.Append(t.Timing switch { 'B' => "BEFORE", 'A' => "AFTER", _ => "INSTEAD OF" });
        var events = new List<string>();
        if (t.Fires("insert")) events.Add("INSERT");
        if (t.Fires("delete")) events.Add("DELETE");
        if (t.Fires("update"))
            events.Add(t.UpdateColumns is { } cols ? "UPDATE OF " + string.Join(", ", cols.Select(SqlErrors.QuoteIdentifier)) : "UPDATE");
        if (t.Fires("truncate")) events.Add("TRUNCATE");
        sb.Append(' ').Append(string.Join(" OR ", events)).Append(" ON ");
        sb.Append(pretty ? RegClassName.Format(t.TableOid, catalog, ctx.Session.SearchPath)
            : SqlErrors.QuoteIdentifier(catalog.RelationSchema(t.TableOid)) + "." + SqlErrors.QuoteIdentifier(catalog.RelationName(t.TableOid)));
        if (t.IsConstraint)
        {
            sb.Append(t.Deferrable ? " DEFERRABLE" : " NOT DEFERRABLE");
            sb.Append(t.InitiallyDeferred ? " INITIALLY DEFERRED" : " INITIALLY IMMEDIATE");
        }
        sb.Append(t.ForEachRow ? " FOR EACH ROW" : " FOR EACH STATEMENT");
        // Without pretty printing an operator expression gets its own parentheses, as ruleutils prints it.
        if (t.WhenText is { } when) sb.Append(" WHEN (").Append(pretty ? when : "(" + when + ")").Append(')');
        var fn = catalog.Functions.TryGetValue(t.FunctionOid, out var f) ? f.Name
            : t.FunctionOid == TextSearch.TsVectorUpdateTrigger.FunctionOid ? TextSearch.TsVectorUpdateTrigger.Name : t.FunctionOid.ToString();
        sb.Append(" EXECUTE FUNCTION ").Append(SqlErrors.QuoteIdentifier(fn)).Append('(');
        sb.Append(string.Join(", ", t.Arguments.Select(a => "'" + a.Replace("'", "''") + "'")));
        sb.Append(')');
        return sb.ToString();
    }
}

using Tenon.Types;

namespace Tenon.Server;

internal sealed partial class PgConnection
{
    private string _clientEncoding = "UTF8";
    private readonly Dictionary<string, string> _reported = new(StringComparer.Ordinal);

    /// <summary>
    /// The settings PostgreSQL 15 reports in ParameterStatus (GUC_REPORT), in its order, with the
    /// session's current values.
    /// </summary>
    private IEnumerable<(string Name, string Value)> ReportedParameters()
    {
        var s = _session!;
        var fs = s.FormatSettings;
        yield return ("application_name", s.GetSetting("application_name") ?? "");
        yield return ("client_encoding", _clientEncoding);
        yield return ("DateStyle", DateStyleText(fs));
        yield return ("default_transaction_read_only", "off");
        yield return ("in_hot_standby", "off");
        yield return ("integer_datetimes", "on");
        yield return ("IntervalStyle", fs.IntervalStyle switch
        {
            IntervalStyleFormat.PostgresVerbose => "postgres_verbose",
            IntervalStyleFormat.SqlStandard => "sql_standard",
            IntervalStyleFormat.Iso8601 => "iso_8601",
            _ => "postgres",
        });
        yield return ("is_superuser", "on");
        yield return ("server_encoding", "UTF8");
        yield return ("server_version", _server.Options.ServerVersion);
        yield return ("session_authorization", _user);
        yield return ("standard_conforming_strings", s.GetSetting("standard_conforming_strings") ?? "on");
        yield return ("TimeZone", fs.TimeZoneName);
    }

    private static string DateStyleText(FormatSettings fs)
    {
        var style = fs.DateStyle switch
        {
            DateStyleFormat.Postgres => "Postgres",
            DateStyleFormat.Sql => "SQL",
            DateStyleFormat.German => "German",
            _ => "ISO",
        };
        var order = fs.DateOrder switch { DateOrder.Dmy => "DMY", DateOrder.Ymd => "YMD", _ => "MDY" };
        return $"{style}, {order}";
    }

    private void ReportAllParameters()
    {
        foreach (var (name, value) in ReportedParameters()) SendParameterStatus(name, value);
    }

    /// <summary>Before each ReadyForQuery, as PostgreSQL does: a ParameterStatus for every reported setting that changed.</summary>
    private void ReportParameterChanges()
    {
        foreach (var (name, value) in ReportedParameters())
            if (!_reported.TryGetValue(name, out var old) || old != value) SendParameterStatus(name, value);
    }

    private void SendParameterStatus(string name, string value)
    {
        _reported[name] = value;
        _out.Begin('S');
        _out.CString(name);
        _out.CString(value);
        _out.End();
    }
}

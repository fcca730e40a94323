using Tenon.Errors;

namespace Tenon.Tests.Settings;

public class SessionSettingsTests
{
    private static string Show(Session s, string name) => (string)s.ExecuteSingle("SHOW " + name).Rows![0][0]!;

    [Fact]
    public void Options_parameter_reads_switches_with_escaped_spaces()
    {
        using var s = Database.OpenInMemory().CreateSession();
        s.ApplyStartupParameters([new("options", @"-c datestyle=SQL,\ DMY -cintervalstyle=iso_8601")]);
        Assert.Equal("SQL, DMY", Show(s, "DateStyle"));
        Assert.Equal("iso_8601", Show(s, "IntervalStyle"));
    }

    [Fact]
    public void Reported_parameters_announce_changes_and_list_current_values()
    {
        using var s = Database.OpenInMemory().CreateSession();
        var changes = new List<(string, string)>();
        s.ParameterChanged += (n, v) => changes.Add((n, v));
        s.ExecuteSingle("SET datestyle = german");
        s.ExecuteSingle("SET enable_seqscan = off"); // not a reported parameter
        Assert.Equal([("DateStyle", "German, DMY")], changes);
        var reported = s.ReportedParameters.ToDictionary();
        Assert.Equal("German, DMY", reported["DateStyle"]);
        Assert.Equal("UTF8", reported["server_encoding"]);
        Assert.Equal("on", reported["integer_datetimes"]);
    }

    [Fact]
    public void Rolled_back_set_is_announced_when_undone()
    {
        using var s = Database.OpenInMemory().CreateSession();
        var changes = new List<(string, string)>();
        s.ParameterChanged += (n, v) => changes.Add((n, v));
        s.ExecuteSingle("BEGIN");
        s.ExecuteSingle("SET TimeZone = 'Europe/Paris'");
        s.ExecuteSingle("ROLLBACK");
        Assert.Equal([("TimeZone", "Europe/Paris"), ("TimeZone", "UTC")], changes);
        Assert.Equal(TimeZoneInfo.Utc, s.FormatSettings.TimeZone);
    }

    [Fact]
    public void Read_only_parameter_cannot_be_set_at_startup_either()
    {
        using var s = Database.OpenInMemory().CreateSession();
        var ex = Assert.Throws<TenonException>(() => s.ApplyStartupParameters([new("server_encoding", "LATIN1")]));
        Assert.Equal("55P02", ex.SqlState);
    }
}

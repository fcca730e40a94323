using Tenon.Cli;
using Tenon.Errors;

namespace Tenon.Tests.Cli;

public class LibpqEnvironmentTests
{
    private static string Show(SessionExecutor executor, string name) =>
        (string)executor.Execute("SHOW " + name).Single().Rows![0][0]!;

    [Fact]
    public void Environment_variables_become_session_settings()
    {
        var env = new Dictionary<string, string>
        {
            ["PGTZ"] = "America/Los_Angeles",
            ["PGDATESTYLE"] = "Postgres, MDY",
            ["PGOPTIONS"] = "-c intervalstyle=postgres_verbose --extra-float-digits=0",
            ["PGAPPNAME"] = "pg_regress/uuid",
        };
        var executor = SessionExecutor.Open(Database.OpenInMemory(), n => env.GetValueOrDefault(n));
        Assert.Equal("America/Los_Angeles", Show(executor, "TimeZone"));
        Assert.Equal("Postgres, MDY", Show(executor, "DateStyle"));
        Assert.Equal("postgres_verbose", Show(executor, "IntervalStyle"));
        Assert.Equal("0", Show(executor, "extra_float_digits"));
        Assert.Equal("pg_regress/uuid", Show(executor, "application_name"));
    }

    [Fact]
    public void A_bad_value_refuses_the_connection()
    {
        var ex = Assert.Throws<TenonException>(() => SessionExecutor.Open(Database.OpenInMemory(), n => n == "PGOPTIONS" ? "-c no_such_thing=1" : null));
        Assert.Equal("unrecognized configuration parameter \"no_such_thing\"", ex.MessageText);
    }

    [Fact]
    public void Shell_reports_a_refused_connection_as_psql_does()
    {
        var output = new StringWriter();
        var code = CliMain.Run(["-X", "-c", "select 1"], TextReader.Null, output, output, lineReader: null,
            () => SessionExecutor.Open(Database.OpenInMemory(), n => n == "PGTZ" ? "Nowhere/City" : null));
        Assert.Equal(2, code);
        Assert.Equal("tenon: error: FATAL:  invalid value for parameter \"TimeZone\": \"Nowhere/City\"\n", output.ToString());
    }
}

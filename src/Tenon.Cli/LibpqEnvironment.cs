namespace Tenon.Cli;

/// <summary>
/// The environment variables through which libpq passes connection parameters, honoured by the
/// in-process shell as psql would send them to a server: PGTZ, PGDATESTYLE, PGOPTIONS, PGAPPNAME,
/// PGCLIENTENCODING.
/// </summary>
internal static class LibpqEnvironment
{
    private static readonly (string Variable, string Parameter)[] Mapping =
    [
        ("PGDATESTYLE", "DateStyle"),
        ("PGTZ", "TimeZone"),
        ("PGCLIENTENCODING", "client_encoding"),
        ("PGAPPNAME", "application_name"),
        ("PGOPTIONS", "options"),
    ];

    public static IReadOnlyList<KeyValuePair<string, string>> StartupParameters(Func<string, string?> getVariable)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var (variable, parameter) in Mapping)
        {
            if (getVariable(variable) is { Length: > 0 } value) result.Add(new(parameter, value));
        }
        return result;
    }
}

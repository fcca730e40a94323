using Tenon.Server;

namespace Tenon.Cli;

/// <summary>
/// The authentication options of <c>tenon serve</c>: <c>--user NAME:PASSWORD</c> (repeatable),
/// <c>--password-file FILE</c> (one <c>NAME:PASSWORD</c> per line; blank lines and lines starting
/// with '#' are skipped) and <c>--auth trust|password|md5|scram-sha-256</c>. A password may also be
/// given as PostgreSQL stores it (<c>md5…</c>, <c>SCRAM-SHA-256$…</c>).
/// </summary>
internal sealed class ServeAuthOptions
{
    public const string Usage = """
          --user NAME:PASSWORD    admit this user with this password (repeatable); then every
                                  client must log in as a configured user
          --password-file FILE    read NAME:PASSWORD lines from FILE
          --auth METHOD           trust, password, md5 or scram-sha-256 (default: scram-sha-256
                                  when users are configured, else trust for loopback clients only)
        """;

    private readonly Dictionary<string, string> _users = new(StringComparer.Ordinal);
    private PgAuthMethod? _method;

    /// <summary>
    /// Handles <paramref name="option"/> when it is one of these options (true, or false after
    /// reporting an error); null when it is not one of them. <paramref name="value"/> takes the option's value.
    /// </summary>
    public bool? TryHandle(string option, Func<string, string?> value, TextWriter stderr)
    {
        if (Is(option, "--user"))
        {
            if (value("--user") is not { } v) return false;
            return AddUser(v, "--user", stderr);
        }
        if (Is(option, "--password-file"))
        {
            if (value("--password-file") is not { } path) return false;
            string[] lines;
            try
            {
                lines = File.ReadAllLines(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"tenon serve: error: could not read password file \"{path}\": {e.Message}");
                return false;
            }
            foreach (var line in lines)
            {
                if (line.Length == 0 || line.StartsWith('#')) continue;
                if (!AddUser(line, $"password file \"{path}\"", stderr)) return false;
            }
            return true;
        }
        if (Is(option, "--auth"))
        {
            if (value("--auth") is not { } m) return false;
            _method = m switch
            {
                "trust" => PgAuthMethod.Trust,
                "password" => PgAuthMethod.Password,
                "md5" => PgAuthMethod.Md5,
                "scram-sha-256" => PgAuthMethod.ScramSha256,
                _ => null,
            };
            if (_method is null)
            {
                stderr.WriteLine($"tenon serve: error: invalid --auth method \"{m}\" (expected trust, password, md5 or scram-sha-256)");
                return false;
            }
            return true;
        }
        return null;
    }

    /// <summary>The options with users and method applied; null (after an error) when they cannot work together.</summary>
    public PgServerOptions? Apply(PgServerOptions options, TextWriter stderr)
    {
        if (_method is not (null or PgAuthMethod.Trust) && _users.Count == 0)
        {
            stderr.WriteLine($"tenon serve: error: --auth {Describe(_method)} needs users: give --user NAME:PASSWORD or --password-file FILE");
            return null;
        }
        return options with { Users = new Dictionary<string, string>(_users, StringComparer.Ordinal), Authentication = _method };
    }

    /// <summary>How clients log in, for the start-up line.</summary>
    public string Summary() => (_method, _users.Count) switch
    {
        (PgAuthMethod.Trust, _) => "trust authentication for every client",
        (null, 0) => "trust authentication for loopback clients",
        _ => $"{Describe(_method ?? PgAuthMethod.ScramSha256)} authentication for {_users.Count} user{(_users.Count == 1 ? "" : "s")}",
    };

    private static string Describe(PgAuthMethod? m) => m switch
    {
        PgAuthMethod.Password => "password",
        PgAuthMethod.Md5 => "md5",
        PgAuthMethod.ScramSha256 => "scram-sha-256",
        _ => "trust",
    };

    private bool AddUser(string entry, string source, TextWriter stderr)
    {
        var colon = entry.IndexOf(':');
        if (colon <= 0)
        {
            stderr.WriteLine($"tenon serve: error: invalid user entry in {source} (expected NAME:PASSWORD)");
            return false;
        }
        _users[entry[..colon]] = entry[(colon + 1)..];
        return true;
    }

    private static bool Is(string arg, string name) => arg == name || arg.StartsWith(name + "=", StringComparison.Ordinal);
}

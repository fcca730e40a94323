namespace Tenon.Cli;

/// <summary>
/// psql variables (\set, -v, :name) with the hooks that give some of them meaning: booleans
/// such as ON_ERROR_STOP are validated and default to "off"/"on" like psql's substitute hooks.
/// </summary>
internal sealed class PsqlVariables
{
    private static readonly string[] s_booleans = ["ON_ERROR_STOP", "QUIET", "SINGLELINE", "SINGLESTEP", "AUTOCOMMIT", "SHOW_ALL_RESULTS", "HIDE_TABLEAM", "HIDE_TOAST_COMPRESSION"];

    private readonly SortedDictionary<string, string> _values = new(StringComparer.Ordinal);

    public PsqlVariables()
    {
        _values["AUTOCOMMIT"] = "on";
        _values["ECHO"] = "none";
        _values["ECHO_HIDDEN"] = "off";
        _values["ENCODING"] = "UTF8";
        _values["FETCH_COUNT"] = "0";
        _values["HIDE_TABLEAM"] = "off";
        _values["HIDE_TOAST_COMPRESSION"] = "off";
        _values["HISTCONTROL"] = "none";
        _values["HISTSIZE"] = "500";
        _values["IGNOREEOF"] = "0";
        _values["ON_ERROR_ROLLBACK"] = "off";
        _values["ON_ERROR_STOP"] = "off";
        _values["PROMPT1"] = "%/%R%x%# ";
        _values["PROMPT2"] = "%/%R%x%# ";
        _values["PROMPT3"] = ">> ";
        _values["QUIET"] = "off";
        _values["SHOW_ALL_RESULTS"] = "on";
        _values["SHOW_CONTEXT"] = "errors";
        _values["SINGLELINE"] = "off";
        _values["SINGLESTEP"] = "off";
        _values["VERBOSITY"] = "default";
    }

    public string? Get(string name) => _values.TryGetValue(name, out var v) ? v : null;

    public IEnumerable<KeyValuePair<string, string>> All => _values;

    public bool IsOn(string name) => Get(name) is { } v && ParseBool(v) == true;

    /// <summary>Sets a variable; returns an error text (as psql prints it) when the value is rejected.</summary>
    public string? Set(string name, string? value)
    {
        if (!IsValidName(name)) return $"invalid variable name: \"{name}\"";
        if (s_booleans.Contains(name))
        {
            value = value is null ? "off" : value.Length == 0 ? "on" : value;
            if (ParseBool(value) is null) return $"unrecognized value \"{value}\" for \"{name}\": Boolean expected";
        }
        else if (name == "ECHO")
        {
            value ??= "none";
            if (value is not ("none" or "errors" or "queries" or "all"))
                return $"unrecognized value \"{value}\" for \"ECHO\"\nAvailable values are: none, errors, queries, all.";
        }
        else if (name == "VERBOSITY")
        {
            value ??= "default";
            if (value is not ("default" or "terse" or "verbose" or "sqlstate"))
                return $"unrecognized value \"{value}\" for \"VERBOSITY\"\nAvailable values are: default, verbose, terse, sqlstate.";
        }
        else if (name == "SHOW_CONTEXT")
        {
            value ??= "errors";
            if (value is not ("never" or "errors" or "always"))
                return $"unrecognized value \"{value}\" for \"SHOW_CONTEXT\"\nAvailable values are: never, errors, always.";
        }

        if (value is null) _values.Remove(name);
        else _values[name] = value;
        return null;
    }

    private static bool IsValidName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c >= 0x80);

    /// <summary>psql's ParseVariableBool: unique prefixes of true/false/yes/no/on/off, and 1/0.</summary>
    public static bool? ParseBool(string value)
    {
        var len = value.Length;
        bool Prefix(string word, int min) => len >= min && len <= word.Length && word.StartsWith(value, StringComparison.OrdinalIgnoreCase);
        if (Prefix("true", 1)) return true;
        if (Prefix("false", 1)) return false;
        if (Prefix("yes", 1)) return true;
        if (Prefix("no", 1)) return false;
        if (Prefix("on", 2)) return true;
        if (Prefix("off", 2)) return false;
        if (value == "1") return true;
        if (value == "0") return false;
        return null;
    }

    public EchoMode Echo => Get("ECHO") switch
    {
        "all" => EchoMode.All,
        "queries" => EchoMode.Queries,
        "errors" => EchoMode.Errors,
        _ => EchoMode.None,
    };

    public Verbosity Verbosity => Get("VERBOSITY") switch
    {
        "terse" => Verbosity.Terse,
        "verbose" => Verbosity.Verbose,
        "sqlstate" => Verbosity.SqlState,
        _ => Verbosity.Default,
    };

    public ShowContext ShowContext => Get("SHOW_CONTEXT") switch
    {
        "never" => ShowContext.Never,
        "always" => ShowContext.Always,
        _ => ShowContext.Errors,
    };
}

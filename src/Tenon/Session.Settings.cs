using Tenon.Errors;
using Tenon.Settings;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon;

/// <summary>SET, SHOW and RESET, and the connection parameters a client sends at startup.</summary>
public sealed partial class Session
{
    private readonly SessionSettings _settings = new();

    /// <summary>Text I/O settings (DateStyle, TimeZone, IntervalStyle, …) in force for this session.</summary>
    public FormatSettings FormatSettings => _settings.Format;

    /// <summary>Current values of the parameters PostgreSQL reports to clients (ParameterStatus at startup).</summary>
    public IEnumerable<KeyValuePair<string, string>> ReportedParameters => _settings.Reported;

    /// <summary>Raised with (name, value) whenever a reported parameter changes, for a wire front end's ParameterStatus.</summary>
    public event Action<string, string>? ParameterChanged
    {
        add => _settings.ReportedChanged += value;
        remove => _settings.ReportedChanged -= value;
    }

    /// <summary>
    /// Applies the parameters of a connection request as PostgreSQL does: each name=value pair
    /// (DateStyle, TimeZone, application_name, client_encoding, …), and <c>options</c> holding
    /// command-line switches <c>-c name=value</c> or <c>--name=value</c> (backslash escapes a space).
    /// <c>user</c>, <c>database</c> and <c>replication</c> are the caller's business and ignored here.
    /// Throws the error PostgreSQL reports (as FATAL) for an unknown parameter or a bad value.
    /// </summary>
    public void ApplyStartupParameters(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            switch (name)
            {
                case "user" or "database" or "replication":
                    continue;
                case "options":
                    foreach (var (optName, optValue) in StartupOptions.Parse(value)) SetSetting(optName, optValue);
                    continue;
                default:
                    SetSetting(name, value);
                    continue;
            }
        }
    }

    private void SetSetting(string name, string value) => _settings.SetSessionDefault(name, value);

    private StatementResult SetVariable(SetStatement s)
    {
        // search_path is a list of identifiers: SET quotes each one that needs it, as PostgreSQL does.
        var value = s.Values is null ? null
            : string.Join(", ", s.Name.Equals("search_path", StringComparison.OrdinalIgnoreCase) ? s.Values.Select(SqlErrors.QuoteIdentifier) : s.Values);
        var inBlock = _tx is { IsExplicit: true };
        if (s.Local && !inBlock)
        {
            // Still checked, as PostgreSQL does, but without effect outside a transaction block.
            RaiseNotice(new Notice("WARNING", SqlState.NoActiveSqlTransaction, "SET LOCAL can only be used in transaction blocks"));
            if (SettingsRegistry.Find(s.Name) is null && !s.Name.Contains('.'))
                throw new TenonException(SqlState.UndefinedObject, $"unrecognized configuration parameter \"{s.Name}\"");
            return new StatementResult("SET");
        }
        if (IsCharacteristic(s.Name)) SetCharacteristic(s.Name, value);
        else _settings.Set(s.Name, value, s.Local, inTransaction: _tx is not null);
        return new StatementResult("SET");
    }

    /// <summary>current_setting(): the value SHOW prints, or null for an unknown name when <paramref name="missingOk"/>.</summary>
    internal string? CurrentSetting(string name, bool missingOk)
    {
        if (CharacteristicValue(name) is { } characteristic) return characteristic;
        if (_settings.Get(name) is { } found) return found.Value;
        return missingOk ? null : throw new TenonException(SqlState.UndefinedObject, $"unrecognized configuration parameter \"{name}\"");
    }

    /// <summary>
    /// set_config(): SET (or SET LOCAL) from inside a statement, returning the new value. It always
    /// runs inside a transaction, at least the statement's implicit one, so a local value lasts
    /// until that transaction ends, without SET LOCAL's warning.
    /// </summary>
    internal string SetConfig(string name, string value, bool local)
    {
        _settings.Set(name, value, local, inTransaction: true);
        return _settings.Get(name)?.Value ?? value;
    }

    private StatementResult ResetVariable(ResetStatement s)
    {
        if (IsCharacteristic(s.Name) && _tx is not { IsExplicit: true })
        {
            RaiseNotice(new Notice("WARNING", SqlState.NoActiveSqlTransaction, "RESET TRANSACTION can only be used in transaction blocks"));
            return new StatementResult("RESET");
        }
        if (s.Name.Equals("all", StringComparison.OrdinalIgnoreCase)) _settings.ResetAll(inTransaction: _tx is not null);
        else if (IsCharacteristic(s.Name)) SetCharacteristic(s.Name, null);
        else _settings.Set(s.Name, null, local: false, inTransaction: _tx is not null);
        return new StatementResult("RESET");
    }

    private StatementResult Show(ShowStatement s)
    {
        if (s.Name.Equals("all", StringComparison.OrdinalIgnoreCase))
            throw new TenonException(SqlState.FeatureNotSupported, "SHOW ALL is not supported");
        var (name, value) = _settings.Get(s.Name)
            ?? throw new TenonException(SqlState.UndefinedObject, $"unrecognized configuration parameter \"{s.Name}\"");
        value = CharacteristicValue(name) ?? value;
        return new StatementResult("SHOW", [new ResultColumn(name, SqlType.Text)], [[value]]);
    }
}

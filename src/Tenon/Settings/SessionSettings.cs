using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Settings;

/// <summary>
/// One session's configuration parameters, with PostgreSQL's transactional rules: a SET inside
/// a transaction is undone if the transaction rolls back, SET LOCAL lasts only until the
/// transaction ends, and parameters whose names contain a dot are free-form custom settings.
/// </summary>
internal sealed class SessionSettings
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What RESET returns a parameter to: its default, or the value the connection request gave it.</summary>
    private readonly Dictionary<string, string> _resetValues = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Values at the start of the open transaction, taken at its first SET.</summary>
    private Dictionary<string, string>? _atTransactionStart;

    /// <summary>Session-level (non-LOCAL) SETs made in the open transaction; they survive COMMIT.</summary>
    private Dictionary<string, string>? _sessionSetsInTransaction;

    public SessionSettings()
    {
        foreach (var d in SettingsRegistry.All) _values[d.Name] = _resetValues[d.Name] = d.Default;
        Format = Derive();
    }

    /// <summary>Text I/O settings derived from DateStyle, IntervalStyle, TimeZone, extra_float_digits and bytea_output.</summary>
    public FormatSettings Format { get; private set; }

    /// <summary>
    /// Counts changes of registered parameters. Binding reads some of them (search_path,
    /// DateStyle and TimeZone for literals, enable_indexscan …), so a bound plan is reused only
    /// while this stays the same.
    /// </summary>
    public int Version { get; private set; }

    /// <summary>Raised with (canonical name, new value) when a reported parameter changes.</summary>
    public event Action<string, string>? ReportedChanged;

    /// <summary>The current values of the parameters clients are told about (ParameterStatus).</summary>
    public IEnumerable<KeyValuePair<string, string>> Reported =>
        SettingsRegistry.All.Where(d => d.Reported).Select(d => new KeyValuePair<string, string>(d.Name, _values[d.Name]));

    /// <summary>The value SHOW prints, or null for an unknown parameter.</summary>
    public (string Name, string Value)? Get(string name)
    {
        if (SettingsRegistry.Find(name) is { } d) return (d.Name, _values[d.Name]);
        if (name.Contains('.') && _values.TryGetValue(name, out var v)) return (name.ToLowerInvariant(), v);
        return null;
    }

    /// <summary>
    /// SET name TO value (null value = DEFAULT). <paramref name="inTransaction"/> says whether a
    /// transaction can undo it; a LOCAL set outside one is the caller's warning to give.
    /// </summary>
    public void Set(string name, string? value, bool local, bool inTransaction, bool atStartup = false)
    {
        _changes++;
        var def = SettingsRegistry.Find(name);
        if (def is null)
        {
            if (!name.Contains('.'))
                throw new TenonException(SqlState.UndefinedObject, $"unrecognized configuration parameter \"{name}\"");
            if (inTransaction)
            {
                RememberStart();
                if (!local) (_sessionSetsInTransaction ??= new(StringComparer.OrdinalIgnoreCase))[name] = value ?? "";
            }
            _values[name] = value ?? "";
            return;
        }
        if (def.ReadOnly && !atStartup)
            throw new TenonException(SqlState.CantChangeRuntimeParam, $"parameter \"{def.Name}\" cannot be changed");
        var canonical = value is null ? _resetValues[def.Name] : def.Normalize(name, value, _values[def.Name]);
        if (inTransaction)
        {
            RememberStart();
            if (!local) (_sessionSetsInTransaction ??= new(StringComparer.OrdinalIgnoreCase))[def.Name] = canonical;
        }
        Assign(def.Name, canonical);
    }

    /// <summary>
    /// Sets a parameter users cannot SET directly (role, session_authorization, is_superuser) with
    /// the transactional rules of SET; with <paramref name="asDefault"/> also what RESET returns it to.
    /// </summary>
    public void SetInternal(string name, string value, bool local, bool inTransaction, bool asDefault = false)
    {
        Set(name, value, local, inTransaction, atStartup: true);
        if (asDefault) _resetValues[name] = value;
    }

    /// <summary>The value a parameter is reset to.</summary>
    public string ResetValue(string name) => _resetValues[name];

    /// <summary>RESET ALL: every changeable parameter back to its default.</summary>
    public void ResetAll(bool inTransaction)
    {
        foreach (var d in SettingsRegistry.All)
            if (!d.ReadOnly && _values[d.Name] != _resetValues[d.Name]) Set(d.Name, null, local: false, inTransaction);
    }

    /// <summary>
    /// A value from the connection request: set now, and also what RESET and DISCARD ALL return
    /// the parameter to for the rest of the session, as in PostgreSQL.
    /// </summary>
    public void SetSessionDefault(string name, string value)
    {
        Set(name, value, local: false, inTransaction: false);
        if (SettingsRegistry.Find(name) is { } d) _resetValues[d.Name] = _values[d.Name];
    }

    /// <summary>Ends the open transaction: COMMIT keeps session-level SETs, anything else undoes them.</summary>
    public void EndTransaction(bool committed)
    {
        if (_atTransactionStart is null) return;
        _changes++;
        var start = _atTransactionStart;
        var sessionSets = _sessionSetsInTransaction;
        _atTransactionStart = null;
        _sessionSetsInTransaction = null;
        foreach (var (name, value) in start)
        {
            var final = committed && sessionSets is not null && sessionSets.TryGetValue(name, out var kept) ? kept : value;
            if (_values[name] != final) Assign(name, final);
        }
        EndCustomParameters(start, committed ? sessionSets : null);
    }

    // Custom parameters first set inside the transaction. Apart from EndTransaction, whose every
    // call (one per autocommit statement) would otherwise allocate this lambda's closure.
    private void EndCustomParameters(Dictionary<string, string> start, Dictionary<string, string>? keptSets)
    {
        foreach (var name in _values.Keys.Where(k => !start.ContainsKey(k)).ToList())
        {
            if (keptSets is not null && keptSets.TryGetValue(name, out var kept)) _values[name] = kept;
            else _values.Remove(name);
        }
    }

    /// <summary>What a savepoint keeps of the settings, for ROLLBACK TO SAVEPOINT. Never modified once taken.</summary>
    public sealed record Snapshot(Dictionary<string, string> Values, Dictionary<string, string>? SessionSets);

    // Counts every change of _values or _sessionSetsInTransaction (Version counts registered parameters only):
    // while it stays the same, the last snapshot still describes the settings, so a run of savepoints
    // without SETs between them shares one copy, and rolling back to it has nothing to undo.
    private long _changes;
    private Snapshot? _lastSnapshot;
    private long _lastSnapshotChanges;

    public Snapshot TakeSnapshot()
    {
        if (_lastSnapshot is not null && _lastSnapshotChanges == _changes) return _lastSnapshot;
        _lastSnapshot = new(new Dictionary<string, string>(_values, StringComparer.OrdinalIgnoreCase),
            _sessionSetsInTransaction is null ? null : new Dictionary<string, string>(_sessionSetsInTransaction, StringComparer.OrdinalIgnoreCase));
        _lastSnapshotChanges = _changes;
        return _lastSnapshot;
    }

    /// <summary>ROLLBACK TO SAVEPOINT: every SET made since the savepoint is undone, as in PostgreSQL.</summary>
    public void Restore(Snapshot snapshot)
    {
        if (ReferenceEquals(snapshot, _lastSnapshot) && _lastSnapshotChanges == _changes) return;
        _changes++;
        foreach (var (name, value) in snapshot.Values)
            if (!_values.TryGetValue(name, out var now) || now != value)
            {
                if (SettingsRegistry.Find(name) is null) _values[name] = value;
                else Assign(name, value);
            }
        foreach (var name in _values.Keys.Where(k => !snapshot.Values.ContainsKey(k)).ToList()) _values.Remove(name);
        _sessionSetsInTransaction = snapshot.SessionSets is null ? null : new Dictionary<string, string>(snapshot.SessionSets, StringComparer.OrdinalIgnoreCase);
        // The settings are now exactly the snapshot's.
        _lastSnapshot = snapshot;
        _lastSnapshotChanges = _changes;
    }

    private void RememberStart()
    {
        _atTransactionStart ??= new Dictionary<string, string>(_values, StringComparer.OrdinalIgnoreCase);
    }

    private void Assign(string name, string value)
    {
        _changes++;
        var changed = _values[name] != value;
        _values[name] = value;
        if (changed) Version++;
        var def = SettingsRegistry.Find(name);
        if (def is null) return;
        Format = Derive();
        if (changed && def.Reported) ReportedChanged?.Invoke(name, value);
    }

    private FormatSettings Derive()
    {
        var f = DateStyleSetting.Apply(FormatSettings.Default, _values["DateStyle"]);
        var tzName = _values["TimeZone"];
        return f with
        {
            TimeZone = TimeZones.FindZone(tzName) ?? TimeZoneInfo.Utc,
            TimeZoneName = tzName,
            IntervalStyle = _values["IntervalStyle"] switch
            {
                "postgres_verbose" => IntervalStyleFormat.PostgresVerbose,
                "sql_standard" => IntervalStyleFormat.SqlStandard,
                "iso_8601" => IntervalStyleFormat.Iso8601,
                _ => IntervalStyleFormat.Postgres,
            },
            ExtraFloatDigits = int.Parse(_values["extra_float_digits"], System.Globalization.CultureInfo.InvariantCulture),
            ByteaHex = _values["bytea_output"] == "hex",
            TextSearchConfig = TextSearch.TextSearchConfig.ParseName(_values["default_text_search_config"]),
        };
    }
}

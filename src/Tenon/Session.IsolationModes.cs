using Tenon.Errors;
using Tenon.Sql.Ast;
using Tenon.Transactions;

namespace Tenon;

/// <summary>
/// The transaction characteristics as statements set and show them: SET TRANSACTION, SET
/// transaction_isolation/_read_only/_deferrable, RESET, SET SESSION CHARACTERISTICS (the
/// default_transaction_* parameters), BEGIN's modes, SHOW and current_setting. They are fields of
/// the open <see cref="Transaction"/>, which is what the isolation code reads.
/// </summary>
public sealed partial class Session
{
    /// <summary>SET TRANSACTION … / SET SESSION CHARACTERISTICS AS TRANSACTION ….</summary>
    private StatementResult SetTransaction(SetTransactionStatement s)
    {
        if (s.SessionDefaults)
        {
            foreach (var m in s.Modes)
            {
                var (name, value) = ModeSetting(m);
                _settings.Set("default_" + name, value, local: false, inTransaction: _tx is not null);
            }
            return new StatementResult("SET");
        }
        if (_tx is not { IsExplicit: true })
        {
            RaiseNotice(new Notice("WARNING", SqlState.NoActiveSqlTransaction, "SET TRANSACTION can only be used in transaction blocks"));
            foreach (var m in s.Modes) ModeSetting(m);
            return new StatementResult("SET");
        }
        foreach (var m in s.Modes)
        {
            var (name, value) = ModeSetting(m);
            SetTransactionCharacteristic(_tx, name, value);
        }
        return new StatementResult("SET");
    }

    private static (string Name, string Value) ModeSetting(string mode) => mode switch
    {
        "read only" => ("transaction_read_only", "on"),
        "read write" => ("transaction_read_only", "off"),
        "deferrable" => ("transaction_deferrable", "on"),
        "not deferrable" => ("transaction_deferrable", "off"),
        _ => ("transaction_isolation", mode["isolation level ".Length..]),
    };

    private static bool IsTransactionCharacteristic(string name) =>
        name.Equals("transaction_isolation", StringComparison.OrdinalIgnoreCase)
        || name.Equals("transaction_read_only", StringComparison.OrdinalIgnoreCase)
        || name.Equals("transaction_deferrable", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Changes one characteristic of the open transaction with PostgreSQL's checks
    /// (check_XactIsoLevel, check_transaction_read_only, check_transaction_deferrable); a null
    /// value is RESET (the session default).
    /// </summary>
    private void SetTransactionCharacteristic(Transaction tx, string name, string? value)
    {
        name = name.ToLowerInvariant();
        // RESET gives the parameter's own default (read committed, off), not the session's default_transaction_* value.
        value ??= Settings.SettingsRegistry.Find(name)!.Default;
        switch (name)
        {
            case "transaction_isolation":
            {
                var level = Settings.SettingsRegistry.Find(name)!.Normalize(name, value, tx.IsolationLevel);
                if (level == tx.IsolationLevel) return;
                if (tx.SnapshotTaken)
                    throw new TenonException(SqlState.ActiveSqlTransaction, "SET TRANSACTION ISOLATION LEVEL must be called before any query");
                if (tx.Savepoints.Count > 0)
                    throw new TenonException(SqlState.ActiveSqlTransaction, "SET TRANSACTION ISOLATION LEVEL must not be called in a subtransaction");
                tx.IsolationLevel = level;
                return;
            }
            case "transaction_read_only":
            {
                var on = Settings.SettingsRegistry.Find(name)!.Normalize(name, value, "off") == "on";
                if (!on && tx.ReadOnly)
                {
                    if (tx.Savepoints.Count > 0)
                        throw new TenonException(SqlState.ActiveSqlTransaction, "cannot set transaction read-write mode inside a read-only transaction");
                    if (tx.SnapshotTaken)
                        throw new TenonException(SqlState.ActiveSqlTransaction, "transaction read-write mode must be set before any query");
                }
                tx.ReadOnly = on;
                return;
            }
            default:
            {
                var on = Settings.SettingsRegistry.Find(name)!.Normalize(name, value, "off") == "on";
                if (tx.Savepoints.Count > 0)
                    throw new TenonException(SqlState.ActiveSqlTransaction, "SET TRANSACTION [NOT] DEFERRABLE cannot be called within a subtransaction");
                if (tx.SnapshotTaken)
                    throw new TenonException(SqlState.ActiveSqlTransaction, "SET TRANSACTION [NOT] DEFERRABLE must be called before any query");
                tx.Deferrable = on;
                return;
            }
        }
    }

    /// <summary>The value SHOW and current_setting give a transaction characteristic: the open transaction's, else the session default.</summary>
    private string TransactionCharacteristic(string name)
    {
        name = name.ToLowerInvariant();
        if (_tx is not { } tx) return _settings.Get("default_" + name)?.Value ?? "";
        return name switch
        {
            "transaction_isolation" => tx.IsolationLevel,
            "transaction_read_only" => tx.ReadOnly ? "on" : "off",
            _ => tx.Deferrable ? "on" : "off",
        };
    }

    /// <summary>BEGIN's modes, applied as SET TRANSACTION would.</summary>
    private void ApplyBeginModes(Transaction tx, IReadOnlyList<string> modes)
    {
        foreach (var m in modes)
        {
            var (name, value) = ModeSetting(m);
            SetTransactionCharacteristic(tx, name, value);
        }
    }
}

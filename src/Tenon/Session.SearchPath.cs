using Tenon.Catalog;

namespace Tenon;

/// <summary>The session's search_path and its own temporary schema.</summary>
public sealed partial class Session
{
    private int _tempSlot;
    private (string Setting, string User, SearchPath Path)? _searchPath;

    /// <summary>The name of this session's temporary schema, pg_temp_N (it exists once a temporary relation was made).</summary>
    public string TempSchemaName
    {
        get
        {
            if (_tempSlot == 0) _tempSlot = Database.TakeTempSlot();
            return SystemCatalog.TempSchema + "_" + _tempSlot;
        }
    }

    /// <summary>A path in force instead of the setting while CREATE SCHEMA runs its elements.</summary>
    private SearchPath? _searchPathOverride;

    /// <summary>The search_path setting in force, parsed (cached while the setting's text stays the same).</summary>
    public SearchPath SearchPath
    {
        get
        {
            if (_searchPathOverride is { } over) return over;
            var setting = _settings.Get("search_path")?.Value ?? "";
            // A role that is no superuser searches only the schemas it may use.
            var auth = CurrentCatalog.Auth;
            var role = IsSuperuser(auth) ? 0 : CurrentUserOid(auth);
            if (_searchPath is { } c && c.Setting == setting && c.User == UserName && c.Path.Role == role) return c.Path;
            var path = new SearchPath(SearchPath.SplitIdentifiers(setting), UserName, TempSchemaName) { Role = role };
            _searchPath = (setting, UserName, path);
            return path;
        }
    }

    /// <summary>
    /// At session end: drops the session's temporary relations and schema in a transaction of
    /// its own, then gives the schema's number back.
    /// </summary>
    private void DropTempSchemaAtExit()
    {
        if (_tempSlot == 0) return;
        try
        {
            if (Database.Committed.Catalog.Schemas.Contains(TempSchemaName))
            {
                _tx = new Transactions.Transaction(Database.Committed, isExplicit: false);
                Database.AcquireWriteLock(waiter: null);
                _tx.HoldsWriteLock = true;
                _tx.Rebase(Database.WriterBase);
                new Execution.DdlExecutor(new Execution.ExecContext(this, _tx, null)).DropTempSchema();
                EndTransaction(commit: true);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The database is closing or failed: its temporary schemas are not kept anyway, and
            // disposing a session must not throw.
            try
            {
                if (_tx is not null) EndTransaction(commit: false);
            }
            catch (Exception inner) when (inner is not OutOfMemoryException)
            {
                _tx = null;
            }
        }
        finally
        {
            Database.ReleaseTempSlot(_tempSlot);
            _tempSlot = 0;
        }
    }
}

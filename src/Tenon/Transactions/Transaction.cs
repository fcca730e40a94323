using Tenon.Catalog;
using Tenon.Storage;

namespace Tenon.Transactions;

/// <summary>
/// A transaction's private working version of the database.
///
/// Terms: the <b>base</b> is an immutable <see cref="DbVersion"/>; tables written since the last
/// freeze are held as <see cref="WorkingTable"/>s; the <see cref="WriteToken"/> marks B+tree nodes
/// this transaction may still change in place.
///
/// Freezing (at each SAVEPOINT and at commit; statements take none of their own, see Session.Engine.cs) folds
/// the working tables into a new base and switches to a new token, so everything reachable from
/// the frozen version is never modified again. Rolling back to a savepoint is then one assignment:
/// <see cref="Restore"/>. Commit publishes <see cref="Freeze"/>'s result as the database's version.
/// </summary>
public sealed partial class Transaction
{
    // The working tables, the token and the savepoint list are made on first use: most
    // transactions are one autocommit statement, and a read-only one needs none of them.
    private Dictionary<uint, WorkingTable>? _working;
    private DbVersion _base;
    private DbVersion _start;
    private WriteToken? _token;
    private List<(string Name, DbVersion Version, ConstraintTiming Timing)>? _savepoints;

    public Transaction(DbVersion start, bool isExplicit) => Restart(start, isExplicit);

    /// <summary>
    /// Makes this object a new transaction starting at <paramref name="start"/>, exactly as the
    /// constructor leaves one: every field is set here. The session reuses the object of a finished
    /// read-only autocommit statement this way (Session.Engine.cs, RecycleTransaction).
    /// </summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_base), nameof(_start), nameof(Catalog), nameof(Timing), nameof(Snapshot))]
    internal void Restart(DbVersion start, bool isExplicit)
    {
        _working = null;
        _base = start;
        _start = start;
        _token = null;
        _savepoints = null;
        IsExplicit = isExplicit;
        Failed = false;
        HoldsWriteLock = false;
        Xid = Storage.RowStore.FrozenXid;
        StartTime = DateTimeOffset.UtcNow;
        Catalog = start.Catalog;
        Timing = ConstraintTiming.Initial;
        RestartIsolation(start);
    }

    /// <summary>True for a BEGIN … COMMIT block, false for the implicit transaction of a single statement.</summary>
    public bool IsExplicit { get; set; }

    /// <summary>Set after an error inside a transaction block: everything but ROLLBACK fails with 25P02.</summary>
    public bool Failed { get; set; }

    /// <summary>True once this transaction holds the database's write lock.</summary>
    public bool HoldsWriteLock { get; set; }

    /// <summary>The transaction id its row versions carry (xmin), assigned with the write lock.</summary>
    public uint Xid { get; set; }

    /// <summary>Statement timestamp basis for now()/CURRENT_TIMESTAMP (transaction start, as in PostgreSQL).</summary>
    public DateTimeOffset StartTime { get; private set; }

    /// <summary>The working catalog; DDL replaces it.</summary>
    public SystemCatalog Catalog { get; set; }

    public List<(string Name, DbVersion Version, ConstraintTiming Timing)> Savepoints => _savepoints ??= new();

    /// <summary>Constraint events deferred to COMMIT and the SET CONSTRAINTS settings.</summary>
    public ConstraintTiming Timing { get; set; }

    public bool IsConstraintDeferred(ConstraintDef c) => Timing.IsDeferred(c);

    public WriteToken Token => _token ??= new WriteToken();

    /// <summary>The version this transaction's writes started from: its snapshot, or the latest version when it took the write lock.</summary>
    public DbVersion WriteBase => _start;

    /// <summary>Replaces the base with a newer committed version (allowed only before the first write).</summary>
    public void Rebase(DbVersion latest)
    {
        // Savepoints taken before the first write hold nothing of this transaction's own: rolling
        // back to one must not bring back the older committed version it was taken on.
        if (_savepoints is { } savepoints)
            for (var i = 0; i < savepoints.Count; i++) savepoints[i] = savepoints[i] with { Version = latest };
        _base = latest;
        _start = latest;
        Snapshot = latest;
        Catalog = latest.Catalog;
        _working?.Clear();
    }

    /// <summary>Folds working tables into an immutable version and starts a new write token.</summary>
    public DbVersion Freeze()
    {
        if (_working is { Count: > 0 } || !ReferenceEquals(Catalog, _base.Catalog))
        {
            var data = _base.Data.ToBuilder();
            if (_working is not null)
                foreach (var (oid, wt) in _working)
                    if (Catalog.Tables.ContainsKey(oid)) data[oid] = wt.Freeze();
            // Working tables were filtered above; of the base's, a dropped table's data goes.
            if (!ReferenceEquals(Catalog, _base.Catalog))
                foreach (var oid in _base.Data.Keys)
                    if (!Catalog.Tables.ContainsKey(oid)) data.Remove(oid);
            _base = new DbVersion(Catalog, data.ToImmutable());
            _working?.Clear();
        }
        // Everything reachable from _base is frozen: later writes take a new token (made on first use).
        _token = null;
        return _base;
    }

    /// <summary>Returns to a version captured by <see cref="Freeze"/>.</summary>
    public void Restore(DbVersion version)
    {
        _base = version;
        Catalog = version.Catalog;
        _working?.Clear();
        _token = null;
    }

    /// <summary>
    /// Whether the row version <paramref name="rowId"/> was written by this transaction (PostgreSQL's
    /// "xmin is our own transaction"): row ids only grow, and every insert or update takes a new one.
    /// </summary>
    public bool WroteRow(uint tableOid, long rowId) =>
        !_start.Data.TryGetValue(tableOid, out var data) || rowId >= data.Rows.NextRowId;

    /// <summary>The stored data of a table as this transaction sees it.</summary>
    public RowStore Rows(uint tableOid) =>
        _working is not null && _working.TryGetValue(tableOid, out var wt) ? wt.Rows : _base.Data[tableOid].Rows;

    public IndexStore Index(uint tableOid, int position) =>
        _working is not null && _working.TryGetValue(tableOid, out var wt) ? wt.Indexes[position] : _base.Data[tableOid].Indexes[position];

    /// <summary>The table's stores, opened for writing by the current statement.</summary>
    public WorkingTable Write(uint tableOid)
    {
        _working ??= new Dictionary<uint, WorkingTable>();
        if (!_working.TryGetValue(tableOid, out var wt))
        {
            wt = new WorkingTable(_base.Data[tableOid]);
            _working[tableOid] = wt;
        }
        return wt;
    }

    /// <summary>Installs new stores for a table (CREATE TABLE, index builds, TRUNCATE).</summary>
    public void SetData(uint tableOid, TableData data) => (_working ??= new())[tableOid] = new WorkingTable(data);
}

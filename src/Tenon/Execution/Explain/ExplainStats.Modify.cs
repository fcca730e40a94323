using System.Diagnostics;
using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Execution.Plan;

namespace Tenon.Execution.Explain;

/// <summary>
/// EXPLAIN of INSERT, UPDATE and DELETE: DmlExecutor hands over the plan that feeds the write
/// (<see cref="Capture"/>) at the point it would start running it, after everything is bound.
/// Plain EXPLAIN stops the statement there; EXPLAIN ANALYZE runs it on a measured copy.
/// Foreign-key events are PostgreSQL's RI triggers: each event the statement itself queued and
/// that ran before the statement ended is one call of its constraint's trigger (events that
/// cascaded actions queue run inside those calls, as PostgreSQL's nested queries fire theirs).
/// </summary>
public sealed partial class ExplainStats
{
    public bool Analyze { get; init; } = true;

    public string? Operation { get; private set; }
    public TableDef? Target { get; private set; }
    public string? TargetAlias { get; private set; }
    /// <summary>The plan feeding the write, as bound (null: an INSERT's VALUES list, see <see cref="ValuesRows"/>).</summary>
    public PlanNode? Source { get; private set; }
    public int ValuesRows { get; private set; }
    /// <summary>When the write was bound and about to run: the end of planning (a stopwatch timestamp).</summary>
    public long CapturedAt { get; private set; }
    public ExplainConflict? Conflict { get; private set; }
    /// <summary>Stands for the write itself (PostgreSQL's ModifyTable node) in the measurements.</summary>
    public PlanNode ModifyKey { get; } = new SingleRowNode();

    public void RecordModify(long rows, long ticks)
    {
        var s = For(ModifyKey);
        s.Loops = 1;
        s.Rows = rows;
        s.StartupTicks = s.TotalTicks = Math.Max(ticks, 0);
    }

    /// <summary>Stands for the VALUES list of an INSERT in the measurements.</summary>
    public PlanNode ValuesKey { get; } = new SingleRowNode();

    /// <summary>Records an UPDATE's or DELETE's input; false when only planning (the statement must stop).</summary>
    public bool Capture(string operation, TableDef table, string? alias, ref PlanNode plan)
    {
        CapturedAt = Stopwatch.GetTimestamp();
        Operation = operation;
        Target = table;
        TargetAlias = alias;
        Source = plan;
        if (!Analyze) return false;
        plan = Instrument(plan);
        return true;
    }

    /// <summary>Records an INSERT's input (a plan, or <paramref name="valuesRows"/> VALUES rows); false when only planning.</summary>
    public bool CaptureInsert(TableDef table, string? alias, PlanNode? source, int valuesRows, ExplainConflict? conflict, ref Func<ExecContext, RowWriter, List<object?[]>> produceRows)
    {
        CapturedAt = Stopwatch.GetTimestamp();
        Operation = "Insert";
        Conflict = conflict;
        Target = table;
        TargetAlias = alias;
        Source = source;
        ValuesRows = valuesRows;
        if (!Analyze) return false;
        if (source is null)
        {
            var produce = produceRows;
            var stats = For(ValuesKey);
            produceRows = (ec, writer) =>
            {
                var clock = Stopwatch.StartNew();
                var rows = produce(ec, writer);
                stats.Loops++;
                stats.Rows += rows.Count;
                stats.StartupTicks += clock.ElapsedTicks;
                stats.TotalTicks += clock.ElapsedTicks;
                return rows;
            };
        }
        return true;
    }

    // ---- triggers ------------------------------------------------------------------------------

    /// <summary>
    /// Calls and time of one trigger: an RI trigger (a foreign key's check on the referencing
    /// table, or its action on the referenced one) or a user trigger.
    /// </summary>
    public sealed class TriggerStats
    {
        internal TriggerStats(ForeignKeyDef constraint, bool onReferenced)
        {
            Constraint = constraint;
            OnReferenced = onReferenced;
            TableOid = onReferenced ? constraint.ParentTableOid : constraint.TableOid;
            // PostgreSQL's RI trigger names; their oids follow the constraint's.
            SortName = $"{RiTriggerPrefix}_{(onReferenced ? 'a' : 'c')}_{constraint.Oid:D10}";
        }

        internal TriggerStats(TriggerDef trigger)
        {
            User = trigger;
            TableOid = trigger.TableOid;
            SortName = trigger.Name;
        }

        /// <summary>The foreign key of an RI trigger; null for a user trigger.</summary>
        public ForeignKeyDef? Constraint { get; }
        public bool OnReferenced { get; }
        /// <summary>The user trigger; null for an RI trigger.</summary>
        public TriggerDef? User { get; }
        /// <summary>The table the trigger is on.</summary>
        public uint TableOid { get; }
        /// <summary>The trigger's name, which orders a table's triggers (byte order, as PostgreSQL keeps them).</summary>
        internal string SortName { get; }
        public long Calls;
        public long Ticks;
        /// <summary>The order of the trigger's first call, which orders the tables after the statement's target.</summary>
        internal int FirstCall = -1;
    }

    private const string RiTriggerPrefix = "RI_ConstraintTrigger";
    private readonly Dictionary<(uint, bool), TriggerStats> _triggers = new();
    private readonly Dictionary<uint, TriggerStats> _userTriggers = new();
    private readonly HashSet<ConstraintEvent> _statementEvents = new(ReferenceEqualityComparer.Instance);
    private int _callOrder;
    private bool _inTrigger;
    /// <summary>True while a trigger function runs: what its own statements fire is theirs, never the statement's.</summary>
    private bool _inFunction;
    /// <summary>True while a counted AFTER trigger event runs, until its trigger is called.</summary>
    private bool _ownAfterEvent;

    /// <summary>
    /// The triggers called, in PostgreSQL's order: the statement's target table first, then the
    /// other tables (partitions a row was routed to, tables whose AFTER triggers referential
    /// actions queued) as their triggers were first called; a table's triggers by name.
    /// </summary>
    public IEnumerable<TriggerStats> Triggers
    {
        get
        {
            var called = _triggers.Values.Concat(_userTriggers.Values).Where(t => t.Calls > 0).ToList();
            var tableOrder = new Dictionary<uint, int>();
            if (Target is not null) tableOrder[Target.Oid] = -1;
            foreach (var t in called.OrderBy(t => t.FirstCall))
                tableOrder.TryAdd(t.TableOid, t.FirstCall);
            return called.OrderBy(t => tableOrder[t.TableOid]).ThenBy(t => t.SortName, StringComparer.Ordinal);
        }
    }

    /// <summary>PostgreSQL names the table of each trigger line when the statement wrote to or fired triggers of more than one table.</summary>
    public bool TriggerTablesShown =>
        Target is { IsPartitioned: true } || Triggers.Any(t => t.TableOid != Target?.Oid);

    private TriggerStats Trigger(ForeignKeyDef fk, bool onReferenced)
    {
        if (!_triggers.TryGetValue((fk.Oid, onReferenced), out var t)) _triggers[(fk.Oid, onReferenced)] = t = new TriggerStats(fk, onReferenced);
        return t;
    }

    private void Called(TriggerStats t, long ticks)
    {
        if (t.FirstCall < 0) t.FirstCall = _callOrder++;
        t.Calls++;
        t.Ticks += ticks;
    }

    /// <summary>
    /// An event queued by a row write: the statement's own unless a trigger function's statement
    /// queued it. The rows referential actions write queue theirs on the statement's queue, as
    /// PostgreSQL's RI queries do (they run without firing their triggers themselves).
    /// </summary>
    public ConstraintEvent Queued(ConstraintEvent e)
    {
        if (!_inFunction && e.Kind != ConstraintEventKind.UniqueRecheck) _statementEvents.Add(e);
        return e;
    }

    /// <summary>
    /// An inserted row whose check Tenon does not queue (its key is NULL): PostgreSQL still calls
    /// the check trigger, which finds nothing to do.
    /// </summary>
    public void SkippedCheck(ForeignKeyDef fk)
    {
        if (!_inFunction) Called(Trigger(fk, onReferenced: false), 0);
    }

    /// <summary>Runs one event; the statement's own events count as calls of their trigger, timed.</summary>
    public void Run(ConstraintEvent e, Action run)
    {
        var own = _statementEvents.Remove(e);
        if (e.Kind == ConstraintEventKind.AfterTrigger)
        {
            RunAfterEvent(own, run);
            return;
        }
        var outer = _inTrigger;
        _inTrigger = true;
        var clock = Stopwatch.StartNew();
        try
        {
            run();
        }
        finally
        {
            _inTrigger = outer;
            if (own) Called(Trigger(e.ForeignKey, e.Kind != ConstraintEventKind.ChildCheck), clock.ElapsedTicks);
        }
    }

    /// <summary>
    /// An event that runs inside a trigger's call (one a referential action queued, which Tenon
    /// runs there): counted when the statement's own, like those <see cref="Run"/> runs.
    /// </summary>
    public void RunNested(ConstraintEvent e, Action run)
    {
        var own = _statementEvents.Remove(e);
        if (e.Kind == ConstraintEventKind.AfterTrigger)
        {
            RunAfterEvent(own, run);
            return;
        }
        if (!own)
        {
            run();
            return;
        }
        var clock = Stopwatch.StartNew();
        try
        {
            run();
        }
        finally
        {
            Called(Trigger(e.ForeignKey, e.Kind != ConstraintEventKind.ChildCheck), clock.ElapsedTicks);
        }
    }

    private void RunAfterEvent(bool own, Action run)
    {
        var (outerOwn, outerTrigger) = (_ownAfterEvent, _inTrigger);
        _ownAfterEvent = own;
        _inTrigger = true;
        try
        {
            run();
        }
        finally
        {
            (_ownAfterEvent, _inTrigger) = (outerOwn, outerTrigger);
        }
    }

    /// <summary>
    /// Calls a user trigger's function (<paramref name="fire"/>): counted and timed when the
    /// statement itself fires it (a row or statement trigger of its rows, or a counted AFTER
    /// event); what the function's own statements fire is not.
    /// </summary>
    public T Fire<T>(TriggerDef trigger, Func<T> fire)
    {
        var counted = !_inTrigger || _ownAfterEvent;
        _ownAfterEvent = false;
        var (outerTrigger, outerFunction) = (_inTrigger, _inFunction);
        _inTrigger = _inFunction = true;
        var clock = counted ? Stopwatch.StartNew() : null;
        try
        {
            return fire();
        }
        finally
        {
            (_inTrigger, _inFunction) = (outerTrigger, outerFunction);
            if (clock is not null)
            {
                if (!_userTriggers.TryGetValue(trigger.Oid, out var t)) _userTriggers[trigger.Oid] = t = new TriggerStats(trigger);
                Called(t, clock.ElapsedTicks);
            }
        }
    }

    /// <summary>True while an event runs: RowWriter then runs nested events itself.</summary>
    public bool InTrigger => _inTrigger;
}

/// <summary>An INSERT's ON CONFLICT clause for EXPLAIN: its action, arbiter index names, and DO UPDATE's WHERE (over the target row then the excluded row).</summary>
public sealed record ExplainConflict(bool DoNothing, IReadOnlyList<string> Arbiters, Expressions.BoundExpr? Where);

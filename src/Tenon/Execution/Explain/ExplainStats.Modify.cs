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

    /// <summary>Calls and time of one RI trigger: a constraint's check on the referencing table, or its action on the referenced one.</summary>
    public sealed class TriggerStats(ForeignKeyDef constraint, bool onReferenced)
    {
        public ForeignKeyDef Constraint { get; } = constraint;
        public bool OnReferenced { get; } = onReferenced;
        public long Calls;
        public long Ticks;
    }

    private readonly Dictionary<(uint, bool), TriggerStats> _triggers = new();
    private readonly HashSet<ConstraintEvent> _statementEvents = new(ReferenceEqualityComparer.Instance);
    private bool _inTrigger;

    /// <summary>PostgreSQL's order: triggers on the referenced side (named RI_ConstraintTrigger_a_…) before the checks (…_c_…).</summary>
    public IEnumerable<TriggerStats> Triggers =>
        _triggers.Values.Where(t => t.Calls > 0).OrderBy(t => t.OnReferenced ? 0 : 1).ThenBy(t => t.Constraint.Oid);

    private TriggerStats Trigger(ForeignKeyDef fk, bool onReferenced)
    {
        if (!_triggers.TryGetValue((fk.Oid, onReferenced), out var t)) _triggers[(fk.Oid, onReferenced)] = t = new TriggerStats(fk, onReferenced);
        return t;
    }

    /// <summary>An event queued by a row write: one of the statement's own when no trigger is running.</summary>
    public ConstraintEvent Queued(ConstraintEvent e)
    {
        if (!_inTrigger && e.Kind != ConstraintEventKind.UniqueRecheck) _statementEvents.Add(e);
        return e;
    }

    /// <summary>
    /// An inserted row whose check Tenon does not queue (its key is NULL): PostgreSQL still calls
    /// the check trigger, which finds nothing to do.
    /// </summary>
    public void SkippedCheck(ForeignKeyDef fk)
    {
        if (!_inTrigger) Trigger(fk, onReferenced: false).Calls++;
    }

    /// <summary>Runs one event; the statement's own events count as calls of their trigger, timed.</summary>
    public void Run(ConstraintEvent e, Action run)
    {
        var own = _statementEvents.Remove(e);
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
            if (own)
            {
                var t = Trigger(e.ForeignKey, e.Kind != ConstraintEventKind.ChildCheck);
                t.Calls++;
                t.Ticks += clock.ElapsedTicks;
            }
        }
    }

    /// <summary>True while an event runs: RowWriter then runs nested events itself.</summary>
    public bool InTrigger => _inTrigger;
}

/// <summary>An INSERT's ON CONFLICT clause for EXPLAIN: its action, arbiter index names, and DO UPDATE's WHERE (over the target row then the excluded row).</summary>
public sealed record ExplainConflict(bool DoNothing, IReadOnlyList<string> Arbiters, Expressions.BoundExpr? Where);

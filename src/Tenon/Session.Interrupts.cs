using Tenon.Errors;
using Tenon.Settings;

namespace Tenon;

/// <summary>
/// Interrupting a running statement from another thread, as PostgreSQL's query cancel, its
/// statement_timeout and its connection termination do. <see cref="Cancel"/> (and the statement
/// timer, and <see cref="Terminate"/>) only set a flag; the statement notices it at its next
/// <see cref="CheckForInterrupts"/>, which the engine's long loops (scans, joins, sorts, COPY,
/// cascades, lock waits, pg_sleep) call once per row. Reading one volatile field per row keeps
/// the cost negligible. The statement then fails as any error does: its effects are undone and
/// an open transaction block becomes failed.
/// </summary>
public sealed partial class Session
{
    private const int NoInterrupt = 0, UserCancel = 1, StatementTimeout = 2, AdminTerminate = 3;

    // A Lock, not a Monitor on an object: taken twice per statement, its uncontended path stays in managed code.
    private readonly Lock _interruptGate = new();
    private volatile int _interrupt;
    // Statements running now (more than one when one statement runs another, as COPY (query) TO does).
    private int _runningStatements;
    // Wakes waits (pg_sleep) as soon as an interrupt arrives.
    private readonly ManualResetEventSlim _interruptSignal = new(false);
    private Timer? _statementTimer;
    private long _statementSerial;

    /// <summary>
    /// Asks the statement running now to stop with 57014 "canceling statement due to user request".
    /// Thread-safe. When no statement runs it does nothing, as PostgreSQL ignores a cancel that
    /// arrives between queries.
    /// </summary>
    public void Cancel() => Cancel(evenBeforeNextStatement: false);

    /// <summary>
    /// <see cref="Cancel()"/>; with <paramref name="evenBeforeNextStatement"/>, a cancel that comes
    /// while no statement runs is kept for the next one, until <see cref="ClearPendingCancel"/>.
    /// The wire server uses this while it works on a client's messages, so that a cancel that
    /// arrives during Parse or Bind still stops the statement the client is waiting for.
    /// </summary>
    public void Cancel(bool evenBeforeNextStatement)
    {
        lock (_interruptGate)
        {
            if (_runningStatements == 0)
            {
                if (evenBeforeNextStatement) _cancelPending = true;
                return;
            }
            if (_interrupt != NoInterrupt) return;
            _interrupt = UserCancel;
            _interruptSignal.Set();
        }
    }

    /// <summary>Forgets a cancel kept by <see cref="Cancel(bool)"/> (the front end has gone idle).</summary>
    public void ClearPendingCancel()
    {
        lock (_interruptGate) _cancelPending = false;
    }

    private bool _cancelPending;

    /// <summary>
    /// Ends the session from another thread (DROP DATABASE … WITH (FORCE)): the running statement,
    /// and every later one, fails with FATAL 57P01 "terminating connection due to administrator
    /// command". The front end should report that and close the connection (see <see cref="IsTerminated"/>).
    /// </summary>
    public void Terminate()
    {
        lock (_interruptGate)
        {
            _interrupt = AdminTerminate;
            _interruptSignal.Set();
        }
        Terminated?.Invoke();
    }

    /// <summary>Raised (on the terminating thread) by <see cref="Terminate"/>, so an idle front end can wake up and close.</summary>
    public event Action? Terminated;

    /// <summary>Whether <see cref="Terminate"/> was called: the connection must end.</summary>
    public bool IsTerminated => _interrupt == AdminTerminate;

    /// <summary>The error a terminated session reports (as FATAL) before its connection closes.</summary>
    public static TenonException TerminationError() =>
        new("57P01", "terminating connection due to administrator command") { Severity = "FATAL" };

    /// <summary>Throws the pending interrupt's error, if any. Called by long-running loops; costs one volatile read.</summary>
    internal void CheckForInterrupts()
    {
        if (_interrupt != NoInterrupt) ThrowInterrupt();
    }

    private void ThrowInterrupt()
    {
        throw _interrupt switch
        {
            UserCancel => new TenonException(SqlState.QueryCanceled, "canceling statement due to user request"),
            StatementTimeout => new TenonException(SqlState.QueryCanceled, "canceling statement due to statement timeout"),
            _ => TerminationError(),
        };
    }

    /// <summary>Waits up to <paramref name="timeout"/>, returning early (by throwing) when the statement is interrupted.</summary>
    internal void InterruptibleSleep(TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            CheckForInterrupts();
            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero) return;
            // Capped so that very long sleeps need no special casing of the wait's range.
            _interruptSignal.Wait(left < TimeSpan.FromHours(1) ? left : TimeSpan.FromHours(1));
        }
    }

    /// <summary>
    /// A limit on each statement's run time set by the front end (ADO.NET's CommandTimeout), on top
    /// of statement_timeout (the smaller wins); 0 for none. It fails the statement the same way.
    /// </summary>
    internal long CommandTimeoutMs { get; set; }

    /// <summary>lock_timeout in milliseconds (0: wait forever).</summary>
    internal long LockTimeoutMs => DurationSetting.ToMilliseconds(_settings.Get("lock_timeout")?.Value);

    /// <summary>Marks a statement as running (so that it can be cancelled) and arms statement_timeout.</summary>
    private void BeginInterruptible()
    {
        lock (_interruptGate)
        {
            if (_runningStatements++ > 0) return;
            _statementSerial++;
            if (_cancelPending && _interrupt == NoInterrupt)
            {
                _interrupt = UserCancel;
                _interruptSignal.Set();
            }
            _cancelPending = false;
        }
        if (_statementTimeoutVersion != _settings.Version || _statementTimeoutMs < 0)
        {
            _statementTimeoutMs = DurationSetting.ToMilliseconds(_settings.Get("statement_timeout")?.Value);
            _statementTimeoutVersion = _settings.Version;
        }
        var timeout = _statementTimeoutMs;
        if (CommandTimeoutMs > 0 && (timeout <= 0 || CommandTimeoutMs < timeout)) timeout = CommandTimeoutMs;
        if (timeout <= 0) return;
        _statementTimer ??= new Timer(OnStatementTimer);
        // The timer fires for the statement it was armed for only, and not before its deadline, so
        // a late tick of the previous statement's timer cannot hit this one.
        lock (_interruptGate)
        {
            _armedSerial = _statementSerial;
            _deadline = System.Diagnostics.Stopwatch.GetTimestamp() + timeout * System.Diagnostics.Stopwatch.Frequency / 1000;
        }
        _statementTimer.Change(TimeSpan.FromMilliseconds(timeout), Timeout.InfiniteTimeSpan);
    }

    // statement_timeout in milliseconds as of settings version _statementTimeoutVersion (-1: not read yet).
    private long _statementTimeoutMs = -1;
    private int _statementTimeoutVersion;

    private long _armedSerial;
    private long _deadline;

    private void OnStatementTimer(object? _)
    {
        lock (_interruptGate)
        {
            if (_runningStatements == 0 || _armedSerial != _statementSerial || _interrupt != NoInterrupt) return;
            // Timers may tick a little early; one that is early by more than that is a stale one.
            if (System.Diagnostics.Stopwatch.GetTimestamp() < _deadline - System.Diagnostics.Stopwatch.Frequency / 100) return;
            _interrupt = StatementTimeout;
            _interruptSignal.Set();
        }
    }

    /// <summary>Ends what <see cref="BeginInterruptible"/> began; a cancel that arrives later is ignored.</summary>
    private void EndInterruptible()
    {
        lock (_interruptGate)
        {
            if (--_runningStatements > 0) return;
            _armedSerial = 0;
            if (_interrupt == AdminTerminate) return;
            _interrupt = NoInterrupt;
            // Every Set happens under this lock, so this cannot miss one.
            if (_interruptSignal.IsSet) _interruptSignal.Reset();
        }
        _statementTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private void DisposeInterrupts()
    {
        _statementTimer?.Dispose();
        _statementTimer = null;
    }
}

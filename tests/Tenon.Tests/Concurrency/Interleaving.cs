using System.Collections.Concurrent;
using Tenon.Errors;

namespace Tenon.Tests.Concurrency;

/// <summary>
/// Runs steps of several sessions of one database in a given order, as PostgreSQL's isolation
/// tester does: each session has its own thread; a step that has not finished shortly after it
/// was started is blocked ("waiting"), and later steps of other sessions run meanwhile. Outcomes
/// are text: the command tag, the rows of a SELECT ("a,b;c,d"), or "ERROR: message".
/// </summary>
internal sealed class Interleaving : IDisposable
{
    private readonly Dictionary<string, Worker> _workers = new();

    public Interleaving(Database db, params string[] sessions)
    {
        Database = db;
        foreach (var name in sessions) _workers[name] = new Worker(db.CreateSession());
    }

    public Database Database { get; }

    public Session Session(string name) => _workers[name].Session;

    /// <summary>Runs a step; returns its outcome, or "waiting" when it blocks (then see <see cref="Complete"/>).</summary>
    public string Step(string session, string sql)
    {
        var w = _workers[session];
        if (w.Pending is not null) throw new InvalidOperationException($"{session} is still waiting");
        var task = w.Run(sql);
        // Blocked means: waiting for another transaction's write lock (a slow machine is not blocked).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!task.Wait(2))
        {
            if (w.Session.WaitingForWriteLock && clock.Elapsed > TimeSpan.FromMilliseconds(20) && !task.Wait(20)) break;
            if (clock.Elapsed > TimeSpan.FromSeconds(20)) throw new TimeoutException($"{session}: {sql}");
        }
        if (task.IsCompleted) return task.Result;
        w.Pending = task;
        return "waiting";
    }

    /// <summary>Whether the session's blocked step is still blocked.</summary>
    public bool IsWaiting(string session)
    {
        var w = _workers[session];
        if (w.Pending is not { IsCompleted: false } t) return false;
        // Either still waiting for the lock, or running after getting it: give it time to finish.
        while (!t.Wait(5))
            if (w.Session.WaitingForWriteLock && !t.Wait(20)) return true;
        return false;
    }

    /// <summary>The outcome of the session's blocked step, waiting for it to finish.</summary>
    public string Complete(string session)
    {
        var w = _workers[session];
        var task = w.Pending ?? throw new InvalidOperationException($"{session} is not waiting");
        if (!task.Wait(TimeSpan.FromSeconds(20))) throw new TimeoutException($"{session} still blocked");
        w.Pending = null;
        return task.Result;
    }

    public void Dispose()
    {
        foreach (var w in _workers.Values) w.Dispose();
    }

    public static string Outcome(Session s, string sql)
    {
        try
        {
            var last = "";
            foreach (var r in s.Execute(sql))
                last = r.Rows is { } rows && r.Columns is { Count: > 0 }
                    ? string.Join(";", rows.Select(row => string.Join(",", row.Select(v => v?.ToString() ?? "null"))))
                    : r.CommandTag;
            return last;
        }
        catch (TenonException e)
        {
            return "ERROR: " + e.Message;
        }
    }

    private sealed class Worker : IDisposable
    {
        private readonly BlockingCollection<(string Sql, TaskCompletionSource<string> Done)> _queue = new();
        private readonly Thread _thread;

        public Worker(Session session)
        {
            Session = session;
            _thread = new Thread(Loop) { IsBackground = true };
            _thread.Start();
        }

        public Session Session { get; }
        public Task<string>? Pending { get; set; }

        public Task<string> Run(string sql)
        {
            var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _queue.Add((sql, done));
            return done.Task;
        }

        private void Loop()
        {
            foreach (var (sql, done) in _queue.GetConsumingEnumerable())
            {
                try
                {
                    done.SetResult(Outcome(Session, sql));
                }
                catch (Exception ex)
                {
                    done.SetException(ex);
                }
            }
            Session.Dispose();
        }

        public void Dispose()
        {
            _queue.CompleteAdding();
            _thread.Join(TimeSpan.FromSeconds(10));
        }
    }
}

/// <summary>Extras for running whole permutations whose blocked steps wait their turn.</summary>
internal static class InterleavingExtensions
{
    /// <summary>
    /// Runs (session, sql) steps in order; a step of a session that is blocked waits in that
    /// session's backlog and runs once the session is free (the isolation tester would not
    /// schedule it before). Returns every step's outcome in completion order as "session: outcome".
    /// </summary>
    public static List<string> RunPermutation(this Interleaving il, params (string Session, string Sql)[] steps)
    {
        var log = new List<string>();
        var backlog = new Dictionary<string, Queue<string>>();
        var waiting = new HashSet<string>();

        void Drain()
        {
            var progress = true;
            while (progress)
            {
                progress = false;
                foreach (var s in waiting.ToList())
                {
                    if (il.IsWaiting(s)) continue;
                    waiting.Remove(s);
                    log.Add($"{s}: {il.Complete(s)}");
                    progress = true;
                }
                foreach (var (s, q) in backlog)
                {
                    while (q.Count > 0 && !waiting.Contains(s))
                    {
                        Start(s, q.Dequeue());
                        progress = true;
                    }
                }
            }
        }

        void Start(string s, string sql)
        {
            var outcome = il.Step(s, sql);
            if (outcome == "waiting") waiting.Add(s);
            else log.Add($"{s}: {outcome}");
        }

        foreach (var (s, sql) in steps)
        {
            if (waiting.Contains(s) || (backlog.TryGetValue(s, out var q) && q.Count > 0))
            {
                if (!backlog.TryGetValue(s, out q)) backlog[s] = q = new Queue<string>();
                q.Enqueue(sql);
            }
            else Start(s, sql);
            Drain();
        }
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((waiting.Count > 0 || backlog.Values.Any(b => b.Count > 0)) && DateTime.UtcNow < deadline) Drain();
        if (waiting.Count > 0) throw new TimeoutException("steps still blocked: " + string.Join(", ", waiting));
        return log;
    }
}

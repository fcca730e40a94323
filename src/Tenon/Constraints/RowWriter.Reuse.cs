using Tenon.Execution;

namespace Tenon.Constraints;

public sealed partial class RowWriter
{
    /// <summary>
    /// This writer, made ready for another statement run by <paramref name="ctx"/>, as a new
    /// writer would be: a kept insert plan (Session.PlanCache.cs) runs once per row of a client's
    /// loop, and a writer per run was a good part of what a row insert allocated. Only a writer
    /// whose statement ended normally may be reused (<see cref="Finish"/> has emptied its event
    /// queue, and nothing else holds it). Everything that belongs to one statement is dropped
    /// here; what is kept is scratch space (<c>_probeKeys</c>, <c>_parentProbe</c>) that every
    /// use fills before reading. A field added to the writer must be reset here unless it is such scratch.
    /// </summary>
    internal RowWriter Reuse(ExecContext ctx)
    {
        Park();
        _ctx = ctx;
        return this;
    }

    /// <summary>
    /// Drops what belongs to the statement that ended, and with it every reference into its
    /// transaction (a kept writer must not hold a finished transaction's data alive); returns this writer.
    /// </summary>
    internal RowWriter Park()
    {
        _ctx = null!;
        _events = default;
        _bound = null;
        _partitions = null;
        _lastParentFound = default;
        _childBuffer = null;
        _beforeStatementFired = null;
        _afterStatementQueued = null;
        SingleRowStatement = false;
        FailureAsValue = false;
        Failure = null;
        return this;
    }
}

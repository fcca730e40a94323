using System.Diagnostics.CodeAnalysis;

namespace Tenon.Constraints;

public sealed partial class RowWriter
{
    /// <summary>
    /// The writer's queue of constraint events, made on the first event: most statements (every
    /// insert into a table without foreign keys, every insert whose parent was probed early) queue
    /// none, and a writer is made per statement.
    /// </summary>
    private struct EventQueue
    {
        private Queue<ConstraintEvent>? _queue;

        public void Enqueue(ConstraintEvent e) => (_queue ??= new()).Enqueue(e);

        public readonly bool TryDequeue([MaybeNullWhen(false)] out ConstraintEvent e)
        {
            if (_queue is null)
            {
                e = null;
                return false;
            }
            return _queue.TryDequeue(out e);
        }
    }
}

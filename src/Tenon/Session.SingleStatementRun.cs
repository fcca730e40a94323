using System.Collections;
using Tenon.Sql.Ast;

namespace Tenon;

public sealed partial class Session
{
    /// <summary>
    /// What <see cref="ExecuteStatements"/> does for one statement (no batch, so no implicit
    /// transaction around it), as a hand-written enumerator: a prepared statement run per row
    /// allocates this small object instead of the general iterator. Lazy like it: the statement
    /// runs at the first <see cref="MoveNext"/>; a COPY FROM STDIN result is followed by the
    /// result of the copy, run once the caller has answered its request.
    /// </summary>
    private sealed class SingleStatementRun(Session session, Statement statement, IReadOnlyList<object?>? parameters)
        : IEnumerable<StatementResult>, IEnumerator<StatementResult>
    {
        private const int NotStarted = 0, Ran = 1, Done = 2;
        private int _state;
        private bool _enumeratorTaken;
        private StatementResult? _current;

        public StatementResult Current => _current!;

        object IEnumerator.Current => Current;

        public IEnumerator<StatementResult> GetEnumerator()
        {
            if (_enumeratorTaken) return new SingleStatementRun(session, statement, parameters) { _enumeratorTaken = true };
            _enumeratorTaken = true;
            return this;
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public bool MoveNext()
        {
            var state = _state;
            // A failure ends the run, as it ends an iterator.
            _state = Done;
            if (state == NotStarted)
            {
                // A rejection carried as a value (already undone) is thrown here, once, as ExecuteStatements does.
                _current = ThrowIfFailed(session.ExecuteStatement(statement, parameters, inBatch: false));
                _state = Ran;
                return true;
            }
            // COPY FROM STDIN: the caller has answered the request while we were suspended (docs/COPY.md).
            if (state == Ran && _current!.CopyIn is { } request)
            {
                _current = ThrowIfFailed(session.ExecuteStatement(statement, parameters, inBatch: false, request));
                return true;
            }
            return false;
        }

        public void Reset() => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}

using System.Collections;
using Tenon.Errors;

namespace Tenon.Data;

/// <summary>
/// The results of a batch as the data reader consumes them, attributed to the command each
/// statement came from: its row count goes to that command's RecordsAffected, and an error's
/// position is mapped back into that command's own text.
/// </summary>
internal sealed class BatchResults(
    IEnumerator<StatementResult> inner,
    IReadOnlyList<TenonBatchCommand> commands,
    IReadOnlyList<int> statementCounts,
    IReadOnlyList<PositionMap> positions) : IEnumerator<StatementResult>
{
    private int _command;
    private int _statementsDone;

    public StatementResult Current => inner.Current;

    object IEnumerator.Current => Current;

    public bool MoveNext()
    {
        SkipEmptyCommands();
        bool moved;
        try
        {
            moved = inner.MoveNext();
        }
        catch (TenonException ex) when (MapPosition(ex))
        {
            throw; // not reached: the filter declines, so the error goes on without being thrown again
        }
        if (!moved) return false;
        var result = inner.Current;
        // COPY … FROM STDIN yields twice for one statement: the request, then the completion.
        if (result.CopyIn is null && _command < commands.Count)
        {
            var affected = TenonDataReader.RowsAffected(result.CommandTag);
            if (affected >= 0) commands[_command].AddRecordsAffected(affected);
            _statementsDone++;
        }
        return true;
    }

    /// <summary>Maps a failed statement's position to its command's text, as a filter that declines (no second dispatch).</summary>
    private bool MapPosition(TenonException ex)
    {
        if (_command < commands.Count) TenonCommand.MapPosition(ex, positions[_command]);
        return false;
    }

    private void SkipEmptyCommands()
    {
        while (_command < commands.Count && _statementsDone >= statementCounts[_command])
        {
            _command++;
            _statementsDone = 0;
        }
    }

    public void Reset() => throw new NotSupportedException();

    public void Dispose() => inner.Dispose();
}

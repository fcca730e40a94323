namespace Tenon.Conformance;

/// <summary>Whether one statement's output (its echo, results, errors and notices) matched.</summary>
public sealed record StatementOutcome(ScriptStatement Statement, bool Matched, IReadOnlyList<string> Expected, IReadOnlyList<string> Actual);

/// <summary>
/// Compares two psql <c>-a</c> outputs of the same script statement by statement. Each output
/// is cut at the echoes of the script's lines: a statement owns everything from the echo of its
/// first line up to the echo of the next statement's first line. Echoes are found in order, so
/// output that lost its place (a missing echo) fails only the statements around it.
/// <c>CONTEXT:</c> lines are ignored: they describe PostgreSQL's internals, not results.
/// </summary>
public static class StatementComparison
{
    public static IReadOnlyList<StatementOutcome> Compare(RegressScript script, string expected, string actual)
    {
        var expectedLines = OutputLines(expected);
        var actualLines = OutputLines(actual);
        var expectedBlocks = CutIntoStatementBlocks(script, expectedLines);
        var actualBlocks = CutIntoStatementBlocks(script, actualLines);
        var outcomes = new List<StatementOutcome>(script.Statements.Count);
        for (var i = 0; i < script.Statements.Count; i++)
        {
            var e = expectedBlocks[i];
            var a = actualBlocks[i];
            var matched = e is not null && a is not null && e.SequenceEqual(a, StringComparer.Ordinal);
            outcomes.Add(new StatementOutcome(script.Statements[i], matched, e ?? [], a ?? []));
        }
        return outcomes;
    }

    private static List<string> OutputLines(string output)
    {
        var lines = output.Replace("\r\n", "\n").Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines.Where(l => !l.StartsWith("CONTEXT:  ", StringComparison.Ordinal)).ToList();
    }

    /// <summary>Each statement's block of output lines, or null where its echo was not found.</summary>
    private static List<string>?[] CutIntoStatementBlocks(RegressScript script, List<string> output)
    {
        var echoAt = LocateEchoes(script, output);
        var blocks = new List<string>?[script.Statements.Count];
        for (var i = 0; i < script.Statements.Count; i++)
        {
            var from = echoAt.GetValueOrDefault(script.Statements[i].FirstLine, -1);
            if (from < 0) continue;
            var to = output.Count;
            for (var j = i + 1; j < script.Statements.Count; j++)
            {
                if (script.Statements[j].FirstLine == script.Statements[i].FirstLine) continue;
                var next = echoAt.GetValueOrDefault(script.Statements[j].FirstLine, -1);
                if (next >= 0) { to = next; break; }
            }
            // Several statements on one line share one block; the block is theirs together.
            blocks[i] = output.GetRange(from, Math.Max(0, to - from));
        }
        return blocks;
    }

    /// <summary>Maps script line numbers to the output index of their echo, scanning forward in order.</summary>
    private static Dictionary<int, int> LocateEchoes(RegressScript script, List<string> output)
    {
        var result = new Dictionary<int, int>();
        var pos = 0;
        foreach (var lineNo in script.EchoedLines)
        {
            var text = script.Lines[lineNo];
            for (var j = pos; j < output.Count; j++)
            {
                if (!string.Equals(output[j], text, StringComparison.Ordinal)) continue;
                result[lineNo] = j;
                pos = j + 1;
                break;
            }
        }
        return result;
    }
}

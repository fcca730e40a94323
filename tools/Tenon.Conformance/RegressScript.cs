using System.Text.RegularExpressions;

namespace Tenon.Conformance;

/// <summary>One statement of a regression script: the 0-based input lines it spans.</summary>
public sealed record ScriptStatement(int FirstLine, int LastLine, string Text);

/// <summary>
/// A psql input script split the way psql reads it: into statements (SQL up to a top-level
/// semicolon, or a backslash command up to the end of its line), and into the lines psql echoes
/// under <c>-a</c> (every non-empty line except COPY FROM STDIN data, plus empty lines inside a
/// quoted string or comment). The scanner knows PostgreSQL's lexical rules only as far as
/// statement boundaries need: quotes, E'' escapes, dollar quotes, nested comments, parentheses.
/// </summary>
public sealed partial class RegressScript
{
    private RegressScript(IReadOnlyList<string> lines, IReadOnlyList<ScriptStatement> statements, IReadOnlyList<int> echoedLines)
    {
        Lines = lines;
        Statements = statements;
        EchoedLines = echoedLines;
    }

    public IReadOnlyList<string> Lines { get; }
    public IReadOnlyList<ScriptStatement> Statements { get; }

    /// <summary>The 0-based numbers of the lines psql echoes, in order.</summary>
    public IReadOnlyList<int> EchoedLines { get; }

    public static RegressScript Parse(string text)
    {
        var lines = SplitLines(text);
        var statements = new List<ScriptStatement>();
        var echoed = new List<int>();
        var scanner = new Scanner();
        var start = -1;
        var copyData = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (copyData)
            {
                if (line == "\\.") copyData = false;
                continue;
            }
            if (line.Length > 0 || scanner.InQuoteOrComment) echoed.Add(i);
            var pos = 0;
            while (pos < line.Length)
            {
                if (start < 0)
                {
                    pos = scanner.SkipBlankAndComments(line, pos);
                    if (pos >= line.Length) break;
                    start = i;
                    if (line[pos] == '\\')
                    {
                        // A backslash command at statement start runs to the end of the line.
                        statements.Add(new ScriptStatement(start, i, line[pos..].Trim()));
                        start = -1;
                        break;
                    }
                    scanner.BeginStatement();
                }
                var end = scanner.ScanToEnd(line, pos, out var terminatedByBackslash);
                if (end < 0)
                {
                    scanner.AppendLine(line[pos..]);
                    break;
                }
                scanner.Append(line[pos..end]);
                var stmtText = scanner.Text.Trim();
                statements.Add(new ScriptStatement(start, i, stmtText));
                start = -1;
                if (terminatedByBackslash) break; // \g, \gset, \gexec ... consume the rest of the line
                pos = end + 1;
                if (CopyFromStdin().IsMatch(stmtText)) copyData = true;
            }
        }
        if (start >= 0 && scanner.Text.Trim().Length > 0)
            statements.Add(new ScriptStatement(start, lines.Count - 1, scanner.Text.Trim()));
        return new RegressScript(lines, statements, echoed);
    }

    private static List<string> SplitLines(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    [GeneratedRegex(@"^copy\b.*\bfrom\s+(stdin|stdout)\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex CopyFromStdin();
}

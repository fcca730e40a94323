using System.Text.RegularExpressions;

namespace Tenon.Tests.Differential;

/// <summary>
/// Makes psql's and tenon's outputs comparable. Only two things differ by design:
/// <list type="bullet">
/// <item>the error location prefix, <c>psql:FILE:LINE: </c> versus <c>tenon:FILE:LINE: </c>: both become
/// <c>script:LINE: </c> (the line number is kept: it is part of what must match);</item>
/// <item><c>CONTEXT:</c> lines (and their continuation lines), which describe PostgreSQL internals such as
/// the SQL statements its referential-integrity triggers run: dropped from both.</item>
/// </list>
/// Everything else, including blank lines and trailing spaces, must match exactly.
/// </summary>
internal static partial class OutputNormalizer
{
    public const string ScriptToken = "script";

    /// <summary>psql prints <c>psql:FILE:LINE: </c> before server messages and its own errors when run with -f.</summary>
    [GeneratedRegex(@"^(?:psql|tenon):.*?:(?<line>\d+): ")]
    private static partial Regex LocationPrefix();

    /// <summary>Lines that continue a multi-line CONTEXT field (one per context level).</summary>
    [GeneratedRegex(@"^(?:PL/pgSQL function |SQL function |SQL statement |COPY |extension script |parallel worker|JSON data|referential integrity|while |during |portal |unnamed portal |PL/pgSQL assignment )")]
    private static partial Regex ContextContinuation();

    /// <summary>Splits <paramref name="output"/> into normalized lines.</summary>
    public static List<string> Normalize(string output)
    {
        var lines = output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);

        var result = new List<string>(lines.Count);
        var inContext = false;
        foreach (var raw in lines)
        {
            var line = LocationPrefix().Replace(raw, m => $"{ScriptToken}:{m.Groups["line"].Value}: ");
            if (line.StartsWith("CONTEXT:  ", StringComparison.Ordinal) || line == "CONTEXT:")
            {
                inContext = true;
                continue;
            }
            if (inContext && ContextContinuation().IsMatch(line)) continue;
            inContext = false;
            result.Add(line);
        }
        return result;
    }
}

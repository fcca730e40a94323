using System.Text;

namespace Tenon.Settings;

/// <summary>
/// The <c>options</c> connection parameter (libpq's PGOPTIONS): whitespace-separated switches
/// where a backslash escapes the next character; <c>-c name=value</c> and <c>--name=value</c>
/// set parameters, with dashes in names meaning underscores, as PostgreSQL reads them.
/// </summary>
internal static class StartupOptions
{
    public static IEnumerable<KeyValuePair<string, string>> Parse(string options)
    {
        var words = SplitWords(options);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            string assignment;
            if (word == "-c" && i + 1 < words.Count) assignment = words[++i];
            else if (word.StartsWith("-c", StringComparison.Ordinal) && word.Length > 2) assignment = word[2..];
            else if (word.StartsWith("--", StringComparison.Ordinal)) assignment = word[2..];
            else throw new Errors.TenonException(Errors.SqlState.SyntaxError, $"invalid command-line argument for server process: {word}",
                hint: "Try \"postgres --help\" for more information.");
            var eq = assignment.IndexOf('=');
            if (eq <= 0)
                throw new Errors.TenonException(Errors.SqlState.SyntaxError, $"--{assignment} requires a value");
            yield return new(assignment[..eq].Replace('-', '_'), assignment[(eq + 1)..]);
        }
    }

    private static List<string> SplitWords(string s)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(current.ToString());
                current.Clear();
                inWord = false;
                continue;
            }
            if (c == '\\' && i + 1 < s.Length) c = s[++i];
            current.Append(c);
            inWord = true;
        }
        if (inWord) words.Add(current.ToString());
        return words;
    }
}

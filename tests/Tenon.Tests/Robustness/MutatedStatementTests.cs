using System.Text.RegularExpressions;
using Tenon.Errors;

namespace Tenon.Tests.Robustness;

/// <summary>
/// Bad input must end in a PostgreSQL-style error, never in an internal one: every statement of
/// the differential scripts is mutated (tokens dropped, swapped, duplicated, replaced by odd
/// values) and run against the state the script built. Any error other than a
/// <see cref="TenonException"/> the engine raised on purpose fails the test: a .NET exception
/// wrapped as "internal error" (XX000 with an inner exception) is a bug. (PostgreSQL itself
/// raises a few XX000 errors on purpose, such as "could not open relation with OID n".) The seed is fixed, so a failure reproduces.
/// </summary>
public partial class MutatedStatementTests
{
    private static readonly string[] OddTokens =
        ["NULL", "0", "-1", "2147483648", "9223372036854775808", "1e400", "'x'", "''", "'2024-02-30'", "(", ")", ",", "*",
         "DEFAULT", "::int", "::text", "::uuid", "(SELECT 1)", "(SELECT NULL)", "NOT", "AND", "WHERE", "ON", "USING", "'\\x00'", "$1", "@"];

    public static TheoryData<string> Scripts()
    {
        var dir = Path.Combine(RepositoryRoot(), "tests", "sql");
        return new(Directory.GetFiles(dir, "*.sql").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Mutated_statements_fail_only_with_postgres_errors(string script)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "sql", script));
        var statements = SplitStatements(text);
        var random = new Random(script.Aggregate(12345, (h, c) => unchecked(h * 31 + c)));
        using var session = Database.OpenInMemory().CreateSession();
        var failures = new List<string>();
        foreach (var statement in statements)
        {
            for (var k = 0; k < 4; k++)
            {
                var mutated = Mutate(statement, random);
                Run(session, mutated, failures);
                if (session.TransactionStatus != TransactionStatus.Idle) Run(session, "ROLLBACK", failures);
            }
            Run(session, statement, failures); // keep building the script's state
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
    }

    private static void Run(Session session, string sql, List<string> failures)
    {
        try
        {
            foreach (var _ in session.Execute(sql)) { }
        }
        catch (TenonException ex) when (ex.InnerException is null && ex.SqlState.Length == 5)
        {
        }
        catch (Exception ex)
        {
            failures.Add($"{sql}\n  → {ex.GetType().Name}: {ex.Message}\n{ex.InnerException?.StackTrace?.Split('\n').Take(4).Aggregate("", (a, b) => a + b + "\n")}");
        }
    }

    private static string Mutate(string statement, Random random)
    {
        var tokens = Token().Matches(statement).Select(m => m.Value).ToList();
        if (tokens.Count == 0) return statement;
        var i = random.Next(tokens.Count);
        switch (random.Next(4))
        {
            case 0: tokens.RemoveAt(i); break;
            case 1: tokens.Insert(i, tokens[random.Next(tokens.Count)]); break;
            case 2:
                var j = random.Next(tokens.Count);
                (tokens[i], tokens[j]) = (tokens[j], tokens[i]);
                break;
            default: tokens[i] = OddTokens[random.Next(OddTokens.Length)]; break;
        }
        return string.Join(' ', tokens);
    }

    /// <summary>Statements of a script: split at semicolons outside quotes; psql meta-commands and comments dropped.</summary>
    private static List<string> SplitStatements(string text)
    {
        var lines = text.Split('\n').Where(l => !l.TrimStart().StartsWith('\\')).Select(l => CommentRegex().Replace(l, ""));
        var sql = string.Join('\n', lines);
        var result = new List<string>();
        var start = 0;
        var inQuote = false;
        for (var i = 0; i < sql.Length; i++)
        {
            if (sql[i] == '\'') inQuote = !inQuote;
            else if (sql[i] == ';' && !inQuote)
            {
                var s = sql[start..i].Trim();
                if (s.Length > 0) result.Add(s);
                start = i + 1;
            }
        }
        return result;
    }

    [GeneratedRegex(@"'(?:[^']|'')*'|""[^""]*""|[A-Za-z_][A-Za-z_0-9$]*|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|::|<>|<=|>=|!=|\|\||\S")]
    private static partial Regex Token();

    [GeneratedRegex(@"--(?=(?:[^']*'[^']*')*[^']*$).*$")]
    private static partial Regex CommentRegex();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tenon.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Tenon.slnx not found");
    }
}

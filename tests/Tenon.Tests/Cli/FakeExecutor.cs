using System.Globalization;
using Tenon.Cli;
using Tenon.Types;

namespace Tenon.Tests.Cli;

/// <summary>An <see cref="IStatementExecutor"/> that records what the shell sends and answers from a script.</summary>
internal sealed class FakeExecutor : IStatementExecutor
{
    private readonly Func<FakeExecutor, string, IEnumerable<StatementResult>> _answer;

    public FakeExecutor(Func<FakeExecutor, string, IEnumerable<StatementResult>>? answer = null)
    {
        _answer = answer ?? ((_, sql) => [new StatementResult("SELECT 0", [new ResultColumn("q", SqlType.Text)], [[sql]])]);
    }

    public List<string> Sent { get; } = [];

    public TransactionStatus TransactionStatus { get; set; }

    public event Action<Notice>? NoticeRaised;

    public void RaiseNotice(Notice notice) => NoticeRaised?.Invoke(notice);

    public IEnumerable<StatementResult> Execute(string sql)
    {
        Sent.Add(sql);
        return _answer(this, sql);
    }

    public string FormatValue(object value, SqlType type) => Convert.ToString(value, CultureInfo.InvariantCulture)!;

    /// <summary>Runs the shell in-process on <paramref name="script"/> (as a file, or on stdin when <paramref name="fileName"/> is null).</summary>
    public (int ExitCode, string Output) Run(string script, string[] args, string? fileName = "test.sql")
    {
        var writer = new StringWriter { NewLine = "\n" };
        int code;
        if (fileName is null)
        {
            code = CliMain.Run(args, new StringReader(script), writer, writer, null, () => this);
        }
        else
        {
            var dir = Path.Combine(Path.GetTempPath(), "tenon-cli-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, fileName);
            File.WriteAllText(path, script);
            var cwd = Environment.CurrentDirectory;
            try
            {
                code = CliMain.Run([.. args, "-f", path], TextReader.Null, writer, writer, null, () => this);
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
            return (code, writer.ToString().Replace(path, fileName, StringComparison.Ordinal));
        }
        return (code, writer.ToString());
    }
}

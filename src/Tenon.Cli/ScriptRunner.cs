using System.Text;

namespace Tenon.Cli;

// psql's main loop (psql/mainloop.c) over one input source: a script file, stdin, or the
// interactive line reader. For each input line:
//
//   M.1  Count the line (the LINE in "tenon:FILE:LINE:" is the line being processed when a
//        statement ends, i.e. the line of its ';'). Empty lines outside quotes are skipped
//        entirely: not echoed, and no '\n' is added to the query buffer.
//   M.2  With ECHO=all (-a) and non-interactive input, echo the line to stdout.
//   M.3  If the buffer already holds text, append '\n' (remembering where, so a line holding
//        only a meta-command adds nothing).
//   M.4  Lex: on ';' send the buffer, on '\' run the meta-command, at end of line read on.
//        After a failed statement with ON_ERROR_STOP set, stop (exit status 3).
//   M.5  At end of input, a non-empty buffer (no final ';') is sent, unless interactive.
internal sealed partial class ScriptRunner
{
    private const string ProgramName = "tenon";

    private readonly IStatementExecutor _executor;
    private readonly CliOutput _output;
    private string? _inputFile;
    private long _lineNo;
    private bool _interactive;

    public ScriptRunner(IStatementExecutor executor, CliOutput output)
    {
        _executor = executor;
        _output = output;
        _executor.NoticeRaised += OnNotice;
    }

    public PsqlVariables Variables { get; } = new();

    public PrintSettings Print { get; } = new();

    private bool Quiet => Variables.IsOn("QUIET");

    /// <summary>Runs a script file (-f FILE, or "-" for stdin); returns an exit status.</summary>
    public int RunFile(string path, TextReader stdin) => RunFile(path, stdin, topLevel: true);

    private int RunFile(string path, TextReader stdin, bool topLevel)
    {
        if (path == "-") return RunSource(stdin, "<stdin>", interactive: false, lineReader: null);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var message = $"{path}: {DescribeIoError(ex)}";
            if (topLevel) _output.WriteError($"{ProgramName}: error: {message}\n");
            else LogError(message);
            return ExitCodes.Failure;
        }
        return RunSource(new StringReader(text), path, interactive: false, lineReader: null);
    }

    internal static string DescribeIoError(Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "No such file or directory",
        UnauthorizedAccessException => "Permission denied",
        _ => ex.Message,
    };

    /// <summary>Runs input from a reader (stdin, non-interactive: no file prefix on messages).</summary>
    public int RunReader(TextReader reader) => RunSource(reader, null, interactive: false, lineReader: null);

    /// <summary>Runs an interactive session with prompts.</summary>
    public int RunInteractive(ILineReader lineReader) => RunSource(TextReader.Null, null, interactive: true, lineReader);

    /// <summary>Runs one -c argument: a meta-command line if it starts with '\', else one query string as is.</summary>
    public int RunCommand(string command)
    {
        if (command.StartsWith('\\'))
        {
            var lexer = NewLexer();
            lexer.Setup(command[1..]);
            var buffer = new StringBuilder();
            var status = HandleSlashCommand(lexer, buffer, "");
            if (status == SlashStatus.Send) return SendQuery(buffer.ToString()) ? ExitCodes.Success : ExitCodes.Failure;
            return status == SlashStatus.Error ? ExitCodes.Failure : ExitCodes.Success;
        }
        return SendQuery(command) ? ExitCodes.Success : ExitCodes.Failure;
    }

    private PsqlLexer NewLexer() => new(Variables.Get, LogWarning);

    private int RunSource(TextReader reader, string? inputFile, bool interactive, ILineReader? lineReader)
    {
        var savedFile = _inputFile;
        var savedLine = _lineNo;
        var savedInteractive = _interactive;
        var savedSource = (_copySource, _copyLineReader);
        _inputFile = inputFile;
        _lineNo = 0;
        _interactive = interactive;
        (_copySource, _copyLineReader) = (reader, lineReader);
        try
        {
            return MainLoop(reader, lineReader);
        }
        finally
        {
            _inputFile = savedFile;
            _lineNo = savedLine;
            _interactive = savedInteractive;
            (_copySource, _copyLineReader) = savedSource;
            _output.Flush();
        }
    }

    private int MainLoop(TextReader reader, ILineReader? lineReader)
    {
        var buffer = new StringBuilder();
        var previous = "";
        var lexer = NewLexer();
        var prompt = PromptStatus.Ready;
        var result = ExitCodes.Success;
        var dieOnError = false;
        var history = new StringBuilder();

        while (result == ExitCodes.Success)
        {
            string? line;
            if (_interactive && lineReader is not null)
            {
                _output.Flush();
                if (buffer.Length == 0) prompt = PromptStatus.Ready;
                line = ReadInteractiveLine(lineReader, prompt, buffer, lexer);
            }
            else
            {
                line = reader.ReadLine();
            }

            if (line is null)
            {
                if (_interactive) _output.Write(Quiet ? "\n" : "\\q\n");
                break;
            }

            _lineNo++;
            if (_lineNo == 1 && line.StartsWith('\uFEFF')) line = line[1..];

            // M.1
            if (line.Length == 0 && !lexer.InQuote) continue;

            if (_interactive && buffer.Length == 0 && IsHelpRequest(line))
            {
                _output.Write(HelpText.Greeting);
                continue;
            }

            // M.2
            if (Variables.Echo == EchoMode.All && !_interactive) _output.Write(line + "\n");

            // M.3
            var addedNewlineAt = -1;
            if (buffer.Length > 0)
            {
                buffer.Append('\n');
                addedNewlineAt = buffer.Length;
            }

            dieOnError = Variables.IsOn("ON_ERROR_STOP");
            lexer.Setup(line);
            var success = true;
            var terminate = false;
            if (_interactive) history.Append(history.Length > 0 ? "\n" : "").Append(line);

            // M.4
            while (success || !dieOnError)
            {
                var scan = lexer.Scan(buffer, out prompt);
                if (scan == ScanResult.Semicolon)
                {
                    FlushHistory(lineReader, history);
                    var query = buffer.ToString();
                    success = SendQuery(query);
                    previous = query;
                    buffer.Clear();
                    addedNewlineAt = -1;
                }
                else if (scan == ScanResult.Backslash)
                {
                    if (buffer.Length == addedNewlineAt) buffer.Length--;
                    addedNewlineAt = -1;
                    FlushHistory(lineReader, history);

                    var status = HandleSlashCommand(lexer, buffer, previous);
                    success = status != SlashStatus.Error;
                    if (status == SlashStatus.Send)
                    {
                        var query = buffer.Length > 0 ? buffer.ToString() : previous;
                        success = SendQuery(query);
                        previous = query;
                        buffer.Clear();
                        lexer.Reset();
                    }
                    else if (status == SlashStatus.Terminate)
                    {
                        terminate = true;
                        break;
                    }
                }

                if (scan is ScanResult.Incomplete or ScanResult.Eol) break;
            }

            if (terminate) break;
            if (!_interactive && !success && dieOnError) result = ExitCodes.User;
        }

        // M.5
        if (buffer.Length > 0 && !_interactive && result == ExitCodes.Success)
        {
            var success = SendQuery(buffer.ToString());
            if (!success && dieOnError) result = ExitCodes.User;
        }
        return result;
    }

    private static bool IsHelpRequest(string line) =>
        line.StartsWith("help", StringComparison.OrdinalIgnoreCase)
        && (line.Length == 4 || line[4] == ';' || char.IsWhiteSpace(line[4]));

    private static void FlushHistory(ILineReader? lineReader, StringBuilder history)
    {
        if (lineReader is null || history.Length == 0) return;
        lineReader.AddHistory(history.ToString());
        history.Clear();
    }

    private string? ReadInteractiveLine(ILineReader lineReader, PromptStatus status, StringBuilder buffer, PsqlLexer lexer)
    {
        try
        {
            return lineReader.ReadLine(BuildPrompt(status));
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: psql discards the query buffer and starts over.
            buffer.Clear();
            lexer.Reset();
            return "";
        }
    }

    /// <summary>The prompt psql's default PROMPT1/PROMPT2 ("%/%R%x%# ") would show, with "tenon" for the database.</summary>
    internal string BuildPrompt(PromptStatus status)
    {
        var r = status switch
        {
            PromptStatus.Continue => '-',
            PromptStatus.SingleQuote => '\'',
            PromptStatus.DoubleQuote => '"',
            PromptStatus.DollarQuote => '$',
            PromptStatus.Comment => '*',
            PromptStatus.Paren => '(',
            _ => '=',
        };
        var x = _executor.TransactionStatus switch
        {
            TransactionStatus.InTransaction => "*",
            TransactionStatus.Failed => "!",
            _ => "",
        };
        return $"{ProgramName}{r}{x}> ";
    }

    // ---- messages (psql's pg_log_* with its locus callback) ----

    /// <summary>"tenon:FILE:LINE: " while reading a file, else nothing.</summary>
    private string Locus => _inputFile is null ? "" : $"{ProgramName}:{_inputFile}:{_lineNo}: ";

    /// <summary>A server message (error or notice), printed as is after the locus.</summary>
    private void LogServerMessage(string text) => _output.WriteError(Locus + text);

    internal void LogError(string message) => LogLevel("error", message);

    internal void LogWarning(string message) => LogLevel("warning", message);

    private void LogLevel(string level, string message)
    {
        // Inside a file psql prints "psql:FILE:LINE: error: msg"; elsewhere just "msg".
        if (_inputFile is not null) _output.WriteError($"{Locus}{level}: {message}\n");
        else _output.WriteError(message + "\n");
    }

    private void OnNotice(Notice notice)
    {
        var text = ErrorPrinter.Format(ErrorReport.From(notice), null, Variables.Verbosity, Variables.ShowContext, isError: false);
        LogServerMessage(text);
    }
}

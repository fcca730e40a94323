using Tenon.Cli;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Tests.Cli;

/// <summary>Whole runs of the shell with a fake engine; expected texts are psql 15's output for the same script.</summary>
public sealed class ShellTests
{
    private static IEnumerable<StatementResult> Answer(FakeExecutor fake, string sql)
    {
        switch (sql)
        {
            case "select 1 as a;":
                return [new StatementResult("SELECT 1", [new ResultColumn("a", SqlType.Int4)], [[1]])];
            case "select 2;":
                return [new StatementResult("SELECT 1", [new ResultColumn("?column?", SqlType.Int4)], [[2]])];
            case "select\n  foo\n  from bar;":
                throw new TenonException("42P01", "relation \"bar\" does not exist") { Position = 21 };
            case "select 1 +\n;":
                throw new TenonException("42601", "syntax error at or near \";\"") { Position = 12 };
            case "do $$ begin raise notice 'hi %', 1; end $$;":
                fake.RaiseNotice(new Notice("NOTICE", "00000", "hi 1"));
                return [new StatementResult("DO")];
            case "select 1/0;":
                throw new TenonException("22012", "division by zero");
            case "insert into t values (1),(2);":
                return [new StatementResult("INSERT 0 2")];
            case "trailing stuff without semicolon":
                throw new TenonException("42601", "syntax error at or near \"trailing\"") { Position = 1 };
            default:
                throw new TenonException("XX000", "unexpected: " + sql);
        }
    }

    private const string Script = """
        -- leading comment
        select 1 as a;

        select 1 as a; select 2;
        select
          foo
          from bar;
           -- comment
           select 1 +
        ;
        \echo hello world
        do $$ begin raise notice 'hi %', 1; end $$;
        \foo bar
        select 1/0;
        trailing stuff without semicolon

        """;

    private const string Expected = """
        -- leading comment
        select 1 as a;
         a 
        ---
         1
        (1 row)

        select 1 as a; select 2;
         a 
        ---
         1
        (1 row)

         ?column? 
        ----------
                2
        (1 row)

        select
          foo
          from bar;
        tenon:test.sql:7: ERROR:  relation "bar" does not exist
        LINE 3:   from bar;
                       ^
           -- comment
           select 1 +
        ;
        tenon:test.sql:10: ERROR:  syntax error at or near ";"
        LINE 2: ;
                ^
        \echo hello world
        hello world
        do $$ begin raise notice 'hi %', 1; end $$;
        tenon:test.sql:12: NOTICE:  hi 1
        \foo bar
        tenon:test.sql:13: error: invalid command \foo
        select 1/0;
        tenon:test.sql:14: ERROR:  division by zero
        trailing stuff without semicolon
        tenon:test.sql:15: ERROR:  syntax error at or near "trailing"
        LINE 1: trailing stuff without semicolon
                ^

        """;

    [Fact]
    public void Echo_all_quiet_file_matches_psql()
    {
        var fake = new FakeExecutor(Answer);
        var (code, output) = fake.Run(Script, ["-X", "-a", "-q"]);
        Assert.Equal(Expected, output);
        Assert.Equal(0, code);
    }

    [Fact]
    public void Stdin_has_no_file_prefix_on_messages()
    {
        var fake = new FakeExecutor(Answer);
        var (code, output) = fake.Run(Script, ["-X", "-a", "-q"], fileName: null);
        var expected = System.Text.RegularExpressions.Regex.Replace(Expected, @"tenon:test\.sql:\d+: (error: )?", "");
        Assert.Equal(expected, output);
        Assert.Equal(0, code);
    }

    [Fact]
    public void Without_quiet_command_tags_print()
    {
        var fake = new FakeExecutor(Answer);
        var (_, output) = fake.Run("insert into t values (1),(2);\nselect 1 as a;\n", ["-X", "-a"]);
        Assert.Equal("insert into t values (1),(2);\nINSERT 0 2\nselect 1 as a;\n a \n---\n 1\n(1 row)\n\n", output);
    }

    [Fact]
    public void Echo_queries_prints_the_sent_text()
    {
        var fake = new FakeExecutor(Answer);
        var (_, output) = fake.Run("  select 1 as a;\n", ["-X", "-e", "-q"]);
        Assert.Equal("select 1 as a;\n a \n---\n 1\n(1 row)\n\n", output);
    }

    [Fact]
    public void On_error_stop_ends_the_script_with_status_3()
    {
        var fake = new FakeExecutor(Answer);
        var (code, output) = fake.Run("\\set ON_ERROR_STOP on\nselect 1/0; select 2;\nselect 2;\n", ["-X", "-a", "-q"]);
        Assert.Equal(3, code);
        Assert.Equal("\\set ON_ERROR_STOP on\nselect 1/0; select 2;\ntenon:test.sql:2: ERROR:  division by zero\n", output);
        Assert.Equal(["select 1/0;"], fake.Sent);
    }

    [Fact]
    public void Command_exit_status_is_that_of_the_last_command()
    {
        var fake = new FakeExecutor(Answer);
        Assert.Equal(0, CliMain.Run(["-c", "select 1/0;", "-c", "select 2;"], TextReader.Null, TextWriter.Null, TextWriter.Null, null, () => fake));
        Assert.Equal(1, CliMain.Run(["-c", "select 2;", "-c", "select 1/0;"], TextReader.Null, TextWriter.Null, TextWriter.Null, null, () => fake));
    }

    [Fact]
    public void Missing_file_is_fatal()
    {
        var err = new StringWriter();
        Assert.Equal(1, CliMain.Run(["-f", "/nonexistent/x.sql"], TextReader.Null, TextWriter.Null, err, null, () => new FakeExecutor()));
        Assert.Equal("tenon: error: /nonexistent/x.sql: No such file or directory\n", err.ToString());
    }

    [Fact]
    public void File_databases_keep_their_data_between_runs_and_foreign_files_are_refused()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tenon-cli-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            var db = Path.Combine(dir, "app.tenon");
            Assert.Equal(0, CliMain.Run(["-X", "-q", "-c", "CREATE TABLE t (a int); INSERT INTO t VALUES (42)", db], TextReader.Null, TextWriter.Null, TextWriter.Null));
            var output = new StringWriter();
            Assert.Equal(0, CliMain.Run(["-X", "-A", "-t", "-c", "SELECT a FROM t", db], TextReader.Null, output, output));
            Assert.Equal("42\n", output.ToString());
            var foreign = Path.Combine(dir, "notes.txt");
            File.WriteAllText(foreign, "just some text");
            var error = new StringWriter();
            Assert.Equal(2, CliMain.Run(["-X", "-c", "SELECT 1", foreign], TextReader.Null, error, error));
            Assert.Contains("is not a Tenon database", error.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Meta_commands_report_like_psql_when_not_quiet()
    {
        var fake = new FakeExecutor(Answer);
        var (_, output) = fake.Run("\\pset null '(null)'\n\\pset tuples_only off\n\\x\n\\unset a b\n\\set ON_ERROR_STOP maybe\n\\echo -n abc\n\\echo def\n\\pset foo\n", ["-X", "-a"]);
        Assert.Equal("""
            \pset null '(null)'
            Null display is "(null)".
            \pset tuples_only off
            \x
            Expanded display is on.
            \unset a b
            tenon:test.sql:4: warning: \unset: extra argument "b" ignored
            \set ON_ERROR_STOP maybe
            tenon:test.sql:5: error: unrecognized value "maybe" for "ON_ERROR_STOP": Boolean expected
            \echo -n abc
            abc\echo def
            def
            \pset foo
            tenon:test.sql:8: error: \pset: unknown option: foo

            """, output);
    }

    [Fact]
    public void Echo_interpolates_and_unquotes()
    {
        var fake = new FakeExecutor(Answer);
        var (_, output) = fake.Run("\\set foo 42\n\\set bar 'it''s' 'x'\n\\echo :foo :'bar' \":foo\" 'a\\tb'\n", ["-X", "-q"]);
        Assert.Equal("42 'it''sx' \":foo\" a\tb\n", output);
    }

    [Fact]
    public void Quit_in_an_included_file_ends_only_that_file()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tenon-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "inc.sql"), "select 1 as a;\n\\q\nselect 2;\n");
            File.WriteAllText(Path.Combine(dir, "main.sql"), "\\ir inc.sql\nselect 2;\n");
            var fake = new FakeExecutor(Answer);
            var writer = new StringWriter();
            CliMain.Run(["-X", "-q", "-f", Path.Combine(dir, "main.sql")], TextReader.Null, writer, writer, null, () => fake);
            Assert.Equal(["select 1 as a;", "select 2;"], fake.Sent);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Prompt_shows_continuation_and_transaction_state()
    {
        var fake = new FakeExecutor(Answer);
        var runner = new ScriptRunner(fake, new CliOutput(TextWriter.Null, TextWriter.Null));
        Assert.Equal("tenon=> ", runner.BuildPrompt(PromptStatus.Ready));
        Assert.Equal("tenon-> ", runner.BuildPrompt(PromptStatus.Continue));
        fake.TransactionStatus = TransactionStatus.Failed;
        Assert.Equal("tenon=!> ", runner.BuildPrompt(PromptStatus.Ready));
        fake.TransactionStatus = TransactionStatus.InTransaction;
        Assert.Equal("tenon(*> ", runner.BuildPrompt(PromptStatus.Paren));
    }

    [Fact]
    public void Interactive_session_runs_lines_and_quits()
    {
        var fake = new FakeExecutor(Answer);
        var reader = new ScriptedLineReader("select 1", " as a;", "\\q", "select 2;");
        var writer = new StringWriter();
        var code = CliMain.Run(["-X", "-q"], TextReader.Null, writer, writer, reader, () => fake);
        Assert.Equal(0, code);
        Assert.Equal(["select 1\n as a;"], fake.Sent);
        Assert.Equal(["tenon=> ", "tenon-> ", "tenon=> "], reader.Prompts);
        Assert.Equal(["select 1\n as a;", "\\q"], reader.History);
    }

    private sealed class ScriptedLineReader(params string[] lines) : ILineReader
    {
        private readonly Queue<string> _lines = new(lines);
        public List<string> Prompts { get; } = [];
        public List<string> History { get; } = [];

        public string? ReadLine(string prompt)
        {
            Prompts.Add(prompt);
            return _lines.Count > 0 ? _lines.Dequeue() : null;
        }

        public void AddHistory(string entry) => History.Add(entry);
    }
}

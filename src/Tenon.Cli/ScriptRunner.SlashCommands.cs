using System.Globalization;
using System.Text;

namespace Tenon.Cli;

// Meta-commands (psql/command.c). HandleSlashCommand reads the name, runs it, then, as psql does:
// after a valid command, warns about each argument it did not use; after a failed one, drops the
// rest of the line; finally swallows a "\\" separator so SQL can follow on the same line.
internal sealed partial class ScriptRunner
{
    private SlashStatus HandleSlashCommand(PsqlLexer lexer, StringBuilder buffer, string previous)
    {
        var command = lexer.ReadCommandName();
        var status = ExecuteSlashCommand(command, lexer, buffer, previous);
        if (status == SlashStatus.Unknown)
        {
            LogError($"invalid command \\{command}");
            if (_interactive) LogError("Try \\? for help.");
            status = SlashStatus.Error;
        }

        if (status != SlashStatus.Error)
        {
            while (lexer.ReadOption(SlashOptionKind.NoEval) is { } extra) LogWarning($"\\{command}: extra argument \"{extra}\" ignored");
        }
        else
        {
            while (lexer.ReadOption(SlashOptionKind.WholeLine) is not null) { }
        }
        lexer.EndCommand();
        return status;
    }

    private SlashStatus ExecuteSlashCommand(string command, PsqlLexer lexer, StringBuilder buffer, string previous)
    {
        switch (command)
        {
            case "q":
            case "quit":
                return SlashStatus.Terminate;
            case "echo":
            case "qecho":
            case "warn":
                return Echo(command, lexer);
            case "set":
                return SetVariable(lexer);
            case "getenv":
                return GetEnvironmentVariable(lexer);
            case "unset":
                {
                    var name = lexer.ReadOption(SlashOptionKind.Normal);
                    if (name is null)
                    {
                        LogError("\\unset: missing required argument");
                        return SlashStatus.Error;
                    }
                    var error = Variables.Set(name, null);
                    if (error is null) return SlashStatus.SkipLine;
                    LogError(error);
                    return SlashStatus.Error;
                }
            case "i":
            case "include":
            case "ir":
            case "include_relative":
                return Include(command, lexer);
            case "pset":
                {
                    var name = lexer.ReadOption(SlashOptionKind.Normal);
                    if (name is null)
                    {
                        foreach (var option in new[] { "border", "csv_fieldsep", "expanded", "fieldsep", "footer", "format", "null", "title", "tuples_only" })
                        {
                            _output.Write(PsetInfo(option) + "\n");
                        }
                        return SlashStatus.SkipLine;
                    }
                    var value = lexer.ReadOption(SlashOptionKind.Normal);
                    return Pset(name, value) ? SlashStatus.SkipLine : SlashStatus.Error;
                }
            case "a":
                return Pset("format", Print.Format == PrintFormat.Aligned ? "unaligned" : "aligned") ? SlashStatus.SkipLine : SlashStatus.Error;
            case "t":
                return Pset("tuples_only", lexer.ReadOption(SlashOptionKind.Normal)) ? SlashStatus.SkipLine : SlashStatus.Error;
            case "x":
                return Pset("expanded", lexer.ReadOption(SlashOptionKind.Normal)) ? SlashStatus.SkipLine : SlashStatus.Error;
            case "timing":
                {
                    var value = lexer.ReadOption(SlashOptionKind.Normal);
                    if (value is null) _timing = !_timing;
                    else if (PsqlVariables.ParseBool(value) is { } on) _timing = on;
                    else
                    {
                        LogError($"unrecognized value \"{value}\" for \"\\timing\": Boolean expected");
                        return SlashStatus.Error;
                    }
                    if (!Quiet) _output.Write(_timing ? "Timing is on.\n" : "Timing is off.\n");
                    return SlashStatus.SkipLine;
                }
            case "g":
                if (lexer.ReadOption(SlashOptionKind.Normal) is not null)
                {
                    LogError("\\g: sending output to a file or command is not supported");
                    return SlashStatus.Error;
                }
                return SlashStatus.Send;
            case "gset":
                _gsetPrefix = lexer.ReadOption(SlashOptionKind.Normal) ?? "";
                return SlashStatus.Send;
            case "r":
            case "reset":
                buffer.Clear();
                lexer.Reset();
                if (!Quiet) _output.Write("Query buffer reset (cleared).\n");
                return SlashStatus.SkipLine;
            case "p":
            case "print":
                {
                    var text = buffer.Length > 0 ? buffer.ToString() : previous;
                    _output.Write(text.Length > 0 ? text + "\n" : "Query buffer is empty.\n");
                    return SlashStatus.SkipLine;
                }
            case "encoding":
                if (lexer.ReadOption(SlashOptionKind.Normal) is { } encoding && !encoding.Equals("UTF8", StringComparison.OrdinalIgnoreCase))
                {
                    LogError($"{encoding}: invalid encoding name or conversion procedure not found");
                    return SlashStatus.Error;
                }
                _output.Write("UTF8\n");
                return SlashStatus.SkipLine;
            case "conninfo":
                _output.Write("You are connected to an in-memory Tenon database.\n");
                return SlashStatus.SkipLine;
            case "?":
                _output.Write(HelpText.MetaCommands);
                return SlashStatus.SkipLine;
            case "sv":
            case "sv+":
                return ShowView(command, lexer);
            case "!":
                lexer.ReadOption(SlashOptionKind.WholeLine);
                LogError("\\!: shell commands are not supported");
                return SlashStatus.Error;
            case "z":
            case "zS":
                return DescribePrivileges(command, lexer);
            default:
                return command.StartsWith('d') ? Describe(command, lexer) : SlashStatus.Unknown;
        }
    }

    private SlashStatus Echo(string command, PsqlLexer lexer)
    {
        var sb = new StringBuilder();
        var newline = true;
        var index = 0;
        while (lexer.ReadOption(SlashOptionKind.Normal) is { } arg)
        {
            if (index++ == 0 && arg == "-n")
            {
                newline = false;
                continue;
            }
            if (sb.Length > 0 || index > (newline ? 1 : 2)) sb.Append(' ');
            sb.Append(arg);
        }
        if (newline) sb.Append('\n');
        if (command == "warn") _output.WriteError(sb.ToString());
        else _output.Write(sb.ToString());
        return SlashStatus.SkipLine;
    }

    private SlashStatus SetVariable(PsqlLexer lexer)
    {
        var name = lexer.ReadOption(SlashOptionKind.Normal);
        if (name is null)
        {
            foreach (var (key, value) in Variables.All) _output.Write($"{key} = '{value}'\n");
            return SlashStatus.SkipLine;
        }
        var sb = new StringBuilder();
        while (lexer.ReadOption(SlashOptionKind.Normal) is { } part) sb.Append(part);
        var error = Variables.Set(name, sb.ToString());
        if (error is null) return SlashStatus.SkipLine;
        LogError(error);
        return SlashStatus.Error;
    }

    /// <summary><c>\getenv psql_var env_var</c>: copies an environment variable into a psql variable (unset stays unset).</summary>
    private SlashStatus GetEnvironmentVariable(PsqlLexer lexer)
    {
        var name = lexer.ReadOption(SlashOptionKind.Normal);
        var envName = lexer.ReadOption(SlashOptionKind.Normal);
        if (name is null || envName is null)
        {
            LogError("\\getenv: missing required argument");
            return SlashStatus.Error;
        }
        var value = Environment.GetEnvironmentVariable(envName);
        if (value is null) return SlashStatus.SkipLine;
        var error = Variables.Set(name, value);
        if (error is null) return SlashStatus.SkipLine;
        LogError(error);
        return SlashStatus.Error;
    }

    private SlashStatus Include(string command, PsqlLexer lexer)
    {
        var name = lexer.ReadOption(SlashOptionKind.Normal);
        if (name is null)
        {
            LogError($"\\{command}: missing required argument");
            return SlashStatus.Error;
        }
        var path = name;
        if (command is "ir" or "include_relative" && _inputFile is not null && _inputFile != "<stdin>" && !Path.IsPathRooted(name))
        {
            var dir = Path.GetDirectoryName(_inputFile);
            if (!string.IsNullOrEmpty(dir)) path = Path.Combine(dir, name);
        }
        var result = RunFile(path, TextReader.Null, topLevel: false);
        return result == ExitCodes.Success ? SlashStatus.SkipLine : SlashStatus.Error;
    }

    /// <summary>psql's do_pset: sets an option and, unless quiet, reports it (see PsetInfo).</summary>
    /// <summary>Applies a -P option: like \pset, but never reports the new setting.</summary>
    public bool ApplyPrintOption(string option, string? value) => Pset(option, value, quiet: true);

    private bool Pset(string option, string? value, bool quiet = false)
    {
        switch (option)
        {
            case "format":
                if (value is not null)
                {
                    var formats = new[] { "aligned", "asciidoc", "csv", "html", "latex", "latex-longtable", "troff-ms", "unaligned", "wrapped" };
                    var matches = formats.Where(f => f.StartsWith(value, StringComparison.OrdinalIgnoreCase)).ToArray();
                    var chosen = matches.Length == 1 ? matches[0] : formats.FirstOrDefault(f => f.Equals(value, StringComparison.OrdinalIgnoreCase));
                    switch (chosen)
                    {
                        case "aligned":
                        case "wrapped":
                            Print.Format = PrintFormat.Aligned;
                            break;
                        case "unaligned":
                            Print.Format = PrintFormat.Unaligned;
                            break;
                        case "csv":
                            Print.Format = PrintFormat.Csv;
                            break;
                        default:
                            LogError("\\pset: allowed formats are aligned, asciidoc, csv, html, latex, latex-longtable, troff-ms, unaligned, wrapped");
                            return false;
                    }
                }
                break;
            case "border":
                if (value is not null) Print.Border = Math.Clamp(LeadingInt(value), 0, 2);
                break;
            case "x":
            case "expanded":
            case "vertical":
                option = "expanded";
                if (value is null) Print.Expanded = !Print.Expanded;
                else if (PsqlVariables.ParseBool(value) is { } on) Print.Expanded = on;
                else
                {
                    LogError($"unrecognized value \"{value}\" for \"{option}\"\nAvailable values are: on, off, auto.");
                    return false;
                }
                break;
            case "null":
                if (value is not null) Print.NullDisplay = value;
                break;
            case "fieldsep":
                if (value is not null) Print.FieldSeparator = value;
                break;
            case "csv_fieldsep":
                if (value is not null) Print.CsvFieldSeparator = value;
                break;
            case "title":
                Print.Title = value;
                break;
            case "t":
            case "tuples_only":
                if (value is null)
                {
                    Print.TuplesOnly = !Print.TuplesOnly;
                    option = "tuples_only";
                    break;
                }
                // psql returns before reporting when a value is given.
                return SetBool(value, option, b => Print.TuplesOnly = b);
            case "footer":
                if (value is null)
                {
                    Print.Footer = !Print.Footer;
                    break;
                }
                return SetBool(value, option, b => Print.Footer = b);
            case "pager":
                return true;
            default:
                LogError($"\\pset: unknown option: {option}");
                return false;
        }
        if (!Quiet && !quiet) _output.Write(PsetInfo(option) + "\n");
        return true;
    }

    private bool SetBool(string value, string name, Action<bool> set)
    {
        if (PsqlVariables.ParseBool(value) is { } b)
        {
            set(b);
            return true;
        }
        LogError($"unrecognized value \"{value}\" for \"{name}\": Boolean expected");
        return false;
    }

    private static int LeadingInt(string s)
    {
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        return i == 0 ? 0 : int.TryParse(s.AsSpan(0, i), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
    }

    private string PsetInfo(string option) => option switch
    {
        "border" => $"Border style is {Print.Border}.",
        "csv_fieldsep" => $"Field separator for CSV is \"{Print.CsvFieldSeparator}\".",
        "expanded" => Print.Expanded ? "Expanded display is on." : "Expanded display is off.",
        "fieldsep" => $"Field separator is \"{Print.FieldSeparator}\".",
        "footer" => Print.Footer ? "Default footer is on." : "Default footer is off.",
        "format" => $"Output format is {Print.Format switch { PrintFormat.Unaligned => "unaligned", PrintFormat.Csv => "csv", _ => "aligned" }}.",
        "null" => $"Null display is \"{Print.NullDisplay}\".",
        "title" => Print.Title is null ? "Title is unset." : $"Title is \"{Print.Title}\".",
        "tuples_only" => Print.TuplesOnly ? "Tuples only is on." : "Tuples only is off.",
        _ => "",
    };
}

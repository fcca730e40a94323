namespace Tenon.Cli;

/// <summary>One -c or -f action, run in command-line order (as psql does).</summary>
internal sealed record CliAction(bool IsFile, string Value);

/// <summary>
/// psql's command-line options, parsed getopt-style: short options may be grouped (-Xaq) and take
/// their argument attached (-fFILE) or as the next word; long options as --name=value or --name value.
/// </summary>
internal sealed class CommandLine
{
    public List<CliAction> Actions { get; } = [];
    public List<(string Name, string? Value)> Variables { get; } = [];
    public List<(string Name, string? Value)> PrintOptions { get; } = [];
    public string Database { get; private set; } = ":memory:";
    public bool ShowHelp { get; private set; }
    public bool ShowVersion { get; private set; }

    /// <summary>The error to print ("tenon: error: ..."), or null when the arguments are valid.</summary>
    public string? Error { get; private set; }

    private static readonly Dictionary<string, char> s_long = new(StringComparer.Ordinal)
    {
        ["command"] = 'c', ["file"] = 'f', ["set"] = 'v', ["variable"] = 'v', ["no-psqlrc"] = 'X',
        ["echo-all"] = 'a', ["echo-errors"] = 'b', ["echo-queries"] = 'e', ["quiet"] = 'q',
        ["no-align"] = 'A', ["field-separator"] = 'F', ["pset"] = 'P', ["tuples-only"] = 't',
        ["expanded"] = 'x', ["dbname"] = 'd', ["version"] = 'V', ["help"] = '?', ["csv"] = 'C',
        ["host"] = 'h', ["port"] = 'p', ["username"] = 'U', ["no-password"] = 'w', ["password"] = 'W',
    };

    private const string WithArgument = "cfvFPdhpU";
    private const string Flags = "XabeqAtxV?CwW";

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var cl = new CommandLine();
        var positional = new List<string>();
        for (var i = 0; i < args.Count && cl.Error is null; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                positional.AddRange(args.Skip(i + 1));
                break;
            }
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = arg.IndexOf('=');
                var name = eq < 0 ? arg[2..] : arg[2..eq];
                if (!s_long.TryGetValue(name, out var opt))
                {
                    cl.Error = $"unrecognized option '{arg}'";
                    break;
                }
                string? value = null;
                if (WithArgument.Contains(opt))
                {
                    if (eq >= 0) value = arg[(eq + 1)..];
                    else if (i + 1 < args.Count) value = args[++i];
                    else
                    {
                        cl.Error = $"option '--{name}' requires an argument";
                        break;
                    }
                }
                cl.Apply(opt, value);
                continue;
            }
            if (arg.Length > 1 && arg[0] == '-')
            {
                for (var k = 1; k < arg.Length; k++)
                {
                    var opt = arg[k];
                    if (WithArgument.Contains(opt))
                    {
                        string value;
                        if (k + 1 < arg.Length) value = arg[(k + 1)..];
                        else if (i + 1 < args.Count) value = args[++i];
                        else
                        {
                            cl.Error = $"option requires an argument -- '{opt}'";
                            break;
                        }
                        cl.Apply(opt, value);
                        break;
                    }
                    if (!Flags.Contains(opt))
                    {
                        cl.Error = $"invalid option -- '{opt}'";
                        break;
                    }
                    cl.Apply(opt, null);
                }
                continue;
            }
            positional.Add(arg);
        }

        if (cl.Error is null && positional.Count > 0)
        {
            cl.Database = positional[0];
            if (positional.Count > 1) cl.Error = $"extra command-line argument \"{positional[1]}\" ignored";
        }
        return cl;
    }

    private void Apply(char opt, string? value)
    {
        switch (opt)
        {
            case 'c': Actions.Add(new CliAction(false, value!)); break;
            case 'f': Actions.Add(new CliAction(true, value!)); break;
            case 'v':
                {
                    var eq = value!.IndexOf('=');
                    if (eq == 0) Error = $"invalid variable name: \"{value}\"";
                    else Variables.Add(eq < 0 ? (value, null) : (value[..eq], value[(eq + 1)..]));
                    break;
                }
            case 'P':
                {
                    var eq = value!.IndexOf('=');
                    PrintOptions.Add(eq < 0 ? (value, null) : (value[..eq], value[(eq + 1)..]));
                    break;
                }
            case 'a': Variables.Add(("ECHO", "all")); break;
            case 'b': Variables.Add(("ECHO", "errors")); break;
            case 'e': Variables.Add(("ECHO", "queries")); break;
            case 'q': Variables.Add(("QUIET", "on")); break;
            case 'A': PrintOptions.Add(("format", "unaligned")); break;
            case 'C': PrintOptions.Add(("format", "csv")); break;
            case 'F': PrintOptions.Add(("fieldsep", value)); break;
            case 't': PrintOptions.Add(("tuples_only", "on")); break;
            case 'x': PrintOptions.Add(("expanded", "on")); break;
            case 'd': Database = value!; break;
            case 'V': ShowVersion = true; break;
            case '?': ShowHelp = true; break;
            default: break; // -X, -w, -W, -h, -p, -U: accepted, meaningless for an embedded database
        }
    }
}

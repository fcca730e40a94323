using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Tenon.Server;

namespace Tenon.Cli;

/// <summary>
/// <c>tenon serve [--listen HOST:PORT] [--data DIR]</c>: runs the PostgreSQL wire-protocol server
/// over in-memory databases, or over the file databases of a data directory, until interrupted
/// (Ctrl-C, SIGTERM).
/// </summary>
internal static class ServeCommand
{
    public const string DefaultListen = "127.0.0.1:5433";

    public const string Usage = """
        tenon serve runs a PostgreSQL 15 wire-protocol server over Tenon databases.

        Usage:
          tenon serve [--listen HOST:PORT] [--socket-dir DIR] [--data DIR] [--max-connections N] [--user NAME:PASSWORD]… [--auth METHOD]

        Options:
          --listen HOST:PORT      address to listen on (default 127.0.0.1:5433; port 0 picks a free one)
          --socket-dir DIR        also listen on the Unix-domain socket DIR/.s.PGSQL.PORT, as
                                  PostgreSQL does (psql -h DIR, Npgsql Host=DIR); its clients are local
          --max-connections N     refuse connections beyond N (default 100)
          --data DIR              keep the databases as files in DIR (created if missing): each
                                  database is DIR/NAME.tenon, and all come back at the next start.
                                  Without it, the databases live in memory and end with the server.
        """ + "\n" + ServeAuthOptions.Usage + "\n" + """
          -?, --help              show this help, then exit

        Without users, any user name may connect from loopback (trust authentication). There is
        no TLS: passwords (except with scram-sha-256) and data cross the network in clear. The
        server holds the database postgres; CREATE DATABASE adds more. Stop with Ctrl-C.
        TENON_SYNCHRONOUS=full|normal|off sets how COMMIT waits for the disk with --data.

        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var listen = DefaultListen;
        var options = new PgServerOptions();
        var auth = new ServeAuthOptions();
        string? dataDirectory = null;
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            string? Value(string name)
            {
                if (a.StartsWith(name + "=", StringComparison.Ordinal)) return a[(name.Length + 1)..];
                if (i + 1 < args.Length) return args[++i];
                stderr.WriteLine($"tenon serve: error: option {name} needs a value");
                return null;
            }
            if (auth.TryHandle(a, Value, stderr) is { } handled)
            {
                if (!handled) return ExitCodes.Failure;
                continue;
            }
            switch (a)
            {
                case "-?" or "--help":
                    stdout.Write(Usage);
                    return ExitCodes.Success;
                case var _ when a == "--listen" || a.StartsWith("--listen=", StringComparison.Ordinal):
                    if (Value("--listen") is not { } l) return ExitCodes.Failure;
                    listen = l;
                    break;
                case var _ when a == "--max-connections" || a.StartsWith("--max-connections=", StringComparison.Ordinal):
                    if (Value("--max-connections") is not { } m) return ExitCodes.Failure;
                    if (!int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max < 1)
                    {
                        stderr.WriteLine($"tenon serve: error: invalid --max-connections value \"{m}\"");
                        return ExitCodes.Failure;
                    }
                    options = options with { MaxConnections = max };
                    break;
                case var _ when a == "--socket-dir" || a.StartsWith("--socket-dir=", StringComparison.Ordinal):
                    if (Value("--socket-dir") is not { } socketDir) return ExitCodes.Failure;
                    options = options with { UnixSocketDirectory = socketDir };
                    break;
                case var _ when a == "--data" || a.StartsWith("--data=", StringComparison.Ordinal):
                    if (Value("--data") is not { } d) return ExitCodes.Failure;
                    dataDirectory = d;
                    break;
                default:
                    stderr.WriteLine($"tenon serve: error: unknown option \"{a}\"");
                    stderr.WriteLine("Try \"tenon serve --help\" for more information.");
                    return ExitCodes.Failure;
            }
        }
        if (!TryParseEndPoint(listen, out var endpoint))
        {
            stderr.WriteLine($"tenon serve: error: invalid --listen address \"{listen}\" (expected HOST:PORT, e.g. {DefaultListen})");
            return ExitCodes.Failure;
        }

        if (auth.Apply(options, stderr) is not { } withAuth) return ExitCodes.Failure;
        options = withAuth;

        DatabaseRegistry databases;
        try
        {
            databases = dataDirectory is null
                ? new DatabaseRegistry(Database.OpenInMemory(), options.DropDatabaseWait)
                : DatabaseRegistry.OpenDirectory(dataDirectory, FileOptions(), options.DropDatabaseWait);
        }
        catch (Tenon.Errors.TenonException e)
        {
            stderr.WriteLine($"tenon serve: error: {e.MessageText}");
            if (e.Hint is { } hint) stderr.WriteLine($"HINT:  {hint}");
            return ExitCodes.Failure;
        }
        // The databases close (with a checkpoint) after the server has stopped and its sessions rolled back.
        using var closeDatabases = databases;
        using var server = new PgServer(databases, endpoint, options);
        try
        {
            server.Start();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            stderr.WriteLine($"tenon serve: error: could not listen on {server.UnixSocketPath ?? listen}: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (IOException e)
        {
            stderr.WriteLine($"tenon serve: error: {e.Message}");
            return ExitCodes.Failure;
        }
        var storage = databases.DataDirectory is { } dir ? $"databases in {dir}" : "in-memory databases";
        var socket = server.UnixSocketPath is { } socketPath ? $" and {socketPath}" : "";
        stderr.WriteLine($"tenon serve: listening on {FormatEndPoint(server.LocalEndPoint)}{socket} ({storage}, {auth.Summary()}; Ctrl-C stops)");
        stderr.Flush();

        using var stop = new ManualResetEvent(false);
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Set(); };
        Console.CancelKeyPress += onCancel;
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.Set(); });
        try
        {
            stop.WaitOne();
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
        stderr.WriteLine("tenon serve: shutting down");
        return ExitCodes.Success;
    }

    /// <summary>The file databases' options: TENON_SYNCHRONOUS as for the shell.</summary>
    private static DatabaseOptions FileOptions() => new() { Synchronous = CliMain.SynchronousFromEnvironment() };

    private static string FormatEndPoint(IPEndPoint ep) =>
        ep.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ep.Address}]:{ep.Port}" : $"{ep.Address}:{ep.Port}";

    /// <summary>HOST:PORT, [IPv6]:PORT, or a host name resolving to an address (localhost).</summary>
    internal static bool TryParseEndPoint(string text, out IPEndPoint endpoint)
    {
        endpoint = null!;
        var colon = text.LastIndexOf(':');
        if (colon <= 0) return false;
        var host = text[..colon].Trim('[', ']');
        if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535) return false;
        if (!IPAddress.TryParse(host, out var address))
        {
            try
            {
                address = Dns.GetHostAddresses(host).OrderBy(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 0 : 1).FirstOrDefault();
            }
            catch (System.Net.Sockets.SocketException)
            {
                return false;
            }
            if (address is null) return false;
        }
        endpoint = new IPEndPoint(address, port);
        return true;
    }
}

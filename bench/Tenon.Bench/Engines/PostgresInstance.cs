using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Tenon.Bench.Engines;

/// <summary>
/// A private, throwaway PostgreSQL 15 for the benchmark, started the way the differential tests
/// start theirs (tests/Tenon.Tests/Differential/PostgresServer.cs): <c>initdb</c> into a fresh
/// temporary directory, run as the unprivileged user <c>tenontest</c> when we are root (PostgreSQL
/// refuses to run as root). Unlike the tests' server it listens on loopback TCP (the benchmark
/// measures a client/server round trip) and keeps PostgreSQL's durability defaults
/// (<c>fsync</c>, <c>synchronous_commit</c>, <c>full_page_writes</c> on), so W9's commits are real.
/// </summary>
public sealed class PostgresInstance : IDisposable
{
    private const string DirPrefix = "tenon-bench-pg-";
    private const string ServiceUser = "tenontest";
    private readonly string? _runAs;
    private bool _stopped;

    private PostgresInstance(string binDir)
    {
        BinDir = binDir;
        _runAs = geteuid() == 0 ? EnsureServiceUser() : null;
        CleanUpStale();
        Directory = CreateDirectory();
        Port = FreePort();
        try { InitAndStart(); }
        catch { Dispose(); throw; }
    }

    public string BinDir { get; }
    public string Directory { get; }
    public int Port { get; }

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=60;Command Timeout=0";

    /// <summary>Starts a server, or returns null and the reason when PostgreSQL 15 is not installed.</summary>
    public static PostgresInstance? TryStart(out string? unavailable)
    {
        var bin = FindBinDir();
        if (bin is null)
        {
            unavailable = "PostgreSQL 15 binaries not found ($PGBIN, /usr/lib/postgresql/15/bin); apt-get install postgresql-15";
            return null;
        }
        unavailable = null;
        return new PostgresInstance(bin);
    }

    /// <summary>`postgres --version`, for the report.</summary>
    public string Version => ProcessRun.Run(Path.Combine(BinDir, "postgres"), ["--version"]).Output.Trim();

    private static string? FindBinDir()
    {
        foreach (var dir in new[] { Environment.GetEnvironmentVariable("PGBIN"), "/usr/lib/postgresql/15/bin" })
        {
            if (string.IsNullOrEmpty(dir) || !File.Exists(Path.Combine(dir, "postgres"))) continue;
            if (ProcessRun.Run(Path.Combine(dir, "postgres"), ["--version"]).Output.Contains(") 15.", StringComparison.Ordinal))
                return dir;
        }
        return null;
    }

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();

    private static string EnsureServiceUser()
    {
        if (ProcessRun.Run("id", ["-u", ServiceUser]).ExitCode == 0) return ServiceUser;
        var add = ProcessRun.Run("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ServiceUser]);
        if (add.ExitCode != 0 && ProcessRun.Run("id", ["-u", ServiceUser]).ExitCode != 0)
            throw new InvalidOperationException(add.Describe("useradd " + ServiceUser));
        return ServiceUser;
    }

    private ProcessRun.Result AsOwner(string program, params string[] args)
    {
        var path = Path.Combine(BinDir, program);
        return _runAs is null
            ? ProcessRun.Run(path, args)
            : ProcessRun.Run("runuser", ["-u", _runAs, "--", path, .. args]);
    }

    private string CreateDirectory()
    {
        // On the machine's disk (not a tmpfs), so that fsync costs what it costs.
        var dir = Path.Combine("/tmp", DirPrefix + Guid.NewGuid().ToString("N")[..10]);
        System.IO.Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
        if (_runAs is not null)
        {
            var chown = ProcessRun.Run("chown", [_runAs, dir]);
            if (chown.ExitCode != 0) throw new InvalidOperationException(chown.Describe("chown"));
        }
        return dir;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private string DataDir => Path.Combine(Directory, "data");

    private void InitAndStart()
    {
        var init = AsOwner("initdb", "-D", DataDir, "--no-locale", "-E", "UTF8", "-U", "postgres", "-A", "trust");
        if (init.ExitCode != 0) throw new InvalidOperationException(init.Describe("initdb"));
        File.AppendAllText(Path.Combine(DataDir, "postgresql.conf"), $"""

            # ---- private instance of Tenon's benchmark: durability defaults kept ----
            listen_addresses = '127.0.0.1'
            port = {Port}
            unix_socket_directories = '{Directory}'
            max_connections = 20
            shared_buffers = 256MB
            max_wal_size = 4GB
            lc_messages = 'C'
            timezone = 'UTC'

            """);
        var log = Path.Combine(Directory, "server.log");
        var start = AsOwner("pg_ctl", "-D", DataDir, "-l", log, "-w", "-t", "60", "start");
        if (start.ExitCode != 0)
            throw new InvalidOperationException(start.Describe("pg_ctl start") + (File.Exists(log) ? "\n" + File.ReadAllText(log) : ""));
    }

    public void Dispose()
    {
        if (_stopped) return;
        _stopped = true;
        Stop(Directory);
    }

    private static void Stop(string dir)
    {
        var pid = ReadPostmasterPid(Path.Combine(dir, "data"));
        if (pid is int p && IsPostgres(p))
        {
            // SIGQUIT: immediate shutdown; the instance is thrown away anyway.
            ProcessRun.Run("kill", ["-QUIT", p.ToString(CultureInfo.InvariantCulture)]);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (IsPostgres(p) && DateTime.UtcNow < deadline) Thread.Sleep(50);
            if (IsPostgres(p)) ProcessRun.Run("kill", ["-KILL", p.ToString(CultureInfo.InvariantCulture)]);
        }
        try { System.IO.Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static int? ReadPostmasterPid(string dataDir)
    {
        try
        {
            var first = File.ReadLines(Path.Combine(dataDir, "postmaster.pid")).FirstOrDefault();
            return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static bool IsPostgres(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Contains("postgres", StringComparison.Ordinal); }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    /// <summary>Stops instances left by a benchmark run that died (its owner.pid process is gone).</summary>
    private static void CleanUpStale()
    {
        foreach (var dir in System.IO.Directory.EnumerateDirectories("/tmp", DirPrefix + "*"))
        {
            try
            {
                var text = File.ReadAllText(Path.Combine(dir, "owner.pid")).Trim();
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var owner) &&
                    System.IO.Directory.Exists($"/proc/{owner}")) continue;
            }
            catch (IOException) { if (System.IO.Directory.GetCreationTimeUtc(dir) > DateTime.UtcNow.AddMinutes(-1)) continue; }
            catch (UnauthorizedAccessException) { continue; }
            Stop(dir);
        }
    }
}

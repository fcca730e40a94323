using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Tenon.Tests.Differential;

/// <summary>
/// One private PostgreSQL 15 server for the whole test run: the live oracle of the differential
/// tests. <c>initdb</c> into a fresh temporary directory (<c>--no-locale -E UTF8</c>), listening only on a
/// unix socket inside that directory (no TCP), run as the unprivileged user <c>tenontest</c> when the
/// tests run as root (PostgreSQL refuses to run as root). Each script runs in a database of its own.
/// The server is stopped by its postmaster PID on dispose; servers left behind by a crashed run are
/// found through their directory's <c>owner.pid</c> and stopped at the next start.
/// </summary>
/// <remarks>
/// When the binaries are missing the fixture does not throw: it records <see cref="UnavailableReason"/>,
/// and every differential test fails with that text (never skips).
/// </remarks>
public sealed class PostgresServer : IDisposable
{
    /// <summary>What psql printed for one script (stdout and stderr merged) and its exit code.</summary>
    public sealed record PsqlRun(string Output, int ExitCode);

    private const string DirPrefix = "tenon-pg-";
    private const string SuperUser = "postgres";
    private const int Port = 5432; // only names the socket file inside our private directory
    private const string ServiceUser = "tenontest";

    private readonly ConcurrentDictionary<string, Lazy<PsqlRun>> _outputs = new();
    private readonly Lock _stopLock = new();
    private readonly string? _runAs;
    private int _databaseCounter;
    private bool _stopped;

    public PostgresServer()
    {
        try
        {
            BinDir = FindBinDir();
            if (BinDir is null)
            {
                UnavailableReason =
                    "PostgreSQL 15 server binaries were not found (looked in $PGBIN, /usr/lib/postgresql/15/bin and " +
                    "`pg_config --bindir`). The differential tests need a real PostgreSQL 15 as their oracle: run " +
                    "`bash .ci/run`, which installs postgresql-15 and runs the tests, or install it yourself " +
                    "(apt-get install -y postgresql-15) or set PGBIN to its bin directory.";
                return;
            }
            _runAs = geteuid() == 0 ? EnsureServiceUser() : null;
            CleanUpStaleServers();
            Directory = CreateInstanceDirectory();
            InitAndStart();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        }
        catch (Exception e)
        {
            UnavailableReason = $"Could not start the private PostgreSQL 15 server: {e.Message}";
            Stop();
        }
    }

    /// <summary>Why the server is not available (tests must fail with this text), or null when it runs.</summary>
    public string? UnavailableReason { get; }

    /// <summary>Directory of the PostgreSQL binaries in use.</summary>
    public string? BinDir { get; }

    /// <summary>The instance directory: data/, the unix socket, server.log.</summary>
    public string? Directory { get; }

    private string DataDir => Path.Combine(Directory!, "data");

    /// <summary>
    /// Runs <paramref name="scriptPath"/> through <c>psql -X -a -q -v ON_ERROR_STOP=0 -d DB -f FILE</c> in a
    /// fresh database and returns stdout and stderr merged in order, and psql's exit code.
    /// Cached per script for the run.
    /// </summary>
    public PsqlRun RunScript(string scriptPath)
    {
        if (UnavailableReason is not null) throw new InvalidOperationException(UnavailableReason);
        return _outputs.GetOrAdd(Path.GetFullPath(scriptPath), p => new Lazy<PsqlRun>(() => RunScriptUncached(p))).Value;
    }

    private PsqlRun RunScriptUncached(string scriptPath)
    {
        var db = string.Create(CultureInfo.InvariantCulture,
            $"t{Interlocked.Increment(ref _databaseCounter)}_{SanitizeName(Path.GetFileNameWithoutExtension(scriptPath))}");
        Admin($"CREATE DATABASE {db} TEMPLATE template0");
        try
        {
            // sh only merges the two streams into one pipe, in the order psql writes them.
            var result = ProcessRunner.Run(
                "/bin/sh",
                ["-c", "exec \"$0\" \"$@\" 2>&1", Path.Combine(BinDir!, "psql"),
                 "-X", "-a", "-q", "-v", "ON_ERROR_STOP=0", "-d", db, "-f", scriptPath],
                set: ClientEnvironment(),
                unset: UnsetVariables,
                timeout: TimeSpan.FromMinutes(2),
                workingDirectory: Path.GetDirectoryName(scriptPath));
            if (result.TimedOut) throw new TimeoutException(result.Describe($"psql -f {scriptPath}"));
            // 0: ran to the end (SQL errors included); 3: stopped by ON_ERROR_STOP. Anything else
            // (1: fatal, 2: lost connection) is a problem of the harness, not of the script.
            if (result.ExitCode is not (0 or 3))
                throw new InvalidOperationException(result.Describe($"psql -f {scriptPath}"));
            return new PsqlRun(result.StdOut, result.ExitCode);
        }
        finally
        {
            Admin($"DROP DATABASE IF EXISTS {db} WITH (FORCE)", throwOnError: false);
        }
    }

    /// <summary>The environment psql runs with: fixed time zone, date style, messages and encoding.</summary>
    private Dictionary<string, string> ClientEnvironment() => new()
    {
        ["PGHOST"] = Directory!,
        ["PGPORT"] = Port.ToString(CultureInfo.InvariantCulture),
        ["PGUSER"] = SuperUser,
        ["PGTZ"] = "UTC",
        ["PGDATESTYLE"] = "ISO, MDY",
        ["LC_MESSAGES"] = "C",
        ["PGCLIENTENCODING"] = "UTF8",
        ["PSQLRC"] = "/dev/null",
        ["PGAPPNAME"] = "tenon-differential",
    };

    private static readonly string[] UnsetVariables =
    [
        "LANGUAGE", "LC_ALL", "PGOPTIONS", "PGDATABASE", "PGSERVICE", "PGSERVICEFILE", "PGPASSWORD",
        "PGPASSFILE", "PGHOSTADDR", "PGSSLMODE", "PGCONNECT_TIMEOUT", "PGTARGETSESSIONATTRS",
        "PGREQUIRESSL", "PGTZ", "PGDATESTYLE", "PSQL_PAGER", "PAGER", "PSQL_HISTORY", "COLUMNS",
    ];

    private void Admin(string sql, bool throwOnError = true)
    {
        var env = ClientEnvironment();
        env["PGOPTIONS"] = "-c client_min_messages=warning";
        var result = ProcessRunner.Run(
            Path.Combine(BinDir!, "psql"),
            ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-c", sql],
            set: env, unset: UnsetVariables, timeout: TimeSpan.FromMinutes(1));
        if (throwOnError && (result.ExitCode != 0 || result.TimedOut))
            throw new InvalidOperationException(result.Describe($"psql -c \"{sql}\""));
    }

    // ---- locating binaries -----------------------------------------------------------------

    private static string? FindBinDir()
    {
        var candidates = new List<string?> { Environment.GetEnvironmentVariable("PGBIN"), "/usr/lib/postgresql/15/bin" };
        var pgConfig = ProcessRunner.Which("pg_config");
        if (pgConfig is not null)
        {
            var r = ProcessRunner.Run(pgConfig, ["--bindir"], timeout: TimeSpan.FromSeconds(30));
            if (r.ExitCode == 0) candidates.Add(r.StdOut.Trim());
        }
        foreach (var dir in candidates)
        {
            if (string.IsNullOrEmpty(dir) || !File.Exists(Path.Combine(dir, "postgres"))) continue;
            var version = ProcessRunner.Run(Path.Combine(dir, "postgres"), ["--version"], timeout: TimeSpan.FromSeconds(30));
            if (version.StdOut.Contains(") 15.", StringComparison.Ordinal)) return dir;
        }
        return null;
    }

    // ---- running as an unprivileged user when root ----------------------------------------

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();

    private static string EnsureServiceUser()
    {
        if (ProcessRunner.Run("id", ["-u", ServiceUser]).ExitCode != 0)
        {
            var add = ProcessRunner.Run("useradd",
                ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ServiceUser]);
            if (add.ExitCode != 0 && ProcessRunner.Run("id", ["-u", ServiceUser]).ExitCode != 0)
                throw new InvalidOperationException(add.Describe($"useradd {ServiceUser}"));
        }
        return ServiceUser;
    }

    /// <summary>Runs a server-side command (initdb, pg_ctl) as the instance owner.</summary>
    private ProcessResult AsOwner(string program, params string[] args)
    {
        var path = Path.Combine(BinDir!, program);
        return _runAs is null
            ? ProcessRunner.Run(path, args, unset: ["LC_ALL", "LANGUAGE"], timeout: TimeSpan.FromMinutes(2))
            : ProcessRunner.Run("runuser", ["-u", _runAs, "--", path, .. args],
                unset: ["LC_ALL", "LANGUAGE"], timeout: TimeSpan.FromMinutes(2), workingDirectory: "/");
    }

    // ---- instance directory, start and stop ------------------------------------------------

    private static string BaseTempDir()
    {
        // The socket path must stay short (108 bytes), and the service user must be able to reach it.
        var tmp = Path.GetTempPath();
        return geteuid() == 0 || tmp.Length > 60 || !System.IO.Directory.Exists(tmp) ? "/tmp" : tmp;
    }

    private string CreateInstanceDirectory()
    {
        var dir = Path.Combine(BaseTempDir(), DirPrefix + Guid.NewGuid().ToString("N")[..10]);
        System.IO.Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101); // 0755
        if (_runAs is not null)
        {
            var chown = ProcessRunner.Run("chown", [_runAs, dir]);
            if (chown.ExitCode != 0) throw new InvalidOperationException(chown.Describe("chown"));
        }
        return dir;
    }

    private void InitAndStart()
    {
        var init = AsOwner("initdb", "-D", DataDir, "--no-locale", "-E", "UTF8", "-U", SuperUser, "-A", "trust", "--no-sync");
        if (init.ExitCode != 0) throw new InvalidOperationException(init.Describe("initdb"));

        File.AppendAllText(Path.Combine(DataDir, "postgresql.conf"), $"""

            # ---- private throwaway instance of the Tenon differential tests ----
            listen_addresses = ''
            unix_socket_directories = '{Directory}'
            unix_socket_permissions = 0777
            port = {Port}
            max_connections = 40
            shared_buffers = 32MB
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            lc_messages = 'C'
            lc_monetary = 'C'
            lc_numeric = 'C'
            lc_time = 'C'
            timezone = 'UTC'
            datestyle = 'ISO, MDY'
            bytea_output = 'hex'
            timezone_abbreviations = 'Default'

            """);

        var start = AsOwner("pg_ctl", "-D", DataDir, "-l", Path.Combine(Directory!, "server.log"), "-w", "-t", "60", "start");
        if (start.ExitCode != 0)
        {
            var log = Path.Combine(Directory!, "server.log");
            throw new InvalidOperationException(start.Describe("pg_ctl start") +
                (File.Exists(log) ? "\n--- server.log ---\n" + File.ReadAllText(log) : ""));
        }
    }

    /// <summary>Stops the server by its postmaster PID and removes the instance directory.</summary>
    public void Stop()
    {
        lock (_stopLock)
        {
            if (_stopped || Directory is null) return;
            _stopped = true;
            StopInstance(Directory);
        }
    }

    private static void StopInstance(string dir)
    {
        var postmaster = ReadPostmasterPid(Path.Combine(dir, "data"));
        if (postmaster is int pid && IsPostgres(pid))
        {
            // SIGQUIT = PostgreSQL's immediate shutdown; then wait, then SIGKILL as a last resort.
            ProcessRunner.Run("kill", ["-QUIT", pid.ToString(CultureInfo.InvariantCulture)]);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (IsPostgres(pid) && DateTime.UtcNow < deadline) Thread.Sleep(50);
            if (IsPostgres(pid)) ProcessRunner.Run("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)]);
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
        try
        {
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline");
            return cmdline.Contains("postgres", StringComparison.Ordinal);
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    /// <summary>Stops servers whose test run died without stopping them (their owner.pid is gone).</summary>
    private void CleanUpStaleServers()
    {
        foreach (var dir in System.IO.Directory.EnumerateDirectories(BaseTempDir(), DirPrefix + "*"))
        {
            int? owner = null;
            try
            {
                var text = File.ReadAllText(Path.Combine(dir, "owner.pid")).Trim();
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var o)) owner = o;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { continue; }
            if (owner is int p && System.IO.Directory.Exists($"/proc/{p}")) continue; // a live run owns it
            // A directory without owner.pid may belong to a run that is just creating it.
            if (owner is null && System.IO.Directory.GetCreationTimeUtc(dir) > DateTime.UtcNow.AddMinutes(-1)) continue;
            StopInstance(dir);
        }
    }

    private static string SanitizeName(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray();
        var s = new string(chars);
        return s.Length > 40 ? s[..40] : s;
    }

    public void Dispose() => Stop();
}

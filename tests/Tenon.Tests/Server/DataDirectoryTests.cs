using Npgsql;
using Tenon.Errors;
using Tenon.Server;
using Tenon.Tests.Durability;

namespace Tenon.Tests.Server;

/// <summary>
/// tenon serve --data DIR: the server's databases are file databases in DIR, CREATE/DROP DATABASE
/// create and remove their files, and a server started again on DIR finds everything.
/// </summary>
public sealed class DataDirectoryTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A server over the data directory, closed (databases checkpointed) on dispose.</summary>
    private sealed class DirServer : IDisposable
    {
        public DirServer(string dir)
        {
            Databases = DatabaseRegistry.OpenDirectory(dir, dropWait: TimeSpan.FromMilliseconds(300));
            Server = new TestServer(Databases);
        }

        public DatabaseRegistry Databases { get; }
        public TestServer Server { get; }

        public NpgsqlConnection Open(string database = "postgres")
        {
            var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Database = database }.ConnectionString);
            c.Open();
            return c;
        }

        public void Dispose()
        {
            Server.Dispose();
            Databases.Dispose();
        }
    }

    private static object? Scalar(NpgsqlConnection c, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, c);
        return cmd.ExecuteScalar();
    }

    [Fact]
    public void Databases_and_their_contents_survive_a_restart()
    {
        using (var s = new DirServer(_dir.Path))
        {
            Assert.Equal(_dir.Path, s.Databases.DataDirectory);
            using var c = s.Open();
            Scalar(c, "CREATE TABLE t (id int PRIMARY KEY, v text)");
            Scalar(c, "INSERT INTO t VALUES (1, 'one'), (2, 'two')");
            Scalar(c, "CREATE SEQUENCE seq");
            Assert.Equal(1L, Scalar(c, "SELECT nextval('seq')"));
            Scalar(c, "CREATE DATABASE app");
            Scalar(c, "CREATE DATABASE \"Mixed Case/ß\"");
            using var app = s.Open("app");
            Scalar(app, "CREATE TABLE a (x int)");
            Scalar(app, "INSERT INTO a VALUES (42)");
        }
        Assert.True(File.Exists(_dir.File("postgres.tenon")));
        Assert.True(File.Exists(_dir.File("app.tenon")));

        using (var s = new DirServer(_dir.Path))
        {
            Assert.Equal(["Mixed Case/ß", "app", "postgres"], s.Databases.Names.Order(StringComparer.Ordinal));
            using var c = s.Open();
            Assert.Equal("one,two", Scalar(c, "SELECT string_agg(v, ',' ORDER BY id) FROM t"));
            Assert.Equal(2L, Scalar(c, "SELECT nextval('seq')"));
            Assert.Equal("23505", Assert.Throws<PostgresException>(() => Scalar(c, "INSERT INTO t VALUES (1, 'again')")).SqlState);
            using (var app = s.Open("app"))
                Assert.Equal(42, Scalar(app, "SELECT x FROM a"));
            using (var odd = s.Open("Mixed Case/ß"))
                Assert.Equal("Mixed Case/ß", Scalar(odd, "SELECT current_database()"));
            Scalar(c, "DROP DATABASE app");
        }
        Assert.False(File.Exists(_dir.File("app.tenon")));
        Assert.False(File.Exists(_dir.File("app.tenon-wal")));
        Assert.False(File.Exists(_dir.File("app.tenon-lock")));

        using (var s = new DirServer(_dir.Path))
        {
            Assert.False(s.Databases.Exists("app"));
            using var c = s.Open();
            // The name is free again, for a new, empty database.
            Scalar(c, "CREATE DATABASE app");
            using var app = s.Open("app");
            Assert.Equal("42P01", Assert.Throws<PostgresException>(() => Scalar(app, "SELECT * FROM a")).SqlState);
        }
    }

    [Fact]
    public void A_killed_tenon_serve_process_loses_nothing_committed_and_frees_its_directory()
    {
        if (OperatingSystem.IsWindows()) return; // Process.Kill is not a signal there; the logic is the same
        var (process, port) = StartServe(_dir.Path);
        try
        {
            var cs = $"Host=127.0.0.1;Port={port};Username=tester;Database=postgres;Server Compatibility Mode=NoTypeLoading;Pooling=false;Timeout=10";
            using (var c = new NpgsqlConnection(cs))
            {
                c.Open();
                Scalar(c, "CREATE TABLE t (x int)");
                Scalar(c, "INSERT INTO t VALUES (7)");
                Scalar(c, "CREATE DATABASE second");
            }
            using (var c = new NpgsqlConnection(cs.Replace("Database=postgres", "Database=second")))
            {
                c.Open();
                Scalar(c, "CREATE TABLE u (y int); INSERT INTO u VALUES (1)");
            }
            // A second server on the same directory is refused while the first runs.
            var second = Tenon.Tests.Differential.ProcessRunner.Run("dotnet", ["exec", CliPath, "serve", "--listen", "127.0.0.1:0", "--data", _dir.Path],
                timeout: TimeSpan.FromSeconds(60));
            Assert.Equal(1, second.ExitCode);
            Assert.Contains("is in use by another process", second.StdErr);
        }
        finally
        {
            process.Kill();
            process.WaitForExit();
            process.Dispose();
        }

        using var again = new DirServer(_dir.Path);
        using (var c = again.Open())
            Assert.Equal(7, Scalar(c, "SELECT x FROM t"));
        using (var c = again.Open("second"))
            Assert.Equal(1, Scalar(c, "SELECT y FROM u"));
    }

    private static string CliPath => Path.Combine(AppContext.BaseDirectory, "Tenon.Cli.dll");

    /// <summary>Starts tenon serve --data on a free port as a process; returns it and its port.</summary>
    private static (System.Diagnostics.Process, int) StartServe(string dir)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet", ["exec", CliPath, "serve", "--listen", "127.0.0.1:0", "--data", dir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var p = System.Diagnostics.Process.Start(psi)!;
        var line = p.StandardError.ReadLine() ?? throw new InvalidOperationException("tenon serve ended at once");
        var m = System.Text.RegularExpressions.Regex.Match(line, @"listening on 127\.0\.0\.1:(\d+)");
        Assert.True(m.Success, line);
        return (p, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_directory_in_use_is_refused()
    {
        using var s = new DirServer(_dir.Path);
        var e = Assert.Throws<TenonException>(() => DatabaseRegistry.OpenDirectory(_dir.Path));
        Assert.Equal("55006", e.SqlState);
        Assert.Equal($"data directory \"{_dir.Path}\" is in use by another process", e.MessageText);
        Assert.Equal($"Is another tenon serve running with --data \"{_dir.Path}\"? It holds \"{_dir.File(DatabaseFiles.LockFileName)}\".", e.Hint);
    }

    [Fact]
    public void Template_copy_is_a_file_database_of_its_own()
    {
        using (var s = new DirServer(_dir.Path))
        {
            using (var c = s.Open())
            {
                Scalar(c, "CREATE DATABASE src");
                using (var src = s.Open("src"))
                {
                    Scalar(src, "CREATE TABLE t (x int PRIMARY KEY)");
                    Scalar(src, "INSERT INTO t SELECT g FROM generate_series(1, 1000) g");
                }
                Scalar(c, "CREATE DATABASE dst TEMPLATE src");
            }
            using var dst = s.Open("dst");
            Assert.Equal(1000L, Scalar(dst, "SELECT count(*) FROM t"));
            Scalar(dst, "DELETE FROM t WHERE x > 10");
            Assert.Equal("23505", Assert.Throws<PostgresException>(() => Scalar(dst, "INSERT INTO t VALUES (5)")).SqlState);
        }
        using (var s = new DirServer(_dir.Path))
        {
            using var src = s.Open("src");
            Assert.Equal(1000L, Scalar(src, "SELECT count(*) FROM t"));
            using var dst = s.Open("dst");
            Assert.Equal(10L, Scalar(dst, "SELECT count(*) FROM t"));
        }
    }

    [Fact]
    public void File_names_encode_any_database_name()
    {
        Assert.Equal("app_1", DatabaseFiles.Encode("app_1"));
        Assert.Equal("%41pp", DatabaseFiles.Encode("App"));
        Assert.Equal("a%2Fb%2E%2E", DatabaseFiles.Encode("a/b.."));
        foreach (var name in new[] { "App", "a/b..", "ß", "x y", "%41" })
            Assert.Equal(name, DatabaseFiles.Decode(DatabaseFiles.Encode(name)));
        Assert.Null(DatabaseFiles.Decode("App"));
        Assert.Null(DatabaseFiles.Decode("%4"));
    }
}

using System.Data;
using System.Data.Common;
using Tenon.Data;

namespace Tenon.Tests.Data;

public class ConnectionTests
{
    [Fact]
    public void OpenCloseLifecycleAndStateEvents()
    {
        using var c = new TenonConnection("Data Source=:memory:");
        var changes = new List<(ConnectionState, ConnectionState)>();
        c.StateChange += (_, e) => changes.Add((e.OriginalState, e.CurrentState));
        Assert.Equal(ConnectionState.Closed, c.State);
        c.Open();
        Assert.Equal(ConnectionState.Open, c.State);
        Assert.Throws<InvalidOperationException>(() => c.Open());
        Assert.Throws<InvalidOperationException>(() => c.ConnectionString = "Data Source=:memory:");
        c.Close();
        c.Close();
        Assert.Equal(ConnectionState.Closed, c.State);
        Assert.Equal([(ConnectionState.Closed, ConnectionState.Open), (ConnectionState.Open, ConnectionState.Closed)], changes);
        Assert.Equal(":memory:", c.DataSource);
        Assert.Equal("15.18", c.ServerVersion);
    }

    [Fact]
    public void CommandsNeedAnOpenConnection()
    {
        using var c = new TenonConnection("Data Source=:memory:");
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT 1";
        Assert.Throws<InvalidOperationException>(() => cmd.ExecuteScalar());
        Assert.Throws<InvalidOperationException>(() => c.BeginTransaction());
        Assert.Throws<InvalidOperationException>(() => new TenonCommand("SELECT 1").ExecuteScalar());
        c.Open();
        Assert.Equal(1, cmd.ExecuteScalar());
    }

    [Fact]
    public void PrivateMemoryDatabaseIsPerConnectionAndGoneOnClose()
    {
        using var a = new TenonConnection("Data Source=:memory:");
        using var b = new TenonConnection("Data Source=:memory:");
        a.Open();
        b.Open();
        Run(a, "CREATE TABLE t (x int)");
        Assert.Equal("42P01", Assert.Throws<Tenon.Errors.TenonException>(() => Run(b, "SELECT * FROM t")).SqlState);
        a.Close();
        a.Open();
        Assert.Equal("42P01", Assert.Throws<Tenon.Errors.TenonException>(() => Run(a, "SELECT * FROM t")).SqlState);
    }

    [Fact]
    public void NamedMemoryDatabaseIsSharedWhileAConnectionIsOpen()
    {
        var name = "shared_" + Guid.NewGuid().ToString("N");
        using var a = new TenonConnection($"Data Source={name}");
        using var b = new TenonConnection($"Data Source={name}");
        a.Open();
        Run(a, "CREATE TABLE t (x int); INSERT INTO t VALUES (1)");
        b.Open();
        Assert.Equal(1, Scalar(b, "SELECT x FROM t"));
        a.Close();
        Assert.Equal(1, Scalar(b, "SELECT x FROM t"));
        b.Close();
        b.Open();
        Assert.Equal("42P01", Assert.Throws<Tenon.Errors.TenonException>(() => Run(b, "SELECT * FROM t")).SqlState);
    }

    [Fact]
    public void CommittedWorkIsVisibleToOtherConnectionsUncommittedIsNot()
    {
        var name = "vis_" + Guid.NewGuid().ToString("N");
        using var a = new TenonConnection($"Data Source={name}");
        using var b = new TenonConnection($"Data Source={name}");
        a.Open();
        b.Open();
        Run(a, "CREATE TABLE t (x int)");
        using (var tx = a.BeginTransaction())
        {
            Run(a, "INSERT INTO t VALUES (1)");
            Assert.Equal(0L, Scalar(b, "SELECT count(*) FROM t"));
            tx.Commit();
        }
        Assert.Equal(1L, Scalar(b, "SELECT count(*) FROM t"));
    }

    [Fact]
    public void FilePathsOpenFileDatabasesSharedByConnectionsAndKeptAcrossOpens()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tenon-ado-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            var cs = $"Data Source={Path.Combine(dir, "app.tenon")}";
            using (var a = new TenonConnection(cs))
            using (var b = new TenonConnection(cs))
            {
                a.Open();
                b.Open();
                using (var cmd = a.CreateCommand())
                {
                    cmd.CommandText = "CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1), (2)";
                    cmd.ExecuteNonQuery();
                }
                Assert.Equal(2L, Scalar(b, "SELECT count(*) FROM t"));
            }
            using var c = new TenonConnection(cs);
            c.Open();
            Assert.Equal(2L, Scalar(c, "SELECT count(*) FROM t"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void MissingDataSourceAndUnknownKeywordsAreErrors()
    {
        using var c = new TenonConnection("");
        Assert.Throws<ArgumentException>(() => c.Open());
        Assert.Throws<ArgumentException>(() => new TenonConnection("Data Source=:memory:;Pooling=true"));
    }

    [Fact]
    public void ConnectionStringBuilder()
    {
        var b = new TenonConnectionStringBuilder("datasource=abc");
        Assert.Equal("abc", b.DataSource);
        b.DataSource = ":memory:";
        Assert.Equal("Data Source=:memory:", b.ConnectionString);
        Assert.True(b.ContainsKey("DataSource"));
    }

    [Fact]
    public void ProviderFactory()
    {
        DbProviderFactory f = TenonFactory.Instance;
        using var c = f.CreateConnection()!;
        c.ConnectionString = "Data Source=:memory:";
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT @x * 2";
        var p = f.CreateParameter()!;
        p.ParameterName = "x";
        p.Value = 21;
        cmd.Parameters.Add(p);
        Assert.Equal(42, cmd.ExecuteScalar());
        Assert.IsType<TenonConnectionStringBuilder>(f.CreateConnectionStringBuilder());
        Assert.Same(TenonFactory.Instance, DbProviderFactories.GetFactory(c));
    }

    [Fact]
    public void ClosingRollsBackAnOpenTransaction()
    {
        var name = "rb_" + Guid.NewGuid().ToString("N");
        using var keep = new TenonConnection($"Data Source={name}");
        keep.Open();
        Run(keep, "CREATE TABLE t (x int)");
        using (var c = new TenonConnection($"Data Source={name}"))
        {
            c.Open();
            var tx = c.BeginTransaction();
            Run(c, "INSERT INTO t VALUES (1)");
        }
        Assert.Equal(0L, Scalar(keep, "SELECT count(*) FROM t"));
        Run(keep, "INSERT INTO t VALUES (2)"); // the write lock was released
    }

    [Fact]
    public void NoticesAreRaised()
    {
        using var c = new TenonConnection("Data Source=:memory:");
        c.Open();
        var notices = new List<Notice>();
        c.NoticeReceived += notices.Add;
        Run(c, "COMMIT");
        Assert.Equal("there is no transaction in progress", Assert.Single(notices).Message);
    }

    private static void Run(TenonConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static object? Scalar(TenonConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}

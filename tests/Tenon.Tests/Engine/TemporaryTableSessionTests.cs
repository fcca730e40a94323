using System.Text;
using Tenon.Errors;
using Tenon.Tests.Durability;
using Xunit;

namespace Tenon.Tests.Engine;

/// <summary>
/// Temporary tables and search paths belong to one session: what two sessions over one database
/// see of each other's, what is left when a session ends, and what reaches the durable log. The
/// differential scripts run in one session and cannot show these.
/// </summary>
public sealed class TemporaryTableSessionTests
{
    private static TenonException Fails(Session s, string sql) => Assert.Throws<TenonException>(() => s.ExecuteSingle(sql));

    [Fact]
    public void A_sessions_temporary_table_is_invisible_to_another_session_and_shadows_permanent_ones()
    {
        var db = new Database();
        using var a = db.CreateSession();
        using var b = db.CreateSession();
        a.ExecuteSingle("CREATE TABLE t (v text)");
        a.ExecuteSingle("INSERT INTO t VALUES ('permanent')");
        a.ExecuteSingle("CREATE TEMP TABLE t (v text)");
        a.ExecuteSingle("INSERT INTO t VALUES ('a''s')");
        Assert.Equal(["a's"], DbText.Query(a, "SELECT v FROM t"));
        Assert.Equal(["permanent"], DbText.Query(b, "SELECT v FROM t"));
        Assert.Equal(SqlState.UndefinedTable, Fails(b, "SELECT * FROM pg_temp.t").SqlState);

        // Each session has its own temporary schema; a name in another's is refused.
        b.ExecuteSingle("CREATE TEMP TABLE t (v text)");
        b.ExecuteSingle("INSERT INTO t VALUES ('b''s')");
        Assert.Equal(["b's"], DbText.Query(b, "SELECT v FROM t"));
        Assert.Equal(["a's"], DbText.Query(a, "SELECT v FROM t"));
        Assert.NotEqual(a.TempSchemaName, b.TempSchemaName);
        var e = Fails(b, $"SELECT * FROM {a.TempSchemaName}.t");
        Assert.Equal(SqlState.FeatureNotSupported, e.SqlState);
        Assert.Equal("cannot access temporary tables of other sessions", e.Message);

        // Both write their own temporary tables; each commit keeps the other's rows.
        a.ExecuteSingle("INSERT INTO t VALUES ('a2')");
        b.ExecuteSingle("DELETE FROM t");
        Assert.Equal(["a's", "a2"], DbText.Query(a, "SELECT v FROM t ORDER BY v"));
        Assert.Empty(DbText.Query(b, "SELECT v FROM t"));
    }

    [Fact]
    public void A_sessions_temporary_relations_are_dropped_when_it_ends_and_its_schema_number_is_reused()
    {
        var db = new Database();
        string name;
        using (var a = db.CreateSession())
        {
            a.ExecuteSingle("CREATE TEMP TABLE gone (id serial PRIMARY KEY, v text)");
            a.ExecuteSingle("CREATE TEMP VIEW gone_v AS SELECT * FROM gone");
            a.ExecuteSingle("INSERT INTO gone (v) VALUES ('x')");
            name = a.TempSchemaName;
            Assert.Equal("pg_temp_3", name);
        }
        using var b = db.CreateSession();
        Assert.Equal(["0"], DbText.Query(b, "SELECT count(*) FROM pg_class WHERE relname IN ('gone', 'gone_v', 'gone_pkey', 'gone_id_seq')"));
        Assert.Equal(["0"], DbText.Query(b, $"SELECT count(*) FROM pg_namespace WHERE nspname = '{name}'"));
        Assert.Equal(name, b.TempSchemaName);
    }

    [Fact]
    public void Search_path_is_per_session()
    {
        var db = new Database();
        using var a = db.CreateSession();
        using var b = db.CreateSession();
        a.ExecuteSingle("CREATE SCHEMA s");
        a.ExecuteSingle("CREATE TABLE s.t (v int)");
        a.ExecuteSingle("CREATE TABLE public.t (v int)");
        a.ExecuteSingle("INSERT INTO s.t VALUES (1)");
        a.ExecuteSingle("SET search_path = s");
        Assert.Equal(["1"], DbText.Query(a, "SELECT count(*) FROM t"));
        Assert.Equal(["0"], DbText.Query(b, "SELECT count(*) FROM t"));
        Assert.Equal(["s"], DbText.Query(a, "SELECT current_schema"));
        Assert.Equal(["public"], DbText.Query(b, "SELECT current_schema"));
    }

    [Fact]
    public void Temporary_tables_never_reach_the_durable_log()
    {
        using var dir = new TempDir();
        var path = dir.File("temp.tenon");
        var options = new DatabaseOptions { CheckpointOnClose = false };
        using (var db = Database.Open(path, options))
        {
            using var s = db.CreateSession();
            s.ExecuteSingle("CREATE TABLE kept (v text)");
            s.ExecuteSingle("INSERT INTO kept VALUES ('kept-row')");
            s.ExecuteSingle("CREATE TEMP TABLE secret_tmp_table (v text)");
            s.ExecuteSingle("INSERT INTO secret_tmp_table VALUES ('secret-row-value')");
            s.ExecuteSingle("CREATE TEMP SEQUENCE secret_tmp_seq");
            var sawKept = false;
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!).Where(f => !f.EndsWith("-lock", StringComparison.Ordinal)))
            {
                using var f = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var m = new MemoryStream();
                f.CopyTo(m);
                var bytes = m.ToArray();
                sawKept |= bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("kept-row")) >= 0;
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("secret_tmp")));
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("secret-row-value")));
            }
            Assert.True(sawKept, "the permanent table's row is in the log");
        }
        using (var db = Database.Open(path, options))
        {
            Assert.Equal(["kept-row"], DbText.Query(db, "SELECT v FROM kept"));
            Assert.Equal(["0"], DbText.Query(db, "SELECT count(*) FROM pg_class WHERE relname LIKE 'secret%'"));
        }
    }
}

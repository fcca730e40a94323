using Npgsql;

namespace Tenon.Tests.Server;

/// <summary>Npgsql 10 (extended protocol, binary formats) against the in-process server.</summary>
public sealed class NpgsqlTests : IDisposable
{
    private readonly TestServer _server = new();

    public void Dispose() => _server.Dispose();

    private NpgsqlConnection Open()
    {
        var c = new NpgsqlConnection(_server.ConnectionString);
        c.Open();
        return c;
    }

    private static int Exec(NpgsqlConnection c, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, c);
        return cmd.ExecuteNonQuery();
    }

    private static object? Scalar(NpgsqlConnection c, string sql, params object[] parameters)
    {
        using var cmd = new NpgsqlCommand(sql, c);
        foreach (var p in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        return cmd.ExecuteScalar();
    }

    [Fact]
    public void Connects_and_sees_PostgreSQL_15()
    {
        using var c = Open();
        Assert.Equal(15, c.PostgreSqlVersion.Major);
        Assert.Equal(42, Scalar(c, "SELECT 40 + 2"));
        Assert.Equal("UTF8", c.PostgresParameters["server_encoding"]);
    }

    [Fact]
    public void Parameters_and_results_of_common_types_round_trip_in_binary()
    {
        using var c = Open();
        Exec(c, "CREATE TABLE probe (id int PRIMARY KEY, i8 bigint, i2 smallint, txt text, flag bool, amount numeric(12,2), " +
                "guid uuid, ts timestamptz, lts timestamp, blob bytea, day date, dbl float8, f4 real, vc varchar(20), span interval)");
        var guid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var ts = new DateTime(2024, 2, 29, 13, 14, 15, 123, DateTimeKind.Utc);
        using (var ins = new NpgsqlCommand(
                   "INSERT INTO probe VALUES (@id, @i8, @i2, @txt, @flag, @amount, @guid, @ts, @lts, @blob, @day, @dbl, @f4, @vc, @span)", c))
        {
            ins.Parameters.AddWithValue("id", 1);
            ins.Parameters.AddWithValue("i8", 9_000_000_000L);
            ins.Parameters.AddWithValue("i2", (short)7);
            ins.Parameters.AddWithValue("txt", "héllo 'world'");
            ins.Parameters.AddWithValue("flag", true);
            ins.Parameters.AddWithValue("amount", 1234.56m);
            ins.Parameters.AddWithValue("guid", guid);
            ins.Parameters.AddWithValue("ts", ts);
            ins.Parameters.AddWithValue("lts", new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Unspecified));
            ins.Parameters.AddWithValue("blob", new byte[] { 0, 1, 2, 255 });
            ins.Parameters.AddWithValue("day", new DateOnly(2024, 2, 29));
            ins.Parameters.AddWithValue("dbl", 3.5);
            ins.Parameters.AddWithValue("f4", 12.5f);
            ins.Parameters.AddWithValue("vc", "short");
            ins.Parameters.AddWithValue("span", TimeSpan.FromMinutes(90));
            Assert.Equal(1, ins.ExecuteNonQuery());
        }

        using var sel = new NpgsqlCommand("SELECT * FROM probe WHERE id = $1", c);
        sel.Parameters.Add(new NpgsqlParameter { Value = 1 });
        using var r = sel.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(1, r.GetInt32(0));
        Assert.Equal(9_000_000_000L, r.GetInt64(1));
        Assert.Equal((short)7, r.GetInt16(2));
        Assert.Equal("héllo 'world'", r.GetString(3));
        Assert.True(r.GetBoolean(4));
        Assert.Equal(1234.56m, r.GetDecimal(5));
        Assert.Equal("numeric(12, 2)", r.GetDataTypeName(5));
        Assert.Equal(guid, r.GetGuid(6));
        Assert.Equal(ts, r.GetDateTime(7));
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5), r.GetDateTime(8));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, (byte[])r[9]);
        Assert.Equal(new DateOnly(2024, 2, 29), r.GetFieldValue<DateOnly>(10));
        Assert.Equal(3.5, r.GetDouble(11));
        Assert.Equal(12.5f, r.GetFloat(12));
        Assert.Equal("short", r.GetString(13));
        Assert.Equal("character varying(20)", r.GetDataTypeName(13));
        Assert.Equal(TimeSpan.FromMinutes(90), r.GetTimeSpan(14));
        Assert.False(r.Read());
    }

    [Fact]
    public void Time_values_round_trip_in_binary()
    {
        using var c = Open();
        Exec(c, "CREATE TABLE shifts (starts time PRIMARY KEY)");
        using (var ins = new NpgsqlCommand("INSERT INTO shifts VALUES (@t), ('24:00')", c))
        {
            ins.Parameters.AddWithValue("t", new TimeOnly(9, 30, 15, 125));
            Assert.Equal(2, ins.ExecuteNonQuery());
        }
        using var sel = new NpgsqlCommand("SELECT starts, starts - time '09:00' FROM shifts ORDER BY starts", c);
        using var r = sel.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal("time without time zone", r.GetDataTypeName(0));
        Assert.Equal(new TimeOnly(9, 30, 15, 125), r.GetFieldValue<TimeOnly>(0));
        Assert.Equal(new TimeSpan(0, 0, 30, 15, 125), r.GetTimeSpan(1));
        Assert.True(r.Read());
        Assert.Equal(TimeSpan.FromDays(1), r.GetTimeSpan(0));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.001")]
    [InlineData("10000")]
    [InlineData("123456789.987654321")]
    [InlineData("-99999999999999999999.5")]
    public void Numeric_values_survive_the_binary_format(string text)
    {
        using var c = Open();
        Assert.Equal(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture), Scalar(c, $"SELECT {text}::numeric"));
        Assert.Equal(text, Scalar(c, "SELECT ($1::numeric)::text", decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Errors_surface_as_PostgresException_with_PostgreSQL_fields()
    {
        using var c = Open();
        Exec(c, "CREATE TABLE k (id int PRIMARY KEY, name text NOT NULL)");
        Exec(c, "INSERT INTO k VALUES (1, 'a')");

        var dup = Assert.Throws<PostgresException>(() => Exec(c, "INSERT INTO k VALUES (1, 'b')"));
        Assert.Equal("23505", dup.SqlState);
        Assert.Equal("k_pkey", dup.ConstraintName);
        Assert.Equal("Key (id)=(1) already exists.", dup.Detail);
        Assert.Equal("k", dup.TableName);

        var notNull = Assert.Throws<PostgresException>(() => Exec(c, "INSERT INTO k VALUES (2, NULL)"));
        Assert.Equal("23502", notNull.SqlState);
        Assert.Equal("name", notNull.ColumnName);

        var syntax = Assert.Throws<PostgresException>(() => Exec(c, "SELEC 1"));
        Assert.Equal("42601", syntax.SqlState);
        Assert.Equal("syntax error at or near \"SELEC\"", syntax.MessageText);
        Assert.Equal(1, syntax.Position);

        var bad = Assert.Throws<PostgresException>(() => Scalar(c, "SELECT $1::int", "abc"));
        Assert.Equal("22P02", bad.SqlState);

        // The connection is still usable.
        Assert.Equal(1L, Scalar(c, "SELECT count(*) FROM k"));
    }

    [Fact]
    public void A_prepared_insert_rejected_by_its_foreign_key_reports_every_field_and_changes_nothing()
    {
        using var c = Open();
        Exec(c, "CREATE TABLE parent (id serial PRIMARY KEY, code text NOT NULL UNIQUE)");
        Exec(c, "CREATE TABLE child (id serial PRIMARY KEY, parent_id integer NOT NULL REFERENCES parent (id), v integer NOT NULL CHECK (v >= 0))");
        Exec(c, "INSERT INTO parent (code) VALUES ('a')");
        using var insert = new NpgsqlCommand("INSERT INTO child (parent_id, v) VALUES ($1, $2)", c);
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        insert.Prepare();
        int Run(int parent, int v)
        {
            insert.Parameters[0].Value = parent;
            insert.Parameters[1].Value = v;
            return insert.ExecuteNonQuery();
        }

        for (var i = 0; i < 3; i++)
        {
            var e = Assert.Throws<PostgresException>(() => Run(100 + i, 0));
            Assert.Equal("23503", e.SqlState);
            Assert.Equal("ERROR", e.Severity);
            Assert.Equal("insert or update on table \"child\" violates foreign key constraint \"child_parent_id_fkey\"", e.MessageText);
            Assert.Equal($"Key (parent_id)=({100 + i}) is not present in table \"parent\".", e.Detail);
            Assert.Equal("public", e.SchemaName);
            Assert.Equal("child", e.TableName);
            Assert.Equal("child_parent_id_fkey", e.ConstraintName);
            Assert.Null(e.ColumnName);
            Assert.Null(e.Hint);
            Assert.Equal(0, e.Position);
        }
        var check = Assert.Throws<PostgresException>(() => Run(1, -1));
        Assert.Equal("23514", check.SqlState);
        Assert.Equal("child_v_check", check.ConstraintName);
        Assert.Equal("Failing row contains (4, 1, -1).", check.Detail);
        Assert.Equal(1, Run(1, 1));
        Assert.Equal(1L, Scalar(c, "SELECT count(*) FROM child"));

        // In a transaction block the rejection fails the block: 25P02 until ROLLBACK.
        using (var tx = c.BeginTransaction())
        {
            Assert.Equal(1, Run(1, 2));
            Assert.Equal("23503", Assert.Throws<PostgresException>(() => Run(200, 0)).SqlState);
            var aborted = Assert.Throws<PostgresException>(() => Run(1, 3));
            Assert.Equal("25P02", aborted.SqlState);
            Assert.Equal("current transaction is aborted, commands ignored until end of transaction block", aborted.MessageText);
            tx.Rollback();
        }
        Assert.Equal(1L, Scalar(c, "SELECT count(*) FROM child"));
    }

    [Fact]
    public void Transactions_commit_roll_back_and_use_savepoints()
    {
        using var c = Open();
        Exec(c, "CREATE TABLE t (id int PRIMARY KEY)");
        using (var tx = c.BeginTransaction())
        {
            Exec(c, "INSERT INTO t VALUES (1)");
            tx.Rollback();
        }
        Assert.Equal(0L, Scalar(c, "SELECT count(*) FROM t"));

        using (var tx = c.BeginTransaction())
        {
            Exec(c, "INSERT INTO t VALUES (1)");
            tx.Save("sp1");
            Exec(c, "INSERT INTO t VALUES (2)");
            tx.Rollback("sp1");
            tx.Release("sp1");
            tx.Commit();
        }
        Assert.Equal(1L, Scalar(c, "SELECT count(*) FROM t"));

        using (var tx = c.BeginTransaction())
        {
            Assert.Throws<PostgresException>(() => Exec(c, "INSERT INTO t VALUES (1)"));
            var aborted = Assert.Throws<PostgresException>(() => Exec(c, "INSERT INTO t VALUES (3)"));
            Assert.Equal("25P02", aborted.SqlState);
            tx.Rollback();
        }
        Assert.Equal(1L, Scalar(c, "SELECT count(*) FROM t"));
    }

    [Fact]
    public void A_batch_is_one_implicit_transaction()
    {
        using var c = Open();
        Exec(c, "CREATE TABLE b (id int PRIMARY KEY)");
        using var batch = new NpgsqlBatch(c)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("INSERT INTO b VALUES (1)"),
                new NpgsqlBatchCommand("INSERT INTO b VALUES (1)"),
                new NpgsqlBatchCommand("INSERT INTO b VALUES (2)"),
            },
        };
        Assert.Throws<PostgresException>(() => batch.ExecuteNonQuery());
        Assert.Equal(0L, Scalar(c, "SELECT count(*) FROM b"));

        Assert.Equal(2, Exec(c, "INSERT INTO b VALUES (1); INSERT INTO b VALUES (2)"));
        Assert.Equal(2L, Scalar(c, "SELECT count(*) FROM b"));
    }

    [Fact]
    public void Prepared_statements_and_returning_work()
    {
        using var c = Open();
        Exec(c, "CREATE TABLE p (id serial PRIMARY KEY, txt text)");
        using var ins = new NpgsqlCommand("INSERT INTO p (txt) VALUES ($1) RETURNING id, txt", c);
        ins.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        ins.Prepare();
        foreach (var (word, id) in new[] { ("one", 1), ("two", 2), ("three", 3) })
        {
            ins.Parameters[0].Value = word;
            using var r = ins.ExecuteReader();
            Assert.True(r.Read());
            Assert.Equal(id, r.GetInt32(0));
            Assert.Equal(word, r.GetString(1));
        }
        using var sel = new NpgsqlCommand("SELECT txt FROM p WHERE id = $1", c);
        sel.Parameters.Add(new NpgsqlParameter { Value = 2 });
        sel.Prepare();
        Assert.Equal("two", sel.ExecuteScalar());
        sel.Parameters[0].Value = 3;
        Assert.Equal("three", sel.ExecuteScalar());
        sel.Unprepare();
    }

    [Fact]
    public void Untyped_null_parameter_takes_its_type_from_context()
    {
        using var c = Open();
        Exec(c, "CREATE TABLE n (id int, v int)");
        using var cmd = new NpgsqlCommand("INSERT INTO n VALUES (1, $1)", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value });
        Assert.Equal(1, cmd.ExecuteNonQuery());
        Assert.Equal(DBNull.Value, Scalar(c, "SELECT v FROM n"));
    }

    [Fact]
    public void Notices_reach_the_Notice_event()
    {
        using var c = Open();
        var notices = new List<PostgresNotice>();
        c.Notice += (_, e) => notices.Add(e.Notice);
        Exec(c, "DROP TABLE IF EXISTS nothing_here");
        var n = Assert.Single(notices);
        Assert.Equal("NOTICE", n.Severity);
        Assert.Equal("00000", n.SqlState);
        Assert.Equal("table \"nothing_here\" does not exist, skipping", n.MessageText);
    }

    [Fact]
    public void Concurrent_connections_write_to_one_database()
    {
        using (var c = Open()) Exec(c, "CREATE TABLE w (conn int, n int)");
        Parallel.For(0, 16, i =>
        {
            using var c = Open();
            for (var n = 0; n < 20; n++)
            {
                using var cmd = new NpgsqlCommand("INSERT INTO w VALUES ($1, $2)", c);
                cmd.Parameters.Add(new NpgsqlParameter { Value = i });
                cmd.Parameters.Add(new NpgsqlParameter { Value = n });
                cmd.ExecuteNonQuery();
            }
        });
        using var check = Open();
        Assert.Equal(320L, Scalar(check, "SELECT count(*) FROM w"));
    }

    [Fact]
    public void Reader_reports_column_names_and_several_result_sets()
    {
        using var c = Open();
        using var cmd = new NpgsqlCommand("SELECT 1 AS one, 'x'::text AS t; SELECT count(*) FROM (VALUES (1), (2)) v(a)", c);
        using var r = cmd.ExecuteReader();
        Assert.Equal("one", r.GetName(0));
        Assert.Equal("t", r.GetName(1));
        Assert.True(r.Read());
        Assert.True(r.NextResult());
        Assert.Equal("count", r.GetName(0));
        Assert.True(r.Read());
        Assert.Equal(2L, r.GetInt64(0));
    }

    [Fact]
    public void Pooled_connections_are_reused_with_No_Reset_On_Close()
    {
        var cs = _server.ConnectionString.Replace("Pooling=false", "Pooling=true;No Reset On Close=true");
        for (var i = 0; i < 3; i++)
        {
            using var c = new NpgsqlConnection(cs);
            c.Open();
            Assert.Equal(i, Scalar(c, "SELECT $1", i));
        }
        NpgsqlConnection.ClearAllPools();
    }
}

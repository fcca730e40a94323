using Dapper;
using Npgsql;
using Tenon.Tests.Server;

namespace Tenon.Tests.Ecosystem;

/// <summary>
/// Npgsql with its default connection settings against <c>tenon serve</c>: it loads types from
/// pg_catalog on first connect (the four-statement batch of PGWIRE.md §4.1) and resets pooled
/// connections with DISCARD ALL.
/// </summary>
public sealed class NpgsqlDefaultSettingsTests : IDisposable
{
    private readonly TestServer _server = new();
    private readonly NpgsqlDataSource _dataSource;

    public NpgsqlDefaultSettingsTests()
    {
        // A data source of its own: its pool and type cache are this test's alone.
        _dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={_server.Port};Username=tester;Database=postgres;Timeout=10");
    }

    public void Dispose()
    {
        _dataSource.Dispose();
        _server.Dispose();
    }

    private NpgsqlConnection Open() => _dataSource.OpenConnection();

    [Fact]
    public void Anonymous_records_are_sent_in_binary_with_their_field_types()
    {
        using var c = Open();
        using var cmd = new NpgsqlCommand("SELECT ROW(1, 'a'::text, NULL::text, 2.5::numeric, ROW(true))", c);
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal("record", r.GetDataTypeName(0));
        var fields = r.GetFieldValue<object[]>(0);
        Assert.Equal(new object?[] { 1, "a", null, 2.5m }, fields[..4]);
        Assert.Equal([true], (object[])fields[4]);
    }

    [Fact]
    public void Connects_by_loading_types_from_pg_catalog()
    {
        using var c = Open();
        Assert.Equal(15, c.PostgreSqlVersion.Major);
        // regclass and name are not in Npgsql's built-in list (used without type loading):
        // reading them proves the types came from pg_type.
        using var cmd = new NpgsqlCommand("SELECT 'pg_type'::regclass, typname FROM pg_type WHERE oid = 23", c);
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal("regclass", r.GetDataTypeName(0));
        Assert.Equal("int4", r.GetString(1));
        Assert.Equal("name", r.GetDataTypeName(1));
    }

    [Fact]
    public void Every_type_pg_type_lists_round_trips_through_Npgsql()
    {
        using var c = Open();
        using (var create = new NpgsqlCommand(
                   "CREATE TABLE probe (id int PRIMARY KEY, i8 bigint, i2 smallint, txt text, flag bool, amount numeric(12,2), " +
                   "guid uuid, ts timestamptz, lts timestamp, blob bytea, day date, dbl float8, f4 real, vc varchar(20), ch char(3), span interval)", c))
            create.ExecuteNonQuery();
        var row = new
        {
            id = 1, i8 = 9_000_000_000L, i2 = (short)7, txt = "héllo", flag = true, amount = 1234.56m,
            guid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), ts = new DateTime(2024, 2, 29, 13, 14, 15, DateTimeKind.Utc),
            lts = new DateTime(2024, 1, 2, 3, 4, 5), blob = new byte[] { 0, 1, 255 }, day = new DateOnly(2024, 2, 29),
            dbl = 3.5, f4 = 12.5f, vc = "short", ch = "ab", span = TimeSpan.FromMinutes(90),
        };
        using (var insert = new NpgsqlCommand("INSERT INTO probe VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)", c))
        {
            foreach (var value in new object[] { row.id, row.i8, row.i2, row.txt, row.flag, row.amount, row.guid, row.ts, row.lts, row.blob, row.day, row.dbl, row.f4, row.vc, row.ch, row.span })
                insert.Parameters.Add(new NpgsqlParameter { Value = value });
            Assert.Equal(1, insert.ExecuteNonQuery());
        }
        using var cmd = new NpgsqlCommand("SELECT * FROM probe", c);
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(9_000_000_000L, r.GetInt64(1));
        Assert.Equal(1234.56m, r.GetDecimal(5));
        Assert.Equal("numeric(12,2)", r.GetDataTypeName(5).Replace(" ", ""));
        Assert.Equal(row.guid, r.GetGuid(6));
        Assert.Equal(row.ts, r.GetDateTime(7));
        Assert.Equal(row.day, r.GetFieldValue<DateOnly>(10));
        Assert.Equal("character varying(20)", r.GetDataTypeName(13));
        Assert.Equal("ab ", r.GetString(14));
        Assert.Equal(row.span, r.GetTimeSpan(15));
    }

    [Fact]
    public void Pooled_connections_are_reset_with_DISCARD_ALL_and_stay_usable()
    {
        for (var i = 0; i < 5; i++)
        {
            using var c = Open();
            Assert.Equal(i, c.ExecuteScalar<int>("SELECT @i", new { i }));
            c.Execute("SET extra_float_digits = 3");
        }
        using var last = Open();
        Assert.Equal("1", last.ExecuteScalar<string>("SHOW extra_float_digits"));
    }

    [Fact]
    public void Transactions_and_prepared_statements_work_on_pooled_connections()
    {
        using (var c = Open())
        {
            c.Execute("CREATE TABLE t (id int PRIMARY KEY, v text)");
            using var tx = c.BeginTransaction();
            c.Execute("INSERT INTO t VALUES (1, 'a')", transaction: tx);
            tx.Commit();
        }
        using (var c = Open())
        {
            using var cmd = new NpgsqlCommand("SELECT v FROM t WHERE id = $1", c);
            cmd.Parameters.Add(new NpgsqlParameter { Value = 1 });
            cmd.Prepare();
            Assert.Equal("a", cmd.ExecuteScalar());
            Assert.Equal("a", cmd.ExecuteScalar());
        }
        using (var c = Open())
            Assert.Equal(1L, c.ExecuteScalar<long>("SELECT count(*) FROM t"));
    }

    [Fact]
    public void ReloadTypes_reruns_type_loading()
    {
        using var c = Open();
        c.ReloadTypes();
        Assert.Equal(2, c.ExecuteScalar<int>("SELECT 1 + 1"));
    }
}

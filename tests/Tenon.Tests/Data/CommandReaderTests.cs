using System.Data;
using Tenon.Data;

namespace Tenon.Tests.Data;

public class CommandReaderTests : DataTestBase
{
    [Fact]
    public void TypedGettersAndTypeNames()
    {
        Exec("""
            CREATE TABLE t (i int, b bigint, s smallint, n numeric(8,3), f float8, r real, tx text, v varchar(20), c char(3),
                            u uuid, d date, ts timestamp, tz timestamptz, iv interval, by bytea, ok boolean)
            """);
        Exec("""
            INSERT INTO t VALUES (1, 2, 3, 4.5, 6.25, 7.5, 'txt', 'var', 'ab', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
                                  '2024-01-02', '2024-01-02 03:04:05.678', '2024-01-02 03:04:05+00', '1 day 02:00:00', '\x0102', true)
            """);
        using var r = Command("SELECT * FROM t").ExecuteReader();
        Assert.True(r.HasRows);
        Assert.True(r.Read());
        Assert.Equal(1, r.GetInt32(0));
        Assert.Equal(2L, r.GetInt64(1));
        Assert.Equal((short)3, r.GetInt16(2));
        Assert.Equal(4.500m, r.GetDecimal(3));
        Assert.Equal(6.25, r.GetDouble(4));
        Assert.Equal(7.5f, r.GetFloat(5));
        Assert.Equal("txt", r.GetString(6));
        Assert.Equal("var", r.GetString(7));
        Assert.Equal("ab ", r.GetString(8));
        Assert.Equal(Guid.Parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), r.GetGuid(9));
        Assert.Equal(new DateTime(2024, 1, 2), r.GetDateTime(10));
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, 678), r.GetDateTime(11));
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), r.GetDateTime(12));
        Assert.Equal(new TimeSpan(1, 2, 0, 0), r.GetFieldValue<TimeSpan>(13));
        Assert.Equal(new byte[] { 1, 2 }, r.GetBytes(14));
        Assert.True(r.GetBoolean(15));

        string[] names = ["integer", "bigint", "smallint", "numeric(8,3)", "double precision", "real", "text", "character varying(20)",
            "character(3)", "uuid", "date", "timestamp without time zone", "timestamp with time zone", "interval", "bytea", "boolean"];
        Type[] types = [typeof(int), typeof(long), typeof(short), typeof(decimal), typeof(double), typeof(float), typeof(string), typeof(string),
            typeof(string), typeof(Guid), typeof(DateTime), typeof(DateTime), typeof(DateTime), typeof(TimeSpan), typeof(byte[]), typeof(bool)];
        for (var i = 0; i < names.Length; i++)
        {
            Assert.Equal(names[i], r.GetDataTypeName(i));
            Assert.Equal(types[i], r.GetFieldType(i));
            Assert.IsType(types[i], r.GetValue(i));
        }
        Assert.Equal("tz", r.GetName(12));
        Assert.Equal(12, r.GetOrdinal("TZ"));
        Assert.Equal("txt", r["tx"]);
        Assert.Throws<IndexOutOfRangeException>(() => r.GetOrdinal("nope"));
        Assert.Throws<InvalidCastException>(() => r.GetInt32(6));
        Assert.False(r.Read());
    }

    [Fact]
    public void GetFieldValueConversions()
    {
        using var r = Command("SELECT 5::int, 10000000000::bigint, 2.5::numeric, 'NaN'::numeric, '2024-01-02'::date, '1 mon'::interval").ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(5L, r.GetFieldValue<long>(0));
        Assert.Equal(5m, r.GetFieldValue<decimal>(0));
        Assert.Equal(5, r.GetFieldValue<int?>(0));
        Assert.Throws<InvalidCastException>(() => r.GetFieldValue<int>(1));
        Assert.Equal(2.5, r.GetFieldValue<double>(2));
        Assert.Equal(Tenon.Types.Numeric.Parse("2.5"), r.GetFieldValue<Tenon.Types.Numeric>(2));
        Assert.Throws<InvalidCastException>(() => r.GetDecimal(3));
        Assert.True(double.IsNaN(r.GetFieldValue<double>(3)));
        Assert.Equal(new DateOnly(2024, 1, 2), r.GetFieldValue<DateOnly>(4));
        Assert.Throws<InvalidCastException>(() => r.GetFieldValue<TimeSpan>(5));
        Assert.Equal(1, r.GetFieldValue<Tenon.Types.PgInterval>(5).Months);
    }

    [Fact]
    public void EmptyResultAndHasRows()
    {
        Exec("CREATE TABLE t (x int)");
        using var r = Command("SELECT x FROM t").ExecuteReader();
        Assert.False(r.HasRows);
        Assert.Equal(1, r.FieldCount);
        Assert.False(r.Read());
        Assert.Throws<InvalidOperationException>(() => r.GetValue(0));
    }

    [Fact]
    public void UnknownLiteralsReadAsText()
    {
        using var r = Command("SELECT 'abc' AS a, $1 AS b", "p").ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal("text", r.GetDataTypeName(0));
        Assert.Equal("abc", r.GetString(0));
        Assert.Equal("p", r.GetString(1));
    }

    [Fact]
    public void MultipleResultSetsAndRecordsAffected()
    {
        Exec("CREATE TABLE t (x int)");
        using var cmd = Command("INSERT INTO t VALUES (1), (2); SELECT x FROM t ORDER BY x; UPDATE t SET x = x + 10; SELECT count(*) FROM t; DELETE FROM t WHERE x = 11");
        using var r = cmd.ExecuteReader();
        Assert.Equal(2, r.RecordsAffected);
        Assert.True(r.Read());
        Assert.Equal(1, r.GetInt32(0));
        Assert.True(r.Read());
        Assert.False(r.Read());
        Assert.True(r.NextResult());
        Assert.Equal(4, r.RecordsAffected);
        Assert.True(r.Read());
        Assert.Equal(2L, r.GetInt64(0));
        Assert.False(r.NextResult());
        Assert.Equal(5, r.RecordsAffected);
        Assert.Equal(0, r.FieldCount);
        Assert.False(r.Read());
        r.Close();
        Assert.True(r.IsClosed);
        Assert.Equal(1L, Scalar("SELECT count(*) FROM t"));
    }

    [Fact]
    public void ExecuteNonQueryCountsChangedRows()
    {
        Assert.Equal(-1, Exec("CREATE TABLE t (x int)"));
        Assert.Equal(3, Exec("INSERT INTO t SELECT g FROM generate_series(1, 3) g"));
        Assert.Equal(2, Exec("UPDATE t SET x = 0 WHERE x > 1"));
        Assert.Equal(-1, Exec("SELECT * FROM t"));
        Assert.Equal(3, Exec("DELETE FROM t"));
    }

    [Fact]
    public void ExecuteScalarNullAndNoRows()
    {
        Assert.Equal(DBNull.Value, Scalar("SELECT NULL::int"));
        Exec("CREATE TABLE t (x int)");
        Assert.Null(Scalar("SELECT x FROM t"));
        Assert.Null(Scalar("INSERT INTO t VALUES (1)"));
        Assert.Equal(7, Scalar("INSERT INTO t VALUES (7) RETURNING x"));
    }

    [Fact]
    public void ClosingTheReaderRunsTheRemainingStatements()
    {
        Exec("CREATE TABLE t (x int)");
        using (var r = Command("SELECT 1; INSERT INTO t VALUES (1); SELECT 2").ExecuteReader())
        {
            Assert.True(r.Read());
        }
        Assert.Equal(1L, Scalar("SELECT count(*) FROM t"));
    }

    [Fact]
    public void ErrorInALaterStatementSurfacesAtNextResultAndUndoesTheBatch()
    {
        Exec("CREATE TABLE t (x int)");
        using (var r = Command("INSERT INTO t VALUES (1); SELECT x FROM t; SELECT 1/0").ExecuteReader())
        {
            Assert.True(r.Read());
            Assert.Equal(1, r.GetInt32(0));
            var ex = Assert.Throws<Tenon.Errors.TenonException>(() => r.NextResult());
            Assert.Equal("22012", ex.SqlState);
            Assert.False(r.NextResult());
        }
        // The statements of one command run as one implicit transaction, as in PostgreSQL.
        Assert.Equal(0L, Scalar("SELECT count(*) FROM t"));
    }

    [Fact]
    public void OneReaderAtATime()
    {
        using var r = Command("SELECT 1").ExecuteReader();
        Assert.Throws<InvalidOperationException>(() => Scalar("SELECT 2"));
        r.Close();
        Assert.Equal(2, Scalar("SELECT 2"));
    }

    [Fact]
    public void CommandBehaviors()
    {
        using (var r = Command("SELECT g FROM generate_series(1, 3) g; SELECT 9").ExecuteReader(CommandBehavior.SingleRow | CommandBehavior.SingleResult))
        {
            Assert.True(r.Read());
            Assert.False(r.Read());
            Assert.False(r.NextResult());
        }
        using (var r = Command("SELECT 1").ExecuteReader(CommandBehavior.CloseConnection))
            r.Close();
        Assert.Equal(ConnectionState.Closed, Connection.State);
    }

    [Fact]
    public void SchemaTable()
    {
        Exec("CREATE TABLE items (id int PRIMARY KEY, name varchar(30) NOT NULL, price numeric(10,2))");
        using var r = Command("SELECT id, name AS label, price, 1 + 1 AS two FROM items").ExecuteReader();
        var schema = r.GetSchemaTable();
        Assert.Equal(4, schema.Rows.Count);
        var id = schema.Rows[0];
        Assert.Equal("id", id["ColumnName"]);
        Assert.Equal(typeof(int), id["DataType"]);
        Assert.Equal("integer", id["DataTypeName"]);
        Assert.Equal(true, id["IsKey"]);
        Assert.Equal(false, id["AllowDBNull"]);
        Assert.Equal("items", id["BaseTableName"]);
        var label = schema.Rows[1];
        Assert.Equal(30, label["ColumnSize"]);
        Assert.Equal("name", label["BaseColumnName"]);
        Assert.Equal(true, label["IsAliased"]);
        Assert.Equal(10, schema.Rows[2]["NumericPrecision"]);
        Assert.Equal(2, schema.Rows[2]["NumericScale"]);
        Assert.Equal(true, schema.Rows[3]["IsExpression"]);
        Assert.Equal(DBNull.Value, schema.Rows[3]["BaseTableName"]);
    }

    [Fact]
    public void GetBytesAndCharsInChunks()
    {
        using var r = Command("SELECT '\\x0102030405'::bytea, 'hello'").ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(5, r.GetBytes(0, 0, null, 0, 0));
        var buf = new byte[3];
        Assert.Equal(3, r.GetBytes(0, 1, buf, 0, 3));
        Assert.Equal(new byte[] { 2, 3, 4 }, buf);
        var chars = new char[10];
        Assert.Equal(3, r.GetChars(1, 2, chars, 0, 10));
        Assert.Equal("llo", new string(chars, 0, 3));
    }

    [Fact]
    public void SyntaxErrorsCarryPostgresPositions()
    {
        var ex = Assert.Throws<Tenon.Errors.TenonException>(() => Scalar("SELECT 1 FRM t"));
        Assert.Equal("42601", ex.SqlState);
        Assert.Equal("syntax error at or near \"t\"", ex.MessageText);
        Assert.Equal(14, ex.Position);
    }
}

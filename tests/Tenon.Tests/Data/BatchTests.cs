using System.Data;
using System.Data.Common;
using Tenon.Data;
using Tenon.Errors;

namespace Tenon.Tests.Data;

public class BatchTests : DataTestBase
{
    public BatchTests()
    {
        Exec("CREATE TABLE parent (id int PRIMARY KEY, name text NOT NULL)");
        Exec("CREATE TABLE child (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES parent ON DELETE CASCADE)");
    }

    private long Count(string table) => (long)Scalar($"SELECT count(*) FROM {table}")!;

    private TenonBatch Batch(params string[] texts)
    {
        var batch = Connection.CreateBatch();
        foreach (var text in texts) batch.BatchCommands.Add(text);
        return batch;
    }

    [Fact]
    public void CommandsRunInOrderWithTheirOwnParameters()
    {
        using var batch = Connection.CreateBatch();
        var positional = batch.BatchCommands.Add("INSERT INTO parent VALUES ($1, $2), ($3, $4)");
        foreach (var v in new object[] { 1, "one", 2, "two" }) positional.Parameters.AddWithValue(v);
        var named = batch.BatchCommands.Add("INSERT INTO child SELECT id * 10, id FROM parent WHERE name <> @skip");
        named.Parameters.AddWithValue("skip", "two");
        batch.BatchCommands.Add("SELECT id, name FROM parent ORDER BY id");
        var update = batch.BatchCommands.Add("UPDATE parent SET name = upper(name) WHERE id >= $1");
        update.Parameters.AddWithValue(1);
        batch.BatchCommands.Add("SELECT count(*) FROM child");

        using (var reader = batch.ExecuteReader())
        {
            Assert.Equal(2, reader.FieldCount);
            Assert.True(reader.Read());
            Assert.Equal((1, "one"), (reader.GetInt32(0), reader.GetString(1)));
            Assert.True(reader.Read());
            Assert.Equal((2, "two"), (reader.GetInt32(0), reader.GetString(1)));
            Assert.False(reader.Read());
            Assert.True(reader.NextResult());
            Assert.True(reader.Read());
            Assert.Equal(1L, reader.GetInt64(0));
            Assert.False(reader.NextResult());
            Assert.Equal(2 + 1 + 2, reader.RecordsAffected);
        }
        Assert.Equal(new[] { 2, 1, -1, 2, -1 }, batch.BatchCommands.Select(c => c.RecordsAffected));
        Assert.Equal("ONE", Scalar("SELECT name FROM parent WHERE id = 1"));
    }

    [Fact]
    public void ExecuteNonQueryAndScalarCoverTheWholeBatch()
    {
        using var batch = Batch("INSERT INTO parent VALUES (1, 'a')", "INSERT INTO parent VALUES (2, 'b'), (3, 'c')", "DELETE FROM parent WHERE id = 3");
        Assert.Equal(4, batch.ExecuteNonQuery());
        using var scalar = Batch("INSERT INTO parent VALUES (4, 'd')", "SELECT max(id) FROM parent", "SELECT 'ignored'");
        Assert.Equal(4, scalar.ExecuteScalar());
        Assert.Equal(3L, Count("parent"));
    }

    [Fact]
    public void AFailingCommandRollsBackTheWholeBatchOutsideATransaction()
    {
        Exec("INSERT INTO parent VALUES (1, 'kept')");
        using var batch = Batch(
            "INSERT INTO parent VALUES (2, 'b')",
            "INSERT INTO child VALUES (20, 2)",
            "INSERT INTO child VALUES (30, 3)",
            "INSERT INTO parent VALUES (4, 'never runs')");
        var ex = Assert.Throws<TenonException>(() => batch.ExecuteNonQuery());
        Assert.Equal(SqlState.ForeignKeyViolation, ex.SqlState);
        Assert.Equal("child_parent_id_fkey", ex.ConstraintName);
        Assert.Equal(1L, Count("parent"));
        Assert.Equal(0L, Count("child"));
        Assert.Equal(new[] { 1, 1, -1, -1 }, batch.BatchCommands.Select(c => c.RecordsAffected));
        // The connection is usable and not inside a transaction afterwards.
        Assert.Equal(1, Exec("INSERT INTO parent VALUES (5, 'e')"));
        Assert.Equal(2L, Count("parent"));
    }

    [Fact]
    public void DeferredChecksRunAtTheEndOfTheBatch()
    {
        Exec("CREATE TABLE d (id int PRIMARY KEY, ref int REFERENCES d DEFERRABLE INITIALLY DEFERRED)");
        using var ok = Batch("INSERT INTO d VALUES (1, 2)", "INSERT INTO d VALUES (2, 1)");
        Assert.Equal(2, ok.ExecuteNonQuery());
        using var bad = Batch("INSERT INTO d VALUES (3, 4)", "INSERT INTO d VALUES (5, 1)");
        var ex = Assert.Throws<TenonException>(() => bad.ExecuteNonQuery());
        Assert.Equal(SqlState.ForeignKeyViolation, ex.SqlState);
        Assert.Equal(2L, Count("d"));
    }

    [Fact]
    public void InsideATransactionAFailureFailsTheTransaction()
    {
        using var tx = Connection.BeginTransaction();
        Exec("INSERT INTO parent VALUES (1, 'a')");
        using var batch = Batch("INSERT INTO parent VALUES (2, 'b')", "INSERT INTO parent VALUES (1, 'dup')");
        batch.Transaction = tx;
        Assert.Equal(SqlState.UniqueViolation, Assert.Throws<TenonException>(() => batch.ExecuteNonQuery()).SqlState);
        Assert.Equal(SqlState.InFailedSqlTransaction, Assert.Throws<TenonException>(() => Scalar("SELECT 1")).SqlState);
        tx.Rollback();
        Assert.Equal(0L, Count("parent"));

        using var tx2 = Connection.BeginTransaction();
        using var good = Batch("INSERT INTO parent VALUES (7, 'g')", "INSERT INTO child VALUES (70, 7)");
        good.ExecuteNonQuery();
        tx2.Rollback();
        Assert.Equal(0L, Count("parent"));
    }

    [Fact]
    public void ErrorPositionsPointIntoTheFailingCommandsOwnText()
    {
        using var batch = Connection.CreateBatch();
        batch.BatchCommands.Add("SELECT 1");
        var bad = batch.BatchCommands.Add("SELECT @value + nosuchcolumn FROM parent");
        bad.Parameters.AddWithValue("value", 1);
        var ex = Assert.Throws<TenonException>(() => batch.ExecuteNonQuery());
        Assert.Equal(SqlState.UndefinedColumn, ex.SqlState);
        Assert.Equal("SELECT @value + ".Length + 1, ex.Position);

        using var syntax = Batch("SELECT 1", "SELEC 2");
        var parse = Assert.Throws<TenonException>(() => syntax.Prepare());
        Assert.Equal(SqlState.SyntaxError, parse.SqlState);
        Assert.Equal(1, parse.Position);
        Assert.Equal(SqlState.SyntaxError, Assert.Throws<TenonException>(() => syntax.ExecuteNonQuery()).SqlState);
    }

    [Fact]
    public void PreparedBatchRunsAgainWithNewValues()
    {
        using var batch = Connection.CreateBatch();
        var insert = batch.BatchCommands.Add("INSERT INTO parent VALUES (@id, @name)");
        var id = insert.Parameters.AddWithValue("id", 0);
        var name = insert.Parameters.AddWithValue("name", "");
        var child = batch.BatchCommands.Add("INSERT INTO child VALUES ($1, $2)");
        var childId = child.Parameters.AddWithValue(0);
        var parentId = child.Parameters.AddWithValue(0);
        batch.Prepare();
        for (var i = 1; i <= 20; i++)
        {
            id.Value = i;
            name.Value = "p" + i;
            childId.Value = 100 + i;
            parentId.Value = i;
            Assert.Equal(2, batch.ExecuteNonQuery());
        }
        Assert.Equal(20L, Count("child"));
        insert.CommandText = "INSERT INTO parent VALUES (@id, @name || '!')";
        id.Value = 21;
        parentId.Value = 21;
        childId.Value = 121;
        Assert.Equal(2, batch.ExecuteNonQuery());
        Assert.Equal("p20!", Scalar("SELECT name FROM parent WHERE id = 21"));
    }

    [Fact]
    public async Task AsyncMethodsAndTheProviderFactory()
    {
        DbProviderFactory factory = TenonFactory.Instance;
        Assert.True(factory.CanCreateBatch);
        Assert.True(Connection.CanCreateBatch);
        await using DbBatch batch = factory.CreateBatch();
        batch.Connection = Connection;
        var command = factory.CreateBatchCommand();
        command.CommandText = "INSERT INTO parent VALUES ($1, 'x')";
        Assert.True(command.CanCreateParameter);
        var p = command.CreateParameter();
        p.Value = 9;
        command.Parameters.Add(p);
        batch.BatchCommands.Add(command);
        batch.BatchCommands.Add(new TenonBatchCommand("SELECT name FROM parent WHERE id = 9"));
        await batch.PrepareAsync();
        Assert.Equal("x", await batch.ExecuteScalarAsync());
        Assert.Equal(1L, Count("parent"));

        batch.BatchCommands.RemoveAt(1);
        p.Value = 10;
        Assert.Equal(1, await batch.ExecuteNonQueryAsync());
        p.Value = 11;
        await using (var reader = await batch.ExecuteReaderAsync())
            Assert.False(await reader.NextResultAsync());
        Assert.Equal(3L, Count("parent"));
        Assert.Throws<InvalidCastException>(() => batch.BatchCommands.Add(new FakeBatchCommand()));
    }

    [Fact]
    public void MisuseIsRefusedClearly()
    {
        using var empty = Connection.CreateBatch();
        Assert.Throws<InvalidOperationException>(() => empty.ExecuteNonQuery());
        using var detached = new TenonBatch();
        detached.BatchCommands.Add("SELECT 1");
        Assert.Throws<InvalidOperationException>(() => detached.ExecuteNonQuery());
        using var reader = Command("SELECT 1").ExecuteReader();
        using var busy = Batch("SELECT 1");
        Assert.Throws<InvalidOperationException>(() => busy.ExecuteNonQuery());
    }

    [Fact]
    public void TimeoutCancelsTheRunningStatementAndRollsBackTheBatch()
    {
        using var batch = Batch("INSERT INTO parent VALUES (1, 'a')", "SELECT pg_sleep(10)");
        batch.Timeout = 1;
        var ex = Assert.Throws<TenonException>(() => batch.ExecuteNonQuery());
        Assert.Equal(SqlState.QueryCanceled, ex.SqlState);
        Assert.Equal(0L, Count("parent"));
    }

    private sealed class FakeBatchCommand : DbBatchCommand
    {
        public override string CommandText { get; set; } = "";
        public override CommandType CommandType { get; set; }
        public override int RecordsAffected => 0;
        protected override DbParameterCollection DbParameterCollection => throw new NotSupportedException();
    }
}

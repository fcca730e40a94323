using Dapper;
using Tenon.Data;
using Tenon.Errors;

namespace Tenon.Tests.Data;

public class DapperTests : DataTestBase
{
    public enum Status { Active = 1, Retired = 2 }

    public sealed class Product
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
        public decimal Price { get; set; }
        public int Stock { get; set; }
        public bool Discontinued { get; set; }
        public DateTime CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }
        public string? Notes { get; set; }
        public Status Status { get; set; }
        public long? ParentStock { get; set; }
    }

    public sealed record ProductSummary(string Name, decimal Price, int Stock);

    public DapperTests()
    {
        Connection.Execute("""
            CREATE TABLE product (
                id uuid PRIMARY KEY,
                name text NOT NULL UNIQUE,
                price numeric(10,2) NOT NULL CHECK (price >= 0),
                stock int NOT NULL DEFAULT 0,
                discontinued boolean NOT NULL DEFAULT false,
                created_at timestamp NOT NULL,
                updated_at timestamptz NOT NULL,
                notes text,
                status int NOT NULL,
                parent_stock bigint)
            """);
    }

    private Product NewProduct(string name, decimal price, int stock) => new()
    {
        Id = Guid.NewGuid(),
        Name = name,
        Price = price,
        Stock = stock,
        CreatedAt = new DateTime(2024, 6, 1, 12, 30, 0),
        UpdatedAt = new DateTimeOffset(2024, 6, 2, 8, 0, 0, TimeSpan.Zero),
        Status = Status.Active,
    };

    private const string Insert = """
        INSERT INTO product (id, name, price, stock, discontinued, created_at, updated_at, notes, status, parent_stock)
        VALUES (@Id, @Name, @Price, @Stock, @Discontinued, @CreatedAt, @UpdatedAt, @Notes, @Status, @ParentStock)
        """;

    [Fact]
    public void ExecuteWithObjectAndQueryMapsToPoco()
    {
        var p = NewProduct("Widget", 9.99m, 5);
        p.Notes = "first";
        Assert.Equal(1, Connection.Execute(Insert, p));
        Assert.Equal(2, Connection.Execute(Insert, new[] { NewProduct("Gadget", 19.50m, 0), NewProduct("Doohickey", 0m, 12) }));

        var all = Connection.Query<Product>("SELECT id, name, price, stock, discontinued, created_at AS CreatedAt, updated_at AS UpdatedAt, notes, status, parent_stock AS ParentStock FROM product ORDER BY name").ToList();
        Assert.Equal(["Doohickey", "Gadget", "Widget"], all.Select(x => x.Name));
        var w = all[2];
        Assert.Equal(p.Id, w.Id);
        Assert.Equal(9.99m, w.Price);
        Assert.Equal(5, w.Stock);
        Assert.False(w.Discontinued);
        Assert.Equal(p.CreatedAt, w.CreatedAt);
        Assert.Equal(p.UpdatedAt, w.UpdatedAt);
        Assert.Equal("first", w.Notes);
        Assert.Equal(Status.Active, w.Status);
        Assert.Null(w.ParentStock);
        Assert.Null(all[0].Notes);
    }

    [Fact]
    public void QueryMapsToRecordAndScalars()
    {
        Connection.Execute(Insert, new[] { NewProduct("A", 1.5m, 1), NewProduct("B", 2.5m, 2), NewProduct("C", 3.5m, 3) });
        var cheap = Connection.Query<ProductSummary>(
            "SELECT name, price, stock FROM product WHERE price < @max AND name IN @names ORDER BY price",
            new { max = 3m, names = new[] { "A", "B", "C" } }).ToList();
        Assert.Equal([new ProductSummary("A", 1.5m, 1), new ProductSummary("B", 2.5m, 2)], cheap);

        Assert.Equal(6, Connection.ExecuteScalar<int>("SELECT sum(stock) FROM product"));
        Assert.Equal(["A", "B", "C"], Connection.Query<string>("SELECT name FROM product ORDER BY name"));
    }

    [Fact]
    public void QuerySingleAndFirstOrDefault()
    {
        var p = NewProduct("Solo", 4m, 4);
        Connection.Execute(Insert, p);
        var one = Connection.QuerySingle<Product>("SELECT id, name, price, stock, status FROM product WHERE id = @id", new { id = p.Id });
        Assert.Equal("Solo", one.Name);
        Assert.Null(Connection.QueryFirstOrDefault<Product>("SELECT * FROM product WHERE name = @name", new { name = "none" }));
        Assert.Throws<InvalidOperationException>(() => Connection.QuerySingle<int>("SELECT 1 UNION ALL SELECT 2"));
        var (count, max) = Connection.QuerySingle<(long, decimal)>("SELECT count(*), max(price) FROM product");
        Assert.Equal((1L, 4m), (count, max));
    }

    [Fact]
    public void DynamicRowsAndMultipleResults()
    {
        Connection.Execute(Insert, NewProduct("Dyn", 7m, 7));
        var row = Connection.QuerySingle("SELECT name, stock FROM product");
        Assert.Equal("Dyn", (string)row.name);
        Assert.Equal(7, (int)row.stock);

        using var multi = Connection.QueryMultiple("SELECT count(*) FROM product; SELECT name FROM product WHERE stock = @s", new { s = 7 });
        Assert.Equal(1L, multi.ReadSingle<long>());
        Assert.Equal("Dyn", multi.ReadSingle<string>());
    }

    [Fact]
    public void TransactionCommitAndRollback()
    {
        using (var tx = Connection.BeginTransaction())
        {
            Connection.Execute(Insert, NewProduct("Kept", 1m, 1), tx);
            tx.Commit();
        }
        using (var tx = Connection.BeginTransaction())
        {
            Connection.Execute(Insert, NewProduct("Dropped", 1m, 1), tx);
            Assert.Equal(2L, Connection.ExecuteScalar<long>("SELECT count(*) FROM product", transaction: tx));
            tx.Rollback();
        }
        Assert.Equal(["Kept"], Connection.Query<string>("SELECT name FROM product"));
    }

    [Fact]
    public void ConstraintErrorsSurfaceThroughDapper()
    {
        Connection.Execute(Insert, NewProduct("Dup", 1m, 1));
        var ex = Assert.Throws<TenonException>(() => Connection.Execute(Insert, NewProduct("Dup", 1m, 1)));
        Assert.Equal("23505", ex.SqlState);
        Assert.Equal("product_name_key", ex.ConstraintName);
        var check = Assert.Throws<TenonException>(() => Connection.Execute(Insert, NewProduct("Neg", -1m, 1)));
        Assert.Equal("23514", check.SqlState);
        Assert.Equal("product_price_check", check.ConstraintName);
    }

    [Fact]
    public void UpdateReturningAndDates()
    {
        var p = NewProduct("Upd", 1m, 1);
        Connection.Execute(Insert, p);
        var stock = Connection.ExecuteScalar<int>(
            "UPDATE product SET stock = stock + @n, updated_at = @now WHERE id = @id RETURNING stock",
            new { n = 10, now = DateTime.UtcNow, id = p.Id });
        Assert.Equal(11, stock);
        var day = Connection.QuerySingle<DateTime>("SELECT created_at::date FROM product WHERE created_at < @limit", new { limit = new DateTime(2024, 6, 2) });
        Assert.Equal(new DateTime(2024, 6, 1), day);
    }
}

public class DapperAsyncTests : DataTestBase
{
    public sealed record Row(int Id, string Label);

    [Fact]
    public async Task AsyncApisWork()
    {
        await Connection.ExecuteAsync("CREATE TABLE r (id int PRIMARY KEY, label text)");
        await Connection.ExecuteAsync("INSERT INTO r VALUES (@Id, @Label)", new[] { new Row(1, "one"), new Row(2, "two") });
        var rows = (await Connection.QueryAsync<Row>("SELECT id, label FROM r ORDER BY id")).ToList();
        Assert.Equal([new Row(1, "one"), new Row(2, "two")], rows);
        Assert.Equal("two", await Connection.QuerySingleAsync<string>("SELECT label FROM r WHERE id = @id", new { id = 2 }));
        await using var tx = await Connection.BeginTransactionAsync();
        await Connection.ExecuteAsync("DELETE FROM r", transaction: tx);
        await tx.RollbackAsync();
        Assert.Equal(2L, await Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM r"));
    }
}

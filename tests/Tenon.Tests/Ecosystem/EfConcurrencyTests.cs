using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tenon.Tests.Server;

namespace Tenon.Tests.Ecosystem;

public sealed class Account
{
    public int Id { get; set; }
    public required string Owner { get; set; }
    [ConcurrencyCheck] public decimal Balance { get; set; }
}

/// <summary>Npgsql's recommended row version: the system column xmin (type xid) as a uint concurrency token.</summary>
public sealed class Document
{
    public int Id { get; set; }
    public required string Title { get; set; }
    [Timestamp] public uint Version { get; set; }
}

public sealed class Member
{
    public int Id { get; set; }
    [MaxLength(40)] public required string Email { get; set; }
    public int Age { get; set; }
    public int? SponsorId { get; set; }
    public Member? Sponsor { get; set; }
}

public sealed class BankContext(DbContextOptions<BankContext> options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Document> Documents => Set<Document>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Member>(e =>
        {
            e.HasIndex(m => m.Email).IsUnique();
            e.ToTable(t => t.HasCheckConstraint("CK_Members_Age", "\"Age\" >= 18"));
            e.HasOne(m => m.Sponsor).WithMany().HasForeignKey(m => m.SponsorId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>Optimistic concurrency and constraint errors through EF Core against <c>tenon serve</c>.</summary>
public sealed class EfConcurrencyTests : IDisposable
{
    private readonly TestServer _server = new();
    private readonly NpgsqlDataSource _dataSource;

    public EfConcurrencyTests()
    {
        _dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={_server.Port};Username=tester;Database=postgres;Timeout=10;Include Error Detail=true");
        using var db = Context();
        db.Database.EnsureCreated();
        db.Accounts.Add(new Account { Owner = "Ann", Balance = 100m });
        db.Members.Add(new Member { Email = "ann@example.com", Age = 30 });
        db.SaveChanges();
    }

    public void Dispose()
    {
        _dataSource.Dispose();
        _server.Dispose();
    }

    private BankContext Context() => new(new DbContextOptionsBuilder<BankContext>().UseNpgsql(_dataSource).Options);

    [Fact]
    public void A_ConcurrencyCheck_property_detects_a_concurrent_update()
    {
        using var first = Context();
        using var second = Context();
        var a1 = first.Accounts.Single();
        var a2 = second.Accounts.Single();

        a1.Balance += 50m;
        Assert.Equal(1, first.SaveChanges());

        // The second context still holds Balance = 100: its UPDATE … WHERE "Balance" = 100 matches no row.
        a2.Balance -= 30m;
        var e = Assert.Throws<DbUpdateConcurrencyException>(() => second.SaveChanges());
        var entry = Assert.Single(e.Entries);
        Assert.Equal(150m, entry.GetDatabaseValues()!.GetValue<decimal>(nameof(Account.Balance)));

        // Resolving: take the stored values as the new original ones, and retry.
        entry.OriginalValues.SetValues(entry.GetDatabaseValues()!);
        a2.Balance = 120m;
        Assert.Equal(1, second.SaveChanges());
        using var third = Context();
        Assert.Equal(120m, third.Accounts.Single().Balance);
    }

    [Fact]
    public void The_xmin_row_version_changes_with_each_update_and_detects_conflicts()
    {
        var log = new EfCommandLog();
        using var first = new BankContext(new DbContextOptionsBuilder<BankContext>().UseNpgsql(_dataSource).AddInterceptors(log).Options);
        var doc = new Document { Title = "Draft" };
        first.Documents.Add(doc);
        first.SaveChanges();
        // The version comes back from the INSERT (RETURNING xmin) and is the writing transaction's id.
        Assert.Contains(log.Commands, c => c.Contains("RETURNING \"Id\", xmin", StringComparison.Ordinal));
        Assert.NotEqual(0u, doc.Version);
        using (var c = _dataSource.OpenConnection())
        using (var cmd = new NpgsqlCommand("SELECT xmin FROM \"Documents\"", c))
            Assert.Equal(doc.Version, cmd.ExecuteScalar());

        using var second = Context();
        var copy = second.Documents.Single();
        Assert.Equal(doc.Version, copy.Version);

        var before = doc.Version;
        doc.Title = "Final";
        Assert.Equal(1, first.SaveChanges());
        Assert.NotEqual(before, doc.Version);
        Assert.Contains(log.Commands, c => c.Contains("WHERE \"Id\" = @p1 AND xmin = @p2", StringComparison.Ordinal));

        // The second context's token is the old xmin: its UPDATE … WHERE xmin = @old matches nothing.
        copy.Title = "Mine";
        var e = Assert.Throws<DbUpdateConcurrencyException>(() => second.SaveChanges());
        var entry = Assert.Single(e.Entries);
        var stored = entry.GetDatabaseValues()!;
        Assert.Equal(("Final", doc.Version), (stored.GetValue<string>(nameof(Document.Title)), stored.GetValue<uint>(nameof(Document.Version))));
        entry.OriginalValues.SetValues(stored);
        Assert.Equal(1, second.SaveChanges());

        // A delete with a stale version fails the same way.
        first.Documents.Remove(doc);
        Assert.Throws<DbUpdateConcurrencyException>(() => first.SaveChanges());
        using var third = Context();
        Assert.Equal("Mine", third.Documents.Single().Title);
    }

    [Fact]
    public void Deleting_a_row_another_context_already_deleted_is_a_concurrency_error()
    {
        using var first = Context();
        using var second = Context();
        var a1 = first.Accounts.Single();
        var a2 = second.Accounts.Single();
        first.Accounts.Remove(a1);
        first.SaveChanges();
        second.Accounts.Remove(a2);
        Assert.Throws<DbUpdateConcurrencyException>(() => second.SaveChanges());
    }

    [Fact]
    public void Constraint_violations_carry_sqlstate_constraint_table_and_column()
    {
        using (var db = Context())
        {
            db.Members.Add(new Member { Email = "ann@example.com", Age = 40 });
            var e = Assert.Throws<DbUpdateException>(() => db.SaveChanges());
            var pg = Assert.IsType<PostgresException>(e.InnerException);
            Assert.Equal((PostgresErrorCodes.UniqueViolation, "IX_Members_Email", "Members", "public"), (pg.SqlState, pg.ConstraintName, pg.TableName, pg.SchemaName));
            Assert.Equal("Key (\"Email\")=(ann@example.com) already exists.", pg.Detail);
        }
        using (var db = Context())
        {
            db.Members.Add(new Member { Email = "kid@example.com", Age = 12 });
            var pg = Assert.IsType<PostgresException>(Assert.Throws<DbUpdateException>(() => db.SaveChanges()).InnerException);
            Assert.Equal((PostgresErrorCodes.CheckViolation, "CK_Members_Age", "Members"), (pg.SqlState, pg.ConstraintName, pg.TableName));
        }
        using (var db = Context())
        {
            db.Members.Add(new Member { Email = "x@example.com", Age = 20, SponsorId = 42 });
            var pg = Assert.IsType<PostgresException>(Assert.Throws<DbUpdateException>(() => db.SaveChanges()).InnerException);
            Assert.Equal((PostgresErrorCodes.ForeignKeyViolation, "FK_Members_Members_SponsorId", "Members"), (pg.SqlState, pg.ConstraintName, pg.TableName));
            // As PostgreSQL: the FK detail names columns unquoted, the unique one quotes them.
            Assert.Equal("Key (SponsorId)=(42) is not present in table \"Members\".", pg.Detail);
        }
        using (var db = Context())
        {
            // varchar(40) overflow: 22001, no constraint.
            db.Members.Add(new Member { Email = new string('e', 41), Age = 20 });
            var pg = Assert.IsType<PostgresException>(Assert.Throws<DbUpdateException>(() => db.SaveChanges()).InnerException);
            Assert.Equal(PostgresErrorCodes.StringDataRightTruncation, pg.SqlState);
            Assert.Null(pg.ConstraintName);
        }
        using (var db = Context())
        {
            // NOT NULL: the column is named.
            db.Database.ExecuteSqlRaw("SELECT 1");
            var pg = Assert.Throws<PostgresException>(() => db.Database.ExecuteSqlRaw("INSERT INTO \"Members\" (\"Email\", \"Age\") VALUES (NULL, 20)"));
            Assert.Equal((PostgresErrorCodes.NotNullViolation, "Email", "Members"), (pg.SqlState, pg.ColumnName, pg.TableName));
        }
        using (var db = Context())
        {
            // RESTRICT: deleting a sponsor still referenced.
            var ann = db.Members.Single();
            db.Members.Add(new Member { Email = "bob@example.com", Age = 25, SponsorId = ann.Id });
            db.SaveChanges();
            Assert.Equal(1, db.Members.Count(m => m.SponsorId == ann.Id));
            var pg = Assert.Throws<PostgresException>(() => db.Members.Where(m => m.Id == ann.Id).ExecuteDelete());
            Assert.Equal((PostgresErrorCodes.ForeignKeyViolation, "FK_Members_Members_SponsorId", "Members"), (pg.SqlState, pg.ConstraintName, pg.TableName));
            Assert.Equal(2, db.Members.Count());
        }
    }
}

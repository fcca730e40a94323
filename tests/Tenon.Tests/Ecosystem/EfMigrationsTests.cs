using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Tenon.Tests.Ecosystem.EfMigrations;
using Tenon.Tests.Server;

namespace Tenon.Tests.Ecosystem;

/// <summary>EF Core migrations (Database.Migrate(), the history table, up and down) against <c>tenon serve</c>.</summary>
public sealed class EfMigrationsTests : IDisposable
{
    private const string InitialId = "20260101000000_Initial";
    private const string SecondId = "20260102000000_BookAuthors";

    private readonly TestServer _server = new();
    private readonly NpgsqlDataSource _dataSource;
    private readonly EfCommandLog _log = new();

    public EfMigrationsTests()
    {
        _dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={_server.Port};Username=tester;Database=postgres;Timeout=10;Include Error Detail=true");
    }

    public void Dispose()
    {
        _dataSource.Dispose();
        _server.Dispose();
    }

    private LibraryContext Context() =>
        new(new DbContextOptionsBuilder<LibraryContext>().UseNpgsql(_dataSource).AddInterceptors(_log).Options);

    private List<string> History()
    {
        using var c = _dataSource.OpenConnection();
        using var cmd = new NpgsqlCommand("""SELECT "MigrationId" || ' ' || "ProductVersion" FROM "__EFMigrationsHistory" ORDER BY 1""", c);
        using var r = cmd.ExecuteReader();
        var ids = new List<string>();
        while (r.Read()) ids.Add(r.GetString(0));
        return ids;
    }

    private List<string> Columns(string table)
    {
        using var c = _dataSource.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT attname FROM pg_attribute WHERE attrelid = (SELECT oid FROM pg_class WHERE relname = $1) AND attnum > 0 AND NOT attisdropped ORDER BY attnum", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = table });
        using var r = cmd.ExecuteReader();
        var names = new List<string>();
        while (r.Read()) names.Add(r.GetString(0));
        return names;
    }

    private void Execute(string sql)
    {
        using var c = _dataSource.OpenConnection();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void Before_any_migration_the_missing_history_table_means_everything_is_pending()
    {
        using var db = Context();
        // EF reads the history table and treats 42P01 (undefined table) as "no migrations applied".
        Assert.Empty(db.Database.GetAppliedMigrations());
        Assert.Equal([InitialId, SecondId], db.Database.GetPendingMigrations());
        Assert.Equal([InitialId, SecondId], db.Database.GetMigrations());
    }

    [Fact]
    public void Migrate_applies_both_migrations_and_records_them_in_the_history_table()
    {
        using (var db = Context())
            db.Database.Migrate();
        Assert.Equal([$"{InitialId} 10.0.4", $"{SecondId} 10.0.4"], History());
        Assert.Contains(_log.Commands, c => c.StartsWith("CREATE TABLE IF NOT EXISTS \"__EFMigrationsHistory\"", StringComparison.Ordinal));
        Assert.Contains("LOCK TABLE \"__EFMigrationsHistory\" IN ACCESS EXCLUSIVE MODE", _log.Commands);

        using (var db = Context())
        {
            Assert.Equal([InitialId, SecondId], db.Database.GetAppliedMigrations());
            Assert.Empty(db.Database.GetPendingMigrations());
            var ann = new Author { Name = "Ann", Books = { new Book { Title = "One", Pages = 10 }, new Book { Title = "Two" } } };
            db.Authors.Add(ann);
            db.SaveChanges();
            Assert.Equal(1, ann.Id);
            Assert.Equal([1, 2], ann.Books.Select(b => b.Id).Order());
        }

        // Again: nothing pending, the history table already exists (CREATE TABLE IF NOT EXISTS is a no-op).
        _log.Clear();
        using (var db = Context())
            db.Database.Migrate();
        Assert.Equal(2, History().Count);
        Assert.DoesNotContain(_log.Commands, c => c.StartsWith("CREATE TABLE \"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_second_migration_adds_a_column_and_a_foreign_key_to_a_table_with_rows()
    {
        using (var db = Context())
            db.GetService<IMigrator>().Migrate(InitialId);
        Assert.Equal([$"{InitialId} 10.0.4"], History());
        Assert.Equal(["Id", "Title"], Columns("Books"));

        // Rows written by an application still on the first version of the model.
        Execute("""INSERT INTO "Authors" ("Name") VALUES ('Ann'), ('Bob'); INSERT INTO "Books" ("Title") VALUES ('Dune'), ('Emma'), ('Ulysses')""");

        using (var db = Context())
        {
            Assert.Equal([SecondId], db.Database.GetPendingMigrations());
            db.Database.Migrate();
            Assert.Empty(db.Database.GetPendingMigrations());
        }
        Assert.Equal(["Id", "Title", "AuthorId", "Pages"], Columns("Books"));

        using (var db = Context())
        {
            var books = db.Books.Include(b => b.Author).OrderBy(b => b.Id).ToList();
            Assert.Equal([("Dune", "Ann", 40), ("Emma", "Ann", 40), ("Ulysses", "Ann", 70)], books.Select(b => (b.Title, b.Author!.Name, b.Pages)));

            // The new foreign key holds for new rows …
            db.Books.Add(new Book { Title = "Orphan", AuthorId = 99 });
            var e = Assert.Throws<DbUpdateException>(() => db.SaveChanges());
            var pg = Assert.IsType<PostgresException>(e.InnerException);
            Assert.Equal("23503", pg.SqlState);
            Assert.Equal("FK_Books_Authors_AuthorId", pg.ConstraintName);
        }
        using (var db = Context())
        {
            // … and its ON DELETE SET NULL runs in the database for books EF has not loaded.
            Assert.Equal(1, db.Authors.Where(a => a.Name == "Ann").ExecuteDelete());
            Assert.Equal(3, db.Books.Count(b => b.AuthorId == null));
        }
        using (var c = _dataSource.OpenConnection())
        using (var cmd = new NpgsqlCommand("SELECT relname::text FROM pg_class WHERE relkind = 'i' AND relname LIKE '%Books%' ORDER BY 1", c))
        using (var r = cmd.ExecuteReader())
        {
            var indexes = new List<string>();
            while (r.Read()) indexes.Add(r.GetString(0));
            Assert.Equal(["IX_Books_AuthorId", "PK_Books"], indexes);
        }
    }

    [Fact]
    public void Migrating_down_reverts_the_second_migration_and_then_everything()
    {
        using (var db = Context())
            db.Database.Migrate();
        Execute("""INSERT INTO "Authors" ("Name") VALUES ('Ann'); INSERT INTO "Books" ("Title", "AuthorId", "Pages") VALUES ('Dune', 1, 412)""");

        using (var db = Context())
        {
            var migrator = db.GetService<IMigrator>();
            migrator.Migrate(InitialId);
            Assert.Equal([InitialId], db.Database.GetAppliedMigrations());
            Assert.Equal([SecondId], db.Database.GetPendingMigrations());
        }
        Assert.Equal(["Id", "Title"], Columns("Books"));
        Assert.Equal([$"{InitialId} 10.0.4"], History());

        using (var db = Context())
        {
            db.GetService<IMigrator>().Migrate(Migration.InitialDatabase);
            Assert.Empty(db.Database.GetAppliedMigrations());
        }
        using (var c = _dataSource.OpenConnection())
        using (var cmd = new NpgsqlCommand("SELECT relname::text FROM pg_class WHERE relkind = 'r' AND relnamespace = 2200 ORDER BY 1", c))
            Assert.Equal("__EFMigrationsHistory", cmd.ExecuteScalar());

        // And up again from nothing.
        using (var db = Context())
        {
            db.Database.Migrate();
            Assert.Empty(db.Database.GetPendingMigrations());
            Assert.Equal(0, db.Books.Count());
        }
    }

    [Fact]
    public async Task Concurrent_Migrate_calls_are_serialized_by_the_history_table_lock()
    {
        // Each Migrate() locks "__EFMigrationsHistory" before reading it: the others wait for the
        // first to commit and then find nothing pending. (One migration only: EF Core commits after
        // each migration and takes the lock again without re-reading the history, so with several
        // pending a waiting migrator can apply a later one first, on PostgreSQL as on Tenon.)
        var tasks = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            using var db = Context();
            db.Database.Migrate(InitialId);
        })).ToArray();
        await Task.WhenAll(tasks);
        Assert.Equal([InitialId], History().Select(h => h.Split(' ')[0]));
    }

    [Fact]
    public void LOCK_TABLE_NOWAIT_fails_while_another_transaction_holds_the_lock()
    {
        Execute("CREATE TABLE jobs (id int)");
        using var c1 = _dataSource.OpenConnection();
        using var c2 = _dataSource.OpenConnection();
        using var t1 = c1.BeginTransaction();
        new NpgsqlCommand("LOCK TABLE jobs IN SHARE ROW EXCLUSIVE MODE", c1, t1).ExecuteNonQuery();
        using (var t2 = c2.BeginTransaction())
        {
            // ACCESS SHARE conflicts only with ACCESS EXCLUSIVE; reads go on.
            new NpgsqlCommand("LOCK TABLE jobs IN ACCESS SHARE MODE", c2, t2).ExecuteNonQuery();
            Assert.Equal(0L, new NpgsqlCommand("SELECT count(*) FROM jobs", c2, t2).ExecuteScalar());
            var e = Assert.Throws<PostgresException>(() => new NpgsqlCommand("LOCK jobs IN EXCLUSIVE MODE NOWAIT", c2, t2).ExecuteNonQuery());
            Assert.Equal(("55P03", "could not obtain lock on relation \"jobs\""), (e.SqlState, e.MessageText));
        }
        new NpgsqlCommand("INSERT INTO jobs VALUES (1)", c1, t1).ExecuteNonQuery();
        t1.Commit();
        using var t3 = c2.BeginTransaction();
        new NpgsqlCommand("LOCK jobs IN EXCLUSIVE MODE NOWAIT", c2, t3).ExecuteNonQuery();
        // The lock holder continues from the newest committed version.
        Assert.Equal(1L, new NpgsqlCommand("SELECT count(*) FROM jobs", c2, t3).ExecuteScalar());
        t3.Commit();
    }
}

using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tenon.Tests.Server;

namespace Tenon.Tests.Ecosystem;

public sealed class Blog
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Url { get; set; }
    public DateTime CreatedAt { get; set; }
    public decimal? Rating { get; set; }
    public List<Post> Posts { get; } = [];
}

public sealed class Post
{
    public long Id { get; set; }
    public required string Title { get; set; }
    public string? Content { get; set; }
    public bool IsPublished { get; set; }
    public int BlogId { get; set; }
    public Blog Blog { get; set; } = null!;
}

public sealed class BloggingContext(DbContextOptions<BloggingContext> options) : DbContext(options)
{
    public DbSet<Blog> Blogs => Set<Blog>();
    public DbSet<Post> Posts => Set<Post>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Blog>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasIndex(x => x.Name).IsUnique();
        });
        b.Entity<Post>().HasOne(p => p.Blog).WithMany(x => x.Posts).HasForeignKey(p => p.BlogId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>EF Core 10 with the Npgsql provider, default Npgsql settings, against <c>tenon serve</c>.</summary>
public sealed class EfCoreTests : IDisposable
{
    private readonly TestServer _server = new();
    private readonly NpgsqlDataSource _dataSource;

    public EfCoreTests()
    {
        _dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={_server.Port};Username=tester;Database=postgres;Timeout=10;Include Error Detail=true");
    }

    public void Dispose()
    {
        _dataSource.Dispose();
        _server.Dispose();
    }

    private BloggingContext Context() =>
        new(new DbContextOptionsBuilder<BloggingContext>().UseNpgsql(_dataSource).Options);

    private BloggingContext Created()
    {
        var db = Context();
        db.Database.EnsureCreated();
        return db;
    }

    private void Seed()
    {
        using var db = Created();
        db.Blogs.AddRange(
            new Blog { Name = "First", Url = "http://first", CreatedAt = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc), Rating = 4.5m,
                Posts = { new Post { Title = "Post 1", Content = "Body 1", IsPublished = true }, new Post { Title = "Post 2", IsPublished = true },
                          new Post { Title = "Post 3", Content = "Body 3" } } },
            new Blog { Name = "Second", CreatedAt = DateTime.UtcNow, Posts = { new Post { Title = "a" }, new Post { Title = "b", IsPublished = true } } },
            new Blog { Name = "Empty", CreatedAt = DateTime.UtcNow });
        Assert.Equal(8, db.SaveChanges());
    }

    [Fact]
    public void EnsureCreated_creates_the_schema_once()
    {
        using var db = Context();
        Assert.True(db.Database.EnsureCreated());
        // The second call finds the tables through pg_class/pg_namespace/pg_depend (HasTables).
        Assert.False(db.Database.EnsureCreated());
        using var c = _dataSource.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_class WHERE relkind = 'r' AND relnamespace = 2200", c);
        Assert.Equal(2L, cmd.ExecuteScalar());
    }

    [Fact]
    public void EnsureDeleted_of_the_admin_database_itself_is_refused_as_by_PostgreSQL()
    {
        // EF connects to the admin database (postgres) and sends DROP DATABASE … WITH (FORCE) for
        // the context's database, here postgres itself: PostgreSQL's 55006, as a real server says.
        using var db = Created();
        var e = Assert.IsType<PostgresException>(Assert.ThrowsAny<Exception>(() => db.Database.EnsureDeleted()).InnerException);
        Assert.Equal(("55006", "cannot drop the currently open database"), (e.SqlState, e.MessageText));
    }

    [Fact]
    public void SaveChanges_gets_identity_keys_back()
    {
        Seed();
        using var db = Context();
        var blogs = db.Blogs.OrderBy(b => b.Id).ToList();
        Assert.Equal([1, 2, 3], blogs.Select(b => b.Id));
        Assert.Equal(4.5m, blogs[0].Rating);
        Assert.Equal(DateTimeKind.Utc, blogs[0].CreatedAt.Kind);
        var post = new Post { Title = "new", BlogId = 3 };
        db.Posts.Add(post);
        db.SaveChanges();
        Assert.Equal(6L, post.Id);
        post.Title = "renamed";
        Assert.Equal(1, db.SaveChanges());
        using var again = Context();
        Assert.Equal("renamed", again.Posts.Single(p => p.Id == 6).Title);
    }

    [Fact]
    public void Deleting_a_blog_cascades_to_its_posts_in_the_database()
    {
        Seed();
        using (var db = Context())
        {
            // Only the blog is tracked: the posts go through ON DELETE CASCADE on the server.
            var blog = db.Blogs.Single(b => b.Name == "First");
            db.Blogs.Remove(blog);
            Assert.Equal(1, db.SaveChanges());
        }
        using (var db = Context())
        {
            Assert.Equal(2, db.Posts.Count());
            Assert.Equal(1, db.Blogs.Where(b => b.Name == "Second").ExecuteDelete());
            Assert.Equal(0, db.Posts.Count());
        }
    }

    [Fact]
    public void Linq_queries_with_joins_include_grouping_and_paging()
    {
        Seed();
        using var db = Context();

        var first = db.Blogs.Include(b => b.Posts).Single(b => b.Name == "First");
        Assert.Equal(["Post 1", "Post 2", "Post 3"], first.Posts.Select(p => p.Title).Order());

        var joined = (from p in db.Posts join b in db.Blogs on p.BlogId equals b.Id
                      where p.IsPublished orderby p.Id select new { b.Name, p.Title }).ToList();
        Assert.Equal([("First", "Post 1"), ("First", "Post 2"), ("Second", "b")], joined.Select(x => (x.Name, x.Title)));

        var counts = db.Posts.GroupBy(p => p.Blog.Name).Select(g => new { Name = g.Key, Count = g.Count() })
            .OrderBy(x => x.Name).ToList();
        Assert.Equal([("First", 3), ("Second", 2)], counts.Select(x => (x.Name, x.Count)));

        var page = db.Posts.OrderBy(p => p.Id).Skip(1).Take(2).Select(p => p.Title).ToList();
        Assert.Equal(["Post 2", "Post 3"], page);

        var summary = db.Blogs.OrderBy(b => b.Id)
            .Select(b => new { b.Name, Posts = b.Posts.Count, Published = b.Posts.Count(p => p.IsPublished), Label = b.Url ?? "none" })
            .ToList();
        Assert.Equal(("Empty", 0, 0, "none"), (summary[2].Name, summary[2].Posts, summary[2].Published, summary[2].Label));
        Assert.Equal(3, summary[0].Posts);

        Assert.True(db.Blogs.Any(b => b.Name.StartsWith("Fir")));
        Assert.Equal(2, db.Blogs.Count(b => b.Posts.Any()));
        Assert.Equal(["First", "Second"], db.Blogs.Where(b => EF.Functions.ILike(b.Name, "%S%")).OrderBy(b => b.Name).Select(b => b.Name).ToList());
    }

    [Fact]
    public void Constraint_violations_surface_as_DbUpdateException_with_the_constraint_name()
    {
        Seed();
        using (var db = Context())
        {
            db.Posts.Add(new Post { Title = "orphan", BlogId = 999 });
            var e = Assert.Throws<DbUpdateException>(() => db.SaveChanges());
            var pg = Assert.IsType<PostgresException>(e.InnerException);
            Assert.Equal("23503", pg.SqlState);
            Assert.Equal("FK_Posts_Blogs_BlogId", pg.ConstraintName);
        }
        using (var db = Context())
        {
            db.Blogs.Add(new Blog { Name = "First", CreatedAt = DateTime.UtcNow });
            var e = Assert.Throws<DbUpdateException>(() => db.SaveChanges());
            var pg = Assert.IsType<PostgresException>(e.InnerException);
            Assert.Equal("23505", pg.SqlState);
            Assert.Equal("IX_Blogs_Name", pg.ConstraintName);
        }
        using (var db = Context())
            Assert.Equal(3, db.Blogs.Count());
    }
}

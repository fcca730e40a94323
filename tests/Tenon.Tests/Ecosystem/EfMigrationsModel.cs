using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

// The model, migrations and snapshot below are written the way `dotnet ef migrations add` writes
// them (migration class + [Migration] id, ModelSnapshot), so Migrate() runs exactly as in an
// application, without the dotnet-ef tool.
namespace Tenon.Tests.Ecosystem.EfMigrations;

public sealed class Author
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<Book> Books { get; } = [];
}

public sealed class Book
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public int Pages { get; set; }
    public int? AuthorId { get; set; }
    public Author? Author { get; set; }
}

public sealed class LibraryContext(DbContextOptions<LibraryContext> options) : DbContext(options)
{
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Book> Books => Set<Book>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Author>().Property(a => a.Name).HasMaxLength(100);
        b.Entity<Book>().HasOne(x => x.Author).WithMany(a => a.Books).HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}

[DbContext(typeof(LibraryContext))]
[Migration("20260101000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Authors",
            columns: table => new
            {
                Id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Authors", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Books",
            columns: table => new
            {
                Id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Title = table.Column<string>(type: "text", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Books", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Books");
        migrationBuilder.DropTable(name: "Authors");
    }
}

/// <summary>Adds a column with a default and an optional foreign key with its index to a table that already holds rows.</summary>
[DbContext(typeof(LibraryContext))]
[Migration("20260102000000_BookAuthors")]
public sealed class BookAuthors : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "AuthorId", table: "Books", type: "integer", nullable: true);
        migrationBuilder.AddColumn<int>(name: "Pages", table: "Books", type: "integer", nullable: false, defaultValue: 0);
        migrationBuilder.CreateIndex(name: "IX_Books_AuthorId", table: "Books", column: "AuthorId");
        migrationBuilder.AddForeignKey(
            name: "FK_Books_Authors_AuthorId", table: "Books", column: "AuthorId",
            principalTable: "Authors", principalColumn: "Id", onDelete: ReferentialAction.SetNull);
        // A data step, as hand-edited migrations often have: attach the existing books to an author.
        migrationBuilder.Sql("""UPDATE "Books" SET "AuthorId" = (SELECT min("Id") FROM "Authors"), "Pages" = length("Title") * 10;""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropForeignKey(name: "FK_Books_Authors_AuthorId", table: "Books");
        migrationBuilder.DropIndex(name: "IX_Books_AuthorId", table: "Books");
        migrationBuilder.DropColumn(name: "AuthorId", table: "Books");
        migrationBuilder.DropColumn(name: "Pages", table: "Books");
    }
}

[DbContext(typeof(LibraryContext))]
public sealed class LibraryContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder
            .HasAnnotation("ProductVersion", "10.0.4")
            .HasAnnotation("Relational:MaxIdentifierLength", 63);

        NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns(modelBuilder);

        modelBuilder.Entity("Tenon.Tests.Ecosystem.EfMigrations.Author", b =>
        {
            b.Property<int>("Id")
                .ValueGeneratedOnAdd()
                .HasColumnType("integer");

            NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>("Id"));

            b.Property<string>("Name")
                .IsRequired()
                .HasMaxLength(100)
                .HasColumnType("character varying(100)");

            b.HasKey("Id");

            b.ToTable("Authors");
        });

        modelBuilder.Entity("Tenon.Tests.Ecosystem.EfMigrations.Book", b =>
        {
            b.Property<int>("Id")
                .ValueGeneratedOnAdd()
                .HasColumnType("integer");

            NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>("Id"));

            b.Property<int?>("AuthorId")
                .HasColumnType("integer");

            b.Property<int>("Pages")
                .HasColumnType("integer");

            b.Property<string>("Title")
                .IsRequired()
                .HasColumnType("text");

            b.HasKey("Id");

            b.HasIndex("AuthorId");

            b.ToTable("Books");
        });

        modelBuilder.Entity("Tenon.Tests.Ecosystem.EfMigrations.Book", b =>
        {
            b.HasOne("Tenon.Tests.Ecosystem.EfMigrations.Author", "Author")
                .WithMany("Books")
                .HasForeignKey("AuthorId")
                .OnDelete(DeleteBehavior.SetNull);

            b.Navigation("Author");
        });

        modelBuilder.Entity("Tenon.Tests.Ecosystem.EfMigrations.Author", b => b.Navigation("Books"));
    }
}

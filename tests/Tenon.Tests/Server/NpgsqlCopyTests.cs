using Npgsql;

namespace Tenon.Tests.Server;

/// <summary>COPY through Npgsql's text import and export (CopyInResponse / CopyOutResponse).</summary>
public sealed class NpgsqlCopyTests : IDisposable
{
    private readonly TestServer _server = new();

    public void Dispose() => _server.Dispose();

    private NpgsqlConnection Open()
    {
        var c = new NpgsqlConnection(_server.ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand("CREATE TABLE parent (id int PRIMARY KEY); CREATE TABLE item (id int PRIMARY KEY, parent_id int REFERENCES parent, label text); INSERT INTO parent VALUES (1), (2)", c);
        cmd.ExecuteNonQuery();
        return c;
    }

    [Fact]
    public void Text_import_loads_rows_and_export_reads_them_back()
    {
        using var c = Open();
        using (var writer = c.BeginTextImport("COPY item FROM STDIN"))
        {
            writer.Write("10\t1\tfirst\n11\t2\t\\N\n");
            writer.Write("12\t1\twith\\ttab\n");
        }
        using var reader = c.BeginTextExport("COPY item TO STDOUT");
        Assert.Equal("10\t1\tfirst\n11\t2\t\\N\n12\t1\twith\\ttab\n", reader.ReadToEnd());
    }

    [Fact]
    public void A_row_that_breaks_a_foreign_key_fails_the_whole_copy_and_the_connection_goes_on()
    {
        using var c = Open();
        var ex = Assert.Throws<PostgresException>(() =>
        {
            using var writer = c.BeginTextImport("COPY item FROM STDIN");
            writer.Write("20\t1\tok\n21\t99\tdangling\n");
        });
        Assert.Equal("23503", ex.SqlState);
        Assert.Equal("item_parent_id_fkey", ex.ConstraintName);
        using var cmd = new NpgsqlCommand("SELECT count(*) FROM item", c);
        Assert.Equal(0L, cmd.ExecuteScalar());
    }
}

using Npgsql;

namespace Tenon.Tests.Server;

/// <summary>Arrays through Npgsql: type loading from pg_type, binary parameters and results, T[] readers.</summary>
public sealed class NpgsqlArrayTests : IDisposable
{
    private readonly TestServer _server = new();

    public void Dispose() => _server.Dispose();

    private NpgsqlConnection Open()
    {
        var c = new NpgsqlConnection(_server.ConnectionString);
        c.Open();
        return c;
    }

    [Fact]
    public void Int_and_text_arrays_round_trip_as_binary_parameters_and_results()
    {
        using var c = Open();
        using (var create = new NpgsqlCommand("CREATE TABLE tags (id int PRIMARY KEY, nums int[], names text[], big bigint[], ids uuid[])", c))
            create.ExecuteNonQuery();
        var guid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        using (var ins = new NpgsqlCommand("INSERT INTO tags VALUES (1, @nums, @names, @big, @ids)", c))
        {
            ins.Parameters.AddWithValue("nums", new[] { 3, 1, 2 });
            ins.Parameters.AddWithValue("names", new[] { "a b", "", "NULL", "x\"y" });
            ins.Parameters.AddWithValue("big", new[] { 9_000_000_000L });
            ins.Parameters.AddWithValue("ids", new[] { guid });
            Assert.Equal(1, ins.ExecuteNonQuery());
        }
        using (var text = new NpgsqlCommand("SELECT nums::text, names::text FROM tags", c))
        using (var r = text.ExecuteReader())
        {
            Assert.True(r.Read());
            Assert.Equal("{3,1,2}", r.GetString(0));
            Assert.Equal("{\"a b\",\"\",\"NULL\",\"x\\\"y\"}", r.GetString(1));
        }
        using (var sel = new NpgsqlCommand("SELECT nums, names, big, ids, nums[2] FROM tags WHERE @x = ANY (nums)", c))
        {
            sel.Parameters.AddWithValue("x", 2);
            using var r = sel.ExecuteReader();
            Assert.True(r.Read());
            Assert.Equal("integer[]", r.GetDataTypeName(0));
            Assert.Equal(new[] { 3, 1, 2 }, r.GetFieldValue<int[]>(0));
            Assert.Equal(new[] { 3, 1, 2 }, (int[])r.GetValue(0));
            Assert.Equal(new[] { "a b", "", "NULL", "x\"y" }, r.GetFieldValue<string[]>(1));
            Assert.Equal(new[] { 9_000_000_000L }, r.GetFieldValue<long[]>(2));
            Assert.Equal(new[] { guid }, r.GetFieldValue<Guid[]>(3));
            Assert.Equal(1, r.GetInt32(4));
        }
    }

    [Fact]
    public void Null_elements_and_two_dimensional_arrays_read_back()
    {
        using var c = Open();
        using var cmd = new NpgsqlCommand("SELECT ARRAY[1, NULL, 3], ARRAY[[1,2],[3,4]], array_agg(x ORDER BY x) FROM (VALUES ('b'), ('a')) v(x)", c);
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(new int?[] { 1, null, 3 }, r.GetFieldValue<int?[]>(0));
        var square = r.GetFieldValue<int[,]>(1);
        Assert.Equal(2, square.GetLength(0));
        Assert.Equal(3, square[1, 0]);
        Assert.Equal(new[] { "a", "b" }, r.GetFieldValue<string[]>(2));
    }
}

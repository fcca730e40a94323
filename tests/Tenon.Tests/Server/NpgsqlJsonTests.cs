using Npgsql;
using NpgsqlTypes;

namespace Tenon.Tests.Server;

/// <summary>json and jsonb through Npgsql: typed parameters, binary and text results, read back as strings.</summary>
public sealed class NpgsqlJsonTests : IDisposable
{
    private readonly TestServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public void Jsonb_parameter_round_trips_and_reads_back_as_string()
    {
        using var c = new NpgsqlConnection(_server.ConnectionString);
        c.Open();
        using (var create = new NpgsqlCommand("CREATE TABLE docs (id int PRIMARY KEY, doc jsonb, raw json)", c))
            create.ExecuteNonQuery();
        using (var ins = new NpgsqlCommand("INSERT INTO docs VALUES (1, @doc, @raw)", c))
        {
            ins.Parameters.Add(new NpgsqlParameter("doc", NpgsqlDbType.Jsonb) { Value = "{\"b\": 2, \"a\": [true, null]}" });
            ins.Parameters.Add(new NpgsqlParameter("raw", NpgsqlDbType.Json) { Value = "{ \"b\":2 }" });
            Assert.Equal(1, ins.ExecuteNonQuery());
        }
        using (var sel = new NpgsqlCommand("SELECT doc, raw, doc -> 'a', @p::jsonb FROM docs WHERE doc @> @filter", c))
        {
            sel.Parameters.Add(new NpgsqlParameter("filter", NpgsqlDbType.Jsonb) { Value = "{\"b\": 2}" });
            sel.Parameters.AddWithValue("p", "[1, 2]");
            using var r = sel.ExecuteReader();
            Assert.True(r.Read());
            Assert.Equal("jsonb", r.GetDataTypeName(0));
            Assert.Equal("json", r.GetDataTypeName(1));
            Assert.Equal("{\"a\": [true, null], \"b\": 2}", r.GetString(0));
            Assert.Equal("{\"a\": [true, null], \"b\": 2}", r.GetValue(0));
            Assert.Equal("{ \"b\":2 }", r.GetString(1));
            Assert.Equal("[true, null]", r.GetFieldValue<string>(2));
            Assert.Equal("[1, 2]", r.GetString(3));
            Assert.False(r.Read());
        }
    }
}

using Tenon.Data;
using Tenon.Errors;

namespace Tenon.Tests.Data;

/// <summary>json and jsonb through the ADO.NET provider: both read as strings, as Npgsql reads them by default.</summary>
public sealed class JsonValueTests : DataTestBase
{
    [Fact]
    public void Json_and_jsonb_columns_read_as_strings()
    {
        Exec("CREATE TABLE docs (id int, doc jsonb, raw json)");
        Assert.Equal(1, Exec("INSERT INTO docs VALUES (1, $1, $2)", "{\"b\": 2, \"a\": [1, 2.50]}", "{ \"b\":2 }"));
        using var cmd = Command("SELECT doc, raw, doc->'a', ARRAY[doc] FROM docs WHERE doc @> $1", "{\"b\": 2}");
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(typeof(string), r.GetFieldType(0));
        Assert.Equal(typeof(string), r.GetFieldType(1));
        Assert.Equal("jsonb", r.GetDataTypeName(0));
        Assert.Equal("json", r.GetDataTypeName(1));
        Assert.Equal("{\"a\": [1, 2.50], \"b\": 2}", r.GetValue(0));
        Assert.Equal("{ \"b\":2 }", r.GetString(1));
        Assert.Equal("[1, 2.50]", r.GetFieldValue<string>(2));
        Assert.Equal(new[] { "{\"a\": [1, 2.50], \"b\": 2}" }, r.GetFieldValue<string[]>(3));
    }

    [Fact]
    public void A_jsonb_typed_parameter_is_parsed_and_bad_json_fails_like_PostgreSQL()
    {
        using var ok = Command("SELECT $1 ->> 'k'");
        ok.Parameters.Add(new TenonParameter(null, TenonDbType.Jsonb) { Value = "{\"k\": \"v\"}" });
        Assert.Equal("v", ok.ExecuteScalar());
        using var bad = Command("SELECT $1");
        bad.Parameters.Add(new TenonParameter(null, TenonDbType.Jsonb) { Value = "{\"k\": }" });
        var ex = Assert.Throws<TenonException>(() => bad.ExecuteScalar());
        Assert.Equal("22P02", ex.SqlState);
    }
}

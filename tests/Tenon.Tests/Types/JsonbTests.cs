using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Tests.Types;

/// <summary>jsonb normalization, btree ordering, hashing and the parser's errors (each checked against PostgreSQL 15).</summary>
public sealed class JsonbTests
{
    private static JsonValue J(string text) => JsonParser.ParseJsonb(text);

    [Theory]
    [InlineData("{\"é\":1,\"ab\":2,\"b\":3, \"😀\":4, \"abcd\":5}", "{\"b\": 3, \"ab\": 2, \"é\": 1, \"abcd\": 5, \"😀\": 4}")]
    [InlineData("{\"b\":1, \"a\":2, \"aa\":3, \"a\":4}", "{\"a\": 4, \"b\": 1, \"aa\": 3}")]
    [InlineData(" [1.50, -0, 1E-2, 1.5e+3, \"s\\n\\\"q\\u00e9\\ud83d\\ude00\"] ", "[1.50, 0, 0.01, 1500, \"s\\n\\\"qé😀\"]")]
    [InlineData("{\"a\":{\"z\":null,\"y\":[]},\"\":{}}", "{\"\": {}, \"a\": {\"y\": [], \"z\": null}}")]
    [InlineData("\"\\u0001\\t/\\/\"", "\"\\u0001\\t//\"")]
    public void Input_is_normalized(string input, string output) => Assert.Equal(output, J(input).ToString());

    [Fact]
    public void Ordering_follows_the_btree_operator_class()
    {
        // Null < String < Number < Boolean < Array < Object, except the empty top-level array, which sorts first.
        string[] ascending = ["[]", "null", "\"\"", "\"s\"", "1", "1.5", "false", "true", "[\"a\"]", "[[1]]", "[1, 2]", "{}", "{\"a\": 1}", "{\"aa\": 1}", "{\"c\": 0}", "{\"a\": 1, \"b\": 2}"];
        for (var i = 0; i < ascending.Length; i++)
            for (var k = 0; k < ascending.Length; k++)
                Assert.Equal(Math.Sign(i.CompareTo(k)), Math.Sign(ValueComparer.Compare(J(ascending[i]), J(ascending[k]), TypeId.Jsonb)));
        // Containers compare by size before contents; nested empty arrays are ordinary arrays.
        Assert.True(J("[{\"b\":1}, {\"a\":2}]").CompareTo(J("[{\"a\":3}]")) > 0);
        Assert.True(J("[[]]").CompareTo(J("[null]")) > 0);
    }

    [Fact]
    public void Equal_numbers_are_equal_values_with_equal_hashes()
    {
        Assert.True(ValueComparer.Equal(J("{\"a\": [1.0, 1e2]}"), J("{\"a\": [1, 100]}"), TypeId.Jsonb));
        Assert.Equal(ValueComparer.Hash(J("{\"a\": [1.0, 1e2]}"), TypeId.Jsonb), ValueComparer.Hash(J("{\"a\": [1, 100]}"), TypeId.Jsonb));
        Assert.Equal("[1.0, 100]", J("[1.0, 1e2]").ToString());
    }

    [Theory]
    [InlineData("{\"a\":}", "Expected JSON value, but found \"}\".")]
    [InlineData("{\"a\":tru}", "Token \"tru\" is invalid.")]
    [InlineData("01", "Token \"01\" is invalid.")]
    [InlineData(".5", "Token \".\" is invalid.")]
    [InlineData("[1,2", "The input string ended unexpectedly.")]
    [InlineData("[1 \"a\"]", "Expected \",\" or \"]\", but found \"\"a\"\".")]
    [InlineData("{1:2}", "Expected string or \"}\", but found \"1\".")]
    [InlineData("{\"a\":1,}", "Expected string, but found \"}\".")]
    [InlineData("1 2", "Expected end of input, but found \"2\".")]
    [InlineData("\"\\x\"", "Escape sequence \"\\x\" is invalid.")]
    [InlineData("\"\\u00\"", "\"\\u\" must be followed by four hexadecimal digits.")]
    [InlineData("\"\\ud800\"", "Unicode low surrogate must follow a high surrogate.")]
    [InlineData("\"\\ud800\\ud800\"", "Unicode high surrogate must not follow a high surrogate.")]
    [InlineData("\"a\tb\"", "Character with value 0x09 must be escaped.")]
    public void Bad_input_reports_what_PostgreSQL_reports(string input, string detail)
    {
        var ex = Assert.Throws<TenonException>(() => J(input));
        Assert.Equal("22P02", ex.SqlState);
        Assert.Equal("invalid input syntax for type json", ex.MessageText);
        Assert.Equal(detail, ex.Detail);
    }

    [Fact]
    public void Json_input_validates_but_keeps_the_text_and_lone_escapes()
    {
        Assert.Equal("{\"b\":1,  \"a\":\"\\u0000\\ud800\"}", JsonParser.ValidateJson("{\"b\":1,  \"a\":\"\\u0000\\ud800\"}"));
        var ex = Assert.Throws<TenonException>(() => J("\"\\u0000\""));
        Assert.Equal("22P05", ex.SqlState);
    }

    [Fact]
    public void Containment_treats_a_top_level_scalar_as_jsonb_stores_it()
    {
        Assert.True(JsonOps.Contains(J("[1, [2, 3]]"), J("[[3]]")));
        Assert.True(JsonOps.Contains(J("[1]"), J("1")));
        Assert.False(JsonOps.Contains(J("1"), J("[1]")));
        Assert.False(JsonOps.Contains(J("[[1, 2]]"), J("[1]")));
        Assert.True(JsonOps.Contains(J("{\"a\": {\"b\": 1, \"c\": 2}}"), J("{\"a\": {\"b\": 1}}")));
        Assert.True(JsonOps.Exists(J("\"a\""), "a"));
    }
}

using Tenon.Errors;
using Tenon.Execution.Copy;
using Tenon.Sql.Ast;
using Xunit;

namespace Tenon.Tests.Execution;

public class CopyReaderTests
{
    private static CopyOptions Options(params CopyOption[] options) => CopyOptions.Process(options, isFrom: true);

    private static CopyOption Opt(string name, string value) => new(name, CopyOptionArgKind.String, value);

    private static List<List<string?>> ReadAll(string data, CopyOptions options)
    {
        var reader = new CopyReader(data, options);
        var records = new List<List<string?>>();
        while (reader.ReadLine(out var line)) records.Add(reader.SplitFields(line));
        return records;
    }

    [Fact]
    public void Text_fields_split_on_tabs_with_backslash_N_as_null()
    {
        var rows = ReadAll("1\tabc\t\\N\n2\t\t\n", CopyOptions.Defaults(CopyFormat.Text));
        Assert.Equal(2, rows.Count);
        Assert.Equal(new string?[] { "1", "abc", null }, rows[0]);
        Assert.Equal(new string?[] { "2", "", "" }, rows[1]);
    }

    [Theory]
    [InlineData(@"a\tb", "a\tb")]
    [InlineData(@"\b\f\n\r\v", "\b\f\n\r\v")]
    [InlineData(@"\\N", @"\N")]
    [InlineData(@"\101\x42\x4", "AB\u0004")]
    [InlineData(@"\q\,", "q,")]
    [InlineData(@"x\", "x")]
    [InlineData(@"\xzz", "xzz")]
    [InlineData(@"\303\251", "é")]
    [InlineData(@"ab\0cd", "ab")]
    public void Text_escapes_decode(string raw, string expected) =>
        Assert.Equal(expected, CopyReader.DecodeEscapes(raw));

    [Fact]
    public void Invalid_escaped_bytes_are_an_encoding_error()
    {
        var ex = Assert.Throws<TenonException>(() => CopyReader.DecodeEscapes(@"\377"));
        Assert.Equal("22021", ex.SqlState);
        Assert.Equal("invalid byte sequence for encoding \"UTF8\": 0xff", ex.MessageText);
    }

    [Fact]
    public void Escaped_delimiter_does_not_split_and_null_matches_raw_text_only()
    {
        var rows = ReadAll("a\\|b|NULL|\\NULL\n", Options(Opt("delimiter", "|"), Opt("null", "NULL")));
        Assert.Equal(new string?[] { "a|b", null, "NULL" }, rows[0]);
    }

    [Fact]
    public void End_marker_stops_the_data_and_a_last_line_needs_no_newline()
    {
        Assert.Single(ReadAll("1\n\\.\n2\n", CopyOptions.Defaults(CopyFormat.Text)));
        Assert.Equal(2, ReadAll("1\r\n2", CopyOptions.Defaults(CopyFormat.Text)).Count);
        var ex = Assert.Throws<TenonException>(() => ReadAll("1\n\\.x\n", CopyOptions.Defaults(CopyFormat.Text)));
        Assert.Equal("end-of-copy marker corrupt", ex.MessageText);
    }

    [Fact]
    public void Mixed_line_endings_are_rejected()
    {
        var ex = Assert.Throws<TenonException>(() => ReadAll("1\n2\r\n", CopyOptions.Defaults(CopyFormat.Text)));
        Assert.Equal("literal carriage return found in data", ex.MessageText);
        Assert.Equal("22P04", ex.SqlState);
    }

    [Fact]
    public void Csv_quotes_hold_delimiters_quotes_and_newlines()
    {
        var reader = new CopyReader("1,\"a,b\",\"say \"\"hi\"\"\"\n2,,\"\"\n3,\"two\nlines\",x\n", CopyOptions.Defaults(CopyFormat.Csv));
        Assert.True(reader.ReadLine(out var line));
        Assert.Equal(new string?[] { "1", "a,b", "say \"hi\"" }, reader.SplitFields(line));
        Assert.True(reader.ReadLine(out line));
        Assert.Equal(new string?[] { "2", null, "" }, reader.SplitFields(line));
        Assert.Equal(new[] { false, false, true }, reader.LastFieldQuoted);
        Assert.True(reader.ReadLine(out line));
        Assert.Equal(3, reader.LineNumber);
        Assert.Equal(new string?[] { "3", "two\nlines", "x" }, reader.SplitFields(line));
        Assert.False(reader.ReadLine(out _));
    }

    [Fact]
    public void Csv_escape_differs_from_quote()
    {
        var rows = ReadAll("'it\\'s',x\n", Options(Opt("format", "csv"), Opt("quote", "'"), Opt("escape", "\\")));
        Assert.Equal(new string?[] { "it's", "x" }, rows[0]);
    }

    [Fact]
    public void Csv_unterminated_quote_is_an_error()
    {
        var ex = Assert.Throws<TenonException>(() => ReadAll("1,\"abc\n", CopyOptions.Defaults(CopyFormat.Csv)));
        Assert.Equal("unterminated CSV quoted field", ex.MessageText);
    }

    [Fact]
    public void Writer_escapes_text_and_quotes_csv()
    {
        var text = new CopyWriter(CopyOptions.Defaults(CopyFormat.Text));
        Assert.Equal("a\\tb\t\\N\tc\\\\d\\ne\n", text.FormatLine(["a\tb", null, "c\\d\ne"]));
        var csv = new CopyWriter(CopyOptions.Defaults(CopyFormat.Csv));
        Assert.Equal("\"a,b\",,\"\",\"q\"\"x\"\n", csv.FormatLine(["a,b", null, "", "q\"x"]));
        Assert.Equal("\"\\.\"\n", csv.FormatLine(["\\."]));
    }

    [Fact]
    public void Option_checks_follow_postgres()
    {
        Assert.Equal("COPY quote available only in CSV mode",
            Assert.Throws<TenonException>(() => Options(Opt("quote", "\""))).MessageText);
        Assert.Equal("COPY delimiter cannot be \"a\"",
            Assert.Throws<TenonException>(() => Options(Opt("delimiter", "a"))).MessageText);
        Assert.Equal("COPY delimiter and quote must be different",
            Assert.Throws<TenonException>(() => Options(Opt("format", "csv"), Opt("delimiter", "\""))).MessageText);
        Assert.Equal("header requires a Boolean value or \"match\"",
            Assert.Throws<TenonException>(() => Options(new CopyOption("header", CopyOptionArgKind.Number, "2"))).MessageText);
    }
}

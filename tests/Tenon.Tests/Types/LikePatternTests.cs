using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Tests.Types;

public sealed class LikePatternTests
{
    [Theory]
    [InlineData("abc", "a%", false, true)]
    [InlineData("abc", "_b_", false, true)]
    [InlineData("abc", "%d", false, false)]
    [InlineData("abc", "a%c%", false, true)]
    [InlineData("", "%", false, true)]
    [InlineData("a%", "a\\%", false, true)]
    [InlineData("ab", "a\\%", false, false)]
    [InlineData("a\\b", "a\\\\b", false, true)]
    [InlineData("ab ", "ab_", false, true)]
    [InlineData("ééa", "__a", false, true)]
    [InlineData("ABC", "a%", true, true)]
    [InlineData("ÀB", "àb", true, false)]
    [InlineData("mississippi", "%iss%ppi", false, true)]
    public void Matches_as_postgres(string text, string pattern, bool ignoreCase, bool expected) =>
        Assert.Equal(expected, LikePattern.Matches(text, pattern, ignoreCase));

    [Fact]
    public void Trailing_escape_fails_only_when_text_remains()
    {
        var ex = Assert.Throws<TenonException>(() => LikePattern.Matches("a\\", "a\\", false));
        Assert.Equal(SqlState.InvalidEscapeSequence, ex.SqlState);
        Assert.Equal("LIKE pattern must not end with escape character", ex.MessageText);
        Assert.False(LikePattern.Matches("a", "a\\", false));
    }

    [Theory]
    [InlineData("a#_c", "#", "a\\_c")]
    [InlineData("a\\b", "", "a\\\\b")]
    [InlineData("a\\_", "\\", "a\\_")]
    [InlineData("x#", "#", "x\\")]
    public void Rewrites_custom_escape_to_backslash(string pattern, string escape, string expected) =>
        Assert.Equal(expected, LikePattern.RewriteEscape(pattern, escape));

    [Fact]
    public void Escape_of_two_characters_is_invalid()
    {
        var ex = Assert.Throws<TenonException>(() => LikePattern.RewriteEscape("a", "xy"));
        Assert.Equal("invalid escape string", ex.MessageText);
    }
}

using RecurrentGpt.Core.Parsing;

namespace RecurrentGpt.Core.Tests.Parsing;

/// <summary>Success shows the parser's own error on failure; failure compares the whole error line, as the repair prompt quotes it.</summary>
internal static class ParseAssert
{
    public static T Succeeds<T>(ParseResult<T> result)
        where T : class
    {
        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(result.Problems);
        return result.Value!;
    }

    public static void FailsWith<T>(ParseResult<T> result, string error)
        where T : class
    {
        Assert.False(result.Succeeded, "expected the parse to fail with: " + error);
        Assert.Null(result.Value);
        Assert.Equal(error, result.Error);
    }
}

namespace RecurrentGpt.Api.Routes;

/// <summary>How a client's own text is quoted back in a problem's detail: short enough to read.</summary>
internal static class ApiText
{
    public static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

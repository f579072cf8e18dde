using Microsoft.AspNetCore.Http;

namespace RecurrentGpt.Workflow.Api;

/// <summary><c>GET /api/openapi.json</c>: the contract, written by hand next to the handlers and checked against the routes by tests.</summary>
public static class OpenApiDocument
{
    private static readonly Lazy<string> Text = new(() =>
    {
        using Stream stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream("RecurrentGpt.Workflow.Api.openapi.json")
            ?? throw new InvalidOperationException("openapi.json is not embedded in the Workflow assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Json => Text.Value;

    public static IResult Result() => ApiResults.Text(Json, "application/json; charset=utf-8");
}

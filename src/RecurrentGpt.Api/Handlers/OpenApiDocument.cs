using Microsoft.AspNetCore.Http;
using RecurrentGpt.Api.Problems;

namespace RecurrentGpt.Api.Handlers;

/// <summary><c>GET /api/openapi.json</c>: the contract, written by hand next to the handlers and checked against the route table by tests.</summary>
public static class OpenApiDocument
{
    public const string ResourceName = "RecurrentGpt.Api.openapi.json";

    private static readonly Lazy<string> Text = new(() =>
    {
        using Stream stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("openapi.json is not embedded in the Api assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Json => Text.Value;

    public static IResult Result() => ApiResults.Text(Json, "application/json; charset=utf-8");
}

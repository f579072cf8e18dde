using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RecurrentGpt.Local.Studio;

/// <summary>
/// Serves the writer's studio at <c>/</c>: index.html for the root, every other file by its name. The page is static and
/// talks only to the v1 API under <c>/api</c>, so a strict policy holds: nothing but this origin, no inline script or style.
/// </summary>
internal static class StudioEndpoints
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    public static void MapStudio(this IEndpointRouteBuilder routes, StudioAssets assets)
    {
        foreach (StudioAsset asset in assets.All)
        {
            routes.MapMethods("/" + asset.Name, Methods, (HttpContext context) => Serve(context, asset));
        }

        StudioAsset index = assets.All.Single(a => a.Name == "index.html");
        routes.MapMethods("/", Methods, (HttpContext context) => Serve(context, index));
    }

    private static async Task Serve(HttpContext context, StudioAsset asset)
    {
        HttpResponse response = context.Response;
        response.Headers.CacheControl = "no-cache";
        response.Headers.ETag = asset.ETag;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;

        // The key can sit in the address's fragment; browsers never send fragments, and no referrer leaves either.
        response.Headers["Referrer-Policy"] = "no-referrer";

        // no-cache means "ask again": an unchanged file costs a 304, and a new rgpt never serves yesterday's script.
        if (context.Request.Headers.IfNoneMatch.Any(tag => tag == asset.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(asset.Content, context.RequestAborted);
        }
    }
}

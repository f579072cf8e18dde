using Microsoft.AspNetCore.Http;
using RecurrentGpt.Api.Problems;

namespace RecurrentGpt.Api.Routes;

/// <summary>One request as a handler sees it, on either host: the request, its route values and its cancellation.</summary>
public sealed record ApiCall(HttpRequest Request, RouteArgs Args, CancellationToken Cancellation)
{
    /// <summary>The story the route names.</summary>
    public string StoryId => ValidStoryId(Args.Value("id"));

    /// <summary>An id that could never be a story's is a 404 before any key or blob name is formed.</summary>
    public static string ValidStoryId(string id) =>
        Core.Story.StoryId.IsValid(id) ? id : throw ApiProblem.NotFound($"\"{ApiText.Shorten(id)}\" is not a story id ({Core.Story.StoryId.Rule})");

    /// <summary>A route value that must be a whole number of at least <paramref name="min"/>.</summary>
    public int RouteNumber(string name, string what, int min) =>
        WholeNumbers.TryRead(Args.Value(name), out int number) && number >= min
            ? number
            : throw ApiProblem.Invalid($"{what} \"{ApiText.Shorten(Args.Value(name))}\" is not a whole number from {min}");

    /// <summary>A query value: <paramref name="fallback"/> when absent, else a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int QueryNumber(string name, int fallback, int min, int max)
    {
        string value = Request.Query[name].ToString();
        if (value.Length == 0)
        {
            return fallback;
        }

        return WholeNumbers.TryRead(value, out int number) && number >= min && number <= max
            ? number
            : throw ApiProblem.Invalid($"query {name} must be a whole number from {min} to {max}");
    }

    public string Query(string name) => Request.Query[name].ToString();
}

namespace RecurrentGpt.Api.Routes;

/// <summary>A request's route values by name (<c>id</c>, <c>n</c>), as the host bound them from the route template.</summary>
public sealed class RouteArgs : Dictionary<string, string?>
{
    public RouteArgs()
        : base(StringComparer.Ordinal)
    {
    }

    public static RouteArgs None { get; } = [];

    /// <summary>The value the template named <paramref name="name"/>; an empty string when the host bound none.</summary>
    public string Value(string name) => TryGetValue(name, out string? value) && value is not null ? value : string.Empty;
}

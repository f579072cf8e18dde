namespace RecurrentGpt.Api.Routes;

/// <summary>Who may call a route. Each host enforces it its own way: Functions by its key levels, rgpt serve by its key.</summary>
public enum ApiAccess
{
    /// <summary>Reads a story: the function key on Azure; open on rgpt serve, which listens on this machine only.</summary>
    Read,

    /// <summary>Changes a story: the function key on Azure, rgpt serve's key locally.</summary>
    Change,

    /// <summary>Trusted by the delivery's HMAC signature, not a key (anonymous at the host).</summary>
    Signed,

    /// <summary>Open to anyone (the OpenAPI document).</summary>
    Public,
}

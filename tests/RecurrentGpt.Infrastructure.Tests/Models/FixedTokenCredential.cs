using Azure.Core;

namespace RecurrentGpt.Infrastructure.Tests.Models;

/// <summary>An Entra ID credential that hands out one known token and remembers the scopes asked for.</summary>
internal sealed class FixedTokenCredential(string token) : TokenCredential
{
    private readonly List<string> _scopes = [];

    public IReadOnlyList<string> RequestedScopes
    {
        get
        {
            lock (_scopes)
            {
                return _scopes.ToArray();
            }
        }
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (_scopes)
        {
            _scopes.AddRange(requestContext.Scopes);
        }

        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using RecurrentGpt.Local.Cli;

namespace RecurrentGpt.Local.Serve;

/// <summary>
/// The key mutating routes need on <c>rgpt serve</c>, sent like a function key on Azure (<c>x-functions-key</c> header or
/// <c>code</c> query), so one client works against both hosts. Made fresh at each start unless configured.
/// </summary>
internal sealed class LocalApiKey(string value)
{
    public const string Header = "x-functions-key";
    public const string Query = "code";
    public const int MinLength = 16;

    public string Value { get; } = value.Length >= MinLength ? value : throw new UsageException($"Serve:ApiKey must have at least {MinLength} characters");

    public static LocalApiKey CreateOrUse(string? configured) =>
        new(string.IsNullOrWhiteSpace(configured) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_') : configured.Trim());

    public bool Admits(HttpRequest request)
    {
        string presented = request.Headers[Header].ToString();
        if (presented.Length == 0)
        {
            presented = request.Query[Query].ToString();
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(Value));
    }
}

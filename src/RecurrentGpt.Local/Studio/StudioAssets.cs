using System.Reflection;
using System.Security.Cryptography;

namespace RecurrentGpt.Local.Studio;

/// <summary>
/// The writer's studio as embedded in rgpt (<c>Studio/wwwroot</c>): plain files, no build step, the same folder that
/// deploys as-is to Azure Static Web Apps. Only file types the studio uses are served, each with its own content type.
/// </summary>
internal sealed class StudioAssets
{
    private const string ResourcePrefix = "studio/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    private readonly Dictionary<string, StudioAsset> _byName;

    private StudioAssets(Dictionary<string, StudioAsset> byName) => _byName = byName;

    public IEnumerable<StudioAsset> All => _byName.Values;

    public static StudioAssets FromAssembly(Assembly assembly)
    {
        var byName = new Dictionary<string, StudioAsset>(StringComparer.Ordinal);
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            string name = resource[ResourcePrefix.Length..];
            if (!ContentTypes.TryGetValue(Path.GetExtension(name), out string? contentType))
            {
                continue;
            }

            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            byte[] content = buffer.ToArray();
            string etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..16] + "\"";
            byName[name] = new StudioAsset(name, content, contentType, etag);
        }

        return byName.ContainsKey("index.html")
            ? new StudioAssets(byName)
            : throw new InvalidOperationException("the studio's index.html is not embedded in rgpt; the build is incomplete");
    }
}

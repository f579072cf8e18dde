using System.Net.Sockets;

namespace RecurrentGpt.Local.Runtime.Azurite;

/// <summary>Where an Azurite instance listens, and the connection string that reaches it.</summary>
public sealed record AzuriteEndpoints(int BlobPort = 10000, int QueuePort = 10001, int TablePort = 10002)
{
    /// <summary>Azurite's well-known development account (public, documented, not a secret).</summary>
    public const string AccountName = "devstoreaccount1";

    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>Three free loopback ports, for a private instance (tests, a second story folder).</summary>
    public static AzuriteEndpoints OnFreePorts() => new(FreePort(), FreePort(), FreePort());

    /// <summary>True when something accepts connections on all three ports.</summary>
    public async Task<bool> AreReachableAsync(CancellationToken cancellationToken)
    {
        foreach (int port in new[] { BlobPort, QueuePort, TablePort })
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMilliseconds(500));
            try
            {
                await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        return true;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

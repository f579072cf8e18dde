using System.Net;
using System.Net.Sockets;

namespace RecurrentGpt.TestSupport;

/// <summary>A loopback port nothing listens on right now, for a server a test starts as a child process.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

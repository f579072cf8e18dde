using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RecurrentGpt.Local.Tests.Serve;

/// <summary>What the client does once it has sent what it meant to: wait for the answer, or stop sending (FIN), or hang up.</summary>
internal enum RawEnd
{
    Wait,
    HalfClose,
    Close,
}

/// <summary>
/// What came back on a raw connection: the status and headers if an answer arrived, its body, and how the connection ended
/// (<c>closed</c> by the server, <c>reset</c>, <c>timeout</c>, or <c>hung up</c> by the client).
/// </summary>
internal sealed record RawAnswer(int? Status, IReadOnlyDictionary<string, string> Headers, string Body, string Ending)
{
    public string? ContentType => Headers.GetValueOrDefault("content-type");

    public bool IsProblem => ContentType?.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The status as the fuzz counts it: the number, or how the connection ended without one.</summary>
    public string Outcome => Status?.ToString(CultureInfo.InvariantCulture) ?? Ending;

    public override string ToString() => $"{Outcome} ({Ending}) {ContentType} {Body[..Math.Min(300, Body.Length)]}";
}

/// <summary>
/// HTTP/1.1 over a bare socket, for what HttpClient will not send: a body shorter than its Content-Length, a stall, a
/// header past the server's limits, a foreign Host. Every request asks the server to close, so the answer ends at EOF.
/// </summary>
internal static class RawHttp
{
    public static byte[] Head(string method, string target, string host, params string[] headers)
    {
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
        foreach (string header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        return Encoding.Latin1.GetBytes(head.Append("\r\n").ToString());
    }

    /// <summary>A body in chunked transfer coding, <paramref name="chunkSize"/> bytes a chunk, with the final empty chunk.</summary>
    public static byte[] Chunked(byte[] body, int chunkSize)
    {
        using var encoded = new MemoryStream();
        for (int offset = 0; offset < body.Length; offset += chunkSize)
        {
            int length = Math.Min(chunkSize, body.Length - offset);
            encoded.Write(Encoding.ASCII.GetBytes(length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
            encoded.Write(body, offset, length);
            encoded.Write("\r\n"u8);
        }

        encoded.Write("0\r\n\r\n"u8);
        return encoded.ToArray();
    }

    /// <summary>
    /// Sends <paramref name="request"/> (its writing runs beside the reading, so an early answer to a large body is seen),
    /// then ends as <paramref name="end"/> says, and reads until the server closes or <paramref name="deadline"/> passes.
    /// </summary>
    public static async Task<RawAnswer> SendAsync(int port, byte[] request, RawEnd end, TimeSpan deadline)
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, port);
        NetworkStream stream = client.GetStream();
        using var timeout = new CancellationTokenSource(deadline);
        Task sending = SendThenEndAsync(client, stream, request, end, timeout.Token);
        if (end == RawEnd.Close)
        {
            await sending;
            return new RawAnswer(null, new Dictionary<string, string>(), string.Empty, "hung up");
        }

        using var received = new MemoryStream();
        byte[] buffer = new byte[16 * 1024];
        string ending;
        while (true)
        {
            try
            {
                int read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    ending = "closed";
                    break;
                }

                received.Write(buffer, 0, read);
            }
            catch (OperationCanceledException)
            {
                ending = "timeout";
                break;
            }
            catch (IOException)
            {
                ending = "reset";
                break;
            }
        }

        await timeout.CancelAsync();
        await sending;
        return Parse(received.ToArray(), ending);
    }

    private static async Task SendThenEndAsync(TcpClient client, NetworkStream stream, byte[] request, RawEnd end, CancellationToken cancellationToken)
    {
        try
        {
            await stream.WriteAsync(request, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            if (end == RawEnd.HalfClose)
            {
                client.Client.Shutdown(SocketShutdown.Send);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The server may answer and close before taking the whole body (a 413, a 431): what it answered is what counts.
        }
    }

    private static RawAnswer Parse(byte[] received, string ending)
    {
        string text = Encoding.UTF8.GetString(received);
        int headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (!text.StartsWith("HTTP/1.", StringComparison.Ordinal) || headEnd < 0)
        {
            return new RawAnswer(null, new Dictionary<string, string>(), text, ending);
        }

        string[] lines = text[..headEnd].Split("\r\n");
        int status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return new RawAnswer(status, headers, text[(headEnd + 4)..], ending);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}

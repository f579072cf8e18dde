using Microsoft.AspNetCore.Http;

namespace RecurrentGpt.Local.Serve;

/// <summary>
/// The request body as the handlers read it. Reading it can only fail because of what the client sent or how its
/// connection went, so every I/O failure of a read becomes a <see cref="BadHttpRequestException"/> (the client's 4xx):
/// Kestrel itself throws a plain <see cref="IOException"/> for some framing (a chunk size past Int32), and a
/// <c>ConnectionResetException</c> when the client drops the connection mid-body.
/// </summary>
internal sealed class ClientBodyStream(Stream body) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return body.Read(buffer, offset, count);
        }
        catch (IOException ex) when (ex is not BadHttpRequestException)
        {
            throw Refused(ex);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await body.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException ex) when (ex is not BadHttpRequestException)
        {
            throw Refused(ex);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static BadHttpRequestException Refused(IOException ex) =>
        new(ex.Message, StatusCodes.Status400BadRequest, ex);
}

using System.Net;

namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>
/// A request body that announces its full length, sends the first <paramref name="cutAfter"/> bytes and then fails,
/// as a connection that drops mid-upload: the server sees a partial body on a connection that goes away.
/// </summary>
internal sealed class CuttingContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly long _cutAfter;

    public CuttingContent(HttpContent inner, long cutAfter)
    {
        _inner = inner;
        _cutAfter = cutAfter;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var source = await _inner.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[16 * 1024];
        long sent = 0;
        while (sent < _cutAfter)
        {
            int read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, _cutAfter - sent)), cancellationToken);
            if (read == 0)
            {
                break;
            }

            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            sent += read;
        }

        await stream.FlushAsync(cancellationToken);
        throw new IOException($"Connection cut after {sent} bytes of the request body (injected).");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = _inner.Headers.ContentLength ?? -1;
        return length >= 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

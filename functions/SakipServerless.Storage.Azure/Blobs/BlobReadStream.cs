using global::Azure;
using global::Azure.Storage.Blobs;
using global::Azure.Storage.Blobs.Models;

namespace SakipServerless.Storage.Azure.Blobs;

/// <summary>
/// A seekable read of one version of a blob: reading streams one download from the current position to the end, and
/// only a seek elsewhere starts another (a Range download), so a whole file is one request and a resumed download two.
/// </summary>
/// <remarks>
/// Every download carries <c>If-Match</c> of the ETag the blob had when opened: a blob changed meanwhile fails the
/// read instead of mixing two versions. A connection that breaks mid-download is resumed by the SDK's own stream.
/// The SDK's <c>OpenRead</c> stream fetches fixed ranges one after the other instead, which halved download speed here.
/// </remarks>
internal sealed class BlobReadStream(BlobClient blob, long length, ETag etag) : Stream
{
    private Stream? _body;
    private long _position;
    private long _bodyPosition = -1;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public static async Task<BlobReadStream> OpenAsync(BlobClient blob, CancellationToken ct)
    {
        var properties = (await BlobCalls.RunAsync(() => blob.GetPropertiesAsync(cancellationToken: ct), ct)).Value;
        return new BlobReadStream(blob, properties.ContentLength, properties.ETag);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length || buffer.Length == 0)
        {
            return 0;
        }

        if (_body is null || _bodyPosition != _position)
        {
            await DropBodyAsync();
            long from = _position;
            var download = await BlobCalls.RunAsync(() => blob.DownloadStreamingAsync(new BlobDownloadOptions
            {
                Range = new HttpRange(from),
                Conditions = new BlobRequestConditions { IfMatch = etag },
            }, cancellationToken), cancellationToken);
            _body = download.Value.Content;
            _bodyPosition = from;
        }

        int read = await BlobCalls.RunAsync(async () => await _body.ReadAsync(buffer, cancellationToken), cancellationToken);
        if (read == 0 && _position < length)
        {
            throw new BlobStorageException(503, "ShortRead", $"The download of '{blob.Name}' ended at {_position} of {length} bytes.");
        }

        _position += read;
        _bodyPosition += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        await DropBodyAsync();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body?.Dispose();
            _body = null;
        }

        base.Dispose(disposing);
    }

    private async ValueTask DropBodyAsync()
    {
        if (_body is not null)
        {
            await _body.DisposeAsync();
            _body = null;
        }
    }
}

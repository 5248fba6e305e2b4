namespace SakipServerless.Storage.Contract;

/// <summary>
/// A request body that delivers its first bytes and then fails, as a mobile connection that drops mid-chunk.
/// <paramref name="beforeDrop"/> runs between the two, e.g. to wait until the server has taken the delivered bytes:
/// a test host, unlike a network, may discard bytes it had not read yet when the sender fails.
/// </summary>
public sealed class DroppingStream(byte[] data, int deliverBeforeDrop, Func<Task>? beforeDrop = null) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => data.Length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= deliverBeforeDrop)
        {
            throw new IOException("Koneksi terputus (simulasi).");
        }

        int n = Math.Min(Math.Min(count, 4096), deliverBeforeDrop - _position);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= deliverBeforeDrop && beforeDrop is not null)
        {
            await beforeDrop();
        }

        var array = new byte[buffer.Length];
        int n = Read(array, 0, array.Length);
        array.AsMemory(0, n).CopyTo(buffer);
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

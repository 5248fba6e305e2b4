namespace SakipServerless.Api.Files;

/// <summary>
/// Passes an upload body through to the file store while a <see cref="ContentObserver"/> sees each byte, so the
/// digest and content checks need no second read of the staged file.
/// </summary>
/// <remarks>
/// The observer (SHA-256 mostly) works on a copy of each chunk on another thread while the store writes the chunk
/// and the next one is received, so hashing overlaps the network and the disk instead of adding to them. Chunks
/// are observed one at a time and in order; <see cref="CompleteAsync"/> waits for the last one.
/// </remarks>
public sealed class ObservingStream(Stream inner, ContentObserver observer) : Stream
{
    private byte[] _copy = [];
    private Task _observing = Task.CompletedTask;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await inner.ReadAsync(buffer, cancellationToken);
        await _observing; // the previous chunk is seen before this one, and its copy buffer is free again
        if (read > 0)
        {
            if (_copy.Length < read)
            {
                _copy = new byte[Math.Max(read, 64 * 1024)];
            }

            buffer.Span[..read].CopyTo(_copy);
            var chunk = _copy.AsMemory(0, read);
            _observing = Task.Run(() => observer.Observe(chunk.Span), CancellationToken.None);
        }

        return read;
    }

    /// <summary>Waits until every byte read so far has been observed.</summary>
    public Task CompleteAsync() => _observing;

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

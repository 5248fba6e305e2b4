namespace SakipServerless.Storage.Azure.Blobs;

/// <summary>A streamed download: the caller reads <see cref="Content"/> and disposes this.</summary>
public sealed class BlobDownload(Stream content, long length, string? contentType, IDisposable owner) : IDisposable
{
    public Stream Content { get; } = content;

    /// <summary>Bytes in this response (the range's length for a ranged read).</summary>
    public long Length { get; } = length;

    public string? ContentType { get; } = contentType;

    public void Dispose()
    {
        Content.Dispose();
        owner.Dispose();
    }
}

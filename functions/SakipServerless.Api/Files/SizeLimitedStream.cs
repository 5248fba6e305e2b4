using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Files;

/// <summary>
/// Reads an upload's bytes from the request and stops it the moment it passes its limit (413), whatever the client
/// declared. A failure of the connection itself (dropped, truncated, aborted) becomes a 400 "unggahan terputus", so
/// it is not mistaken for a server error; failures of the store are left as they are.
/// </summary>
public sealed class SizeLimitedStream(Stream inner, long limit, string tooLargeDetail, string tooLargeCode = "file-too-large") : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public static string TooLargeFile(long limit) =>
        $"Ukuran berkas melebihi batas {IndonesianFormat.Size(limit)}. Perkecil berkasnya (mis. pindai ulang dengan resolusi lebih rendah) atau bagi menjadi beberapa berkas.";

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        try
        {
            // Ask for one byte beyond the limit at most, so an oversize body is detected without reading it all.
            long room = limit - BytesRead + 1;
            read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, room)], cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new UploadRejectedException(StatusCodes.Status413PayloadTooLarge, tooLargeCode, tooLargeDetail);
        }
        catch (IOException)
        {
            throw Interrupted();
        }

        BytesRead += read;
        if (BytesRead > limit)
        {
            throw new UploadRejectedException(StatusCodes.Status413PayloadTooLarge, tooLargeCode, tooLargeDetail);
        }

        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>The answer for a body that ended before it was complete.</summary>
    public static UploadRejectedException Interrupted() =>
        new(StatusCodes.Status400BadRequest, "upload-interrupted",
            "Unggahan terputus sebelum selesai, sehingga berkas tidak disimpan. Periksa koneksi lalu coba lagi; untuk berkas besar gunakan unggahan bertahap yang dapat dilanjutkan.");
}

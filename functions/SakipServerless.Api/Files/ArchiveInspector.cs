using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Files;

/// <summary>
/// Checks a ZIP container (docx, xlsx, or a plain archive) without extracting it anywhere. The central directory is
/// read here rather than through <see cref="ZipArchive"/>, because the sizes a ZIP declares can lie and
/// <see cref="ZipArchive"/> stops inflating at the declared size: every entry's compressed bytes are inflated from
/// where its local header says they start, and the real output is counted until it passes the limit.
/// </summary>
/// <remarks>
/// Refused: more entries than allowed, a declared or real inflated total above the limit, an entry whose ratio of
/// inflated to compressed size no real document reaches, encrypted entries, compression methods other than stored
/// and deflate, and ZIP64 (never needed below the upload size limit; a small file that claims it is crafted).
/// </remarks>
public sealed class ArchiveInspector(EvidenceOptions options)
{
    private const uint EndOfDirectorySignature = 0x06054B50;
    private const uint DirectoryEntrySignature = 0x02014B50;
    private const uint LocalHeaderSignature = 0x04034B50;
    private const long RatioFloorBytes = 1024 * 1024;

    /// <summary>The entry names (full paths inside the archive), or an <see cref="UploadRejectedException"/>.</summary>
    public async Task<IReadOnlySet<string>> InspectAsync(Stream file, string label, CancellationToken ct)
    {
        var entries = await ReadDirectoryAsync(file, label, ct);
        if (entries.Count > options.MaxArchiveEntries)
        {
            throw Bomb($"berisi {entries.Count} entri (paling banyak {options.MaxArchiveEntries})");
        }

        if (entries.Sum(e => (long)e.DeclaredSize) > options.MaxUncompressedBytes)
        {
            throw TooBig();
        }

        long inflated = 0;
        var buffer = new byte[64 * 1024];
        foreach (var entry in entries)
        {
            long before = inflated;
            await using (var content = OpenEntry(file, entry, label))
            {
                int read;
                while ((read = await ReadAsync(content, buffer, label, ct)) > 0)
                {
                    inflated += read;
                    if (inflated > options.MaxUncompressedBytes)
                    {
                        throw TooBig();
                    }

                    if (inflated - before > RatioFloorBytes && (inflated - before) / Math.Max(1, entry.CompressedSize) > options.MaxCompressionRatio)
                    {
                        throw Bomb("memiliki rasio pemadatan yang tidak wajar");
                    }
                }
            }
        }

        return entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
    }

    private sealed record Entry(string Name, ushort Flags, ushort Method, uint CompressedSize, uint DeclaredSize, uint LocalHeaderOffset);

    private async Task<List<Entry>> ReadDirectoryAsync(Stream file, string label, CancellationToken ct)
    {
        // The end-of-directory record sits in the last 22 bytes plus at most a 64 KB comment.
        int tailLength = (int)Math.Min(file.Length, 22 + ushort.MaxValue);
        var tail = new byte[tailLength];
        file.Position = file.Length - tailLength;
        await file.ReadExactlyAsync(tail, ct);
        int end = -1;
        for (int i = tailLength - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == EndOfDirectorySignature)
            {
                end = i;
                break;
            }
        }

        if (end < 0)
        {
            throw Corrupt(label);
        }

        ushort count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(end + 10));
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 12));
        uint offset = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 16));
        if (count == ushort.MaxValue || size == uint.MaxValue || offset == uint.MaxValue)
        {
            throw Unsupported(label, "format ZIP64");
        }

        if ((long)offset + size > file.Length - tailLength + end)
        {
            throw Corrupt(label);
        }

        var directory = new byte[size];
        file.Position = offset;
        await file.ReadExactlyAsync(directory, ct);
        var entries = new List<Entry>();
        int at = 0;
        for (int i = 0; i < count; i++)
        {
            if (at + 46 > directory.Length || BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(at)) != DirectoryEntrySignature)
            {
                throw Corrupt(label);
            }

            var e = directory.AsSpan(at);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(e[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(e[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(e[32..]);
            if (at + 46 + nameLength > directory.Length)
            {
                throw Corrupt(label);
            }

            var entry = new Entry(
                Encoding.UTF8.GetString(e.Slice(46, nameLength)),
                BinaryPrimitives.ReadUInt16LittleEndian(e[8..]),
                BinaryPrimitives.ReadUInt16LittleEndian(e[10..]),
                BinaryPrimitives.ReadUInt32LittleEndian(e[20..]),
                BinaryPrimitives.ReadUInt32LittleEndian(e[24..]),
                BinaryPrimitives.ReadUInt32LittleEndian(e[42..]));
            if (entry.CompressedSize == uint.MaxValue || entry.DeclaredSize == uint.MaxValue || entry.LocalHeaderOffset == uint.MaxValue)
            {
                throw Unsupported(label, "format ZIP64");
            }

            if ((entry.Flags & 1) != 0)
            {
                throw Unsupported(label, "isi yang terenkripsi (berkata sandi)");
            }

            if (entry.Method is not (0 or 8))
            {
                throw Unsupported(label, $"metode pemadatan {entry.Method}");
            }

            entries.Add(entry);
            at += 46 + nameLength + extraLength + commentLength;
        }

        return entries;
    }

    /// <summary>The inflated bytes of an entry, read from where its local header says the data starts.</summary>
    private static Stream OpenEntry(Stream file, Entry entry, string label)
    {
        var header = new byte[30];
        file.Position = entry.LocalHeaderOffset;
        if (file.Read(header) != header.Length || BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalHeaderSignature)
        {
            throw Corrupt(label);
        }

        long start = entry.LocalHeaderOffset + 30L + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26)) + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
        long length = Math.Min(entry.CompressedSize, Math.Max(0, file.Length - start));
        var compressed = new WindowStream(file, start, length);
        return entry.Method == 8 ? new DeflateStream(compressed, CompressionMode.Decompress) : compressed;
    }

    private static async Task<int> ReadAsync(Stream content, byte[] buffer, string label, CancellationToken ct)
    {
        try
        {
            return await content.ReadAsync(buffer, ct);
        }
        catch (InvalidDataException)
        {
            throw Corrupt(label);
        }
    }

    private UploadRejectedException TooBig() => Bomb($"mengembang menjadi lebih dari {IndonesianFormat.Size(options.MaxUncompressedBytes)}");

    private static UploadRejectedException Bomb(string why) =>
        new(StatusCodes.Status422UnprocessableEntity, "archive-bomb", $"Arsip ini {why} saat dibuka, sehingga ditolak demi keamanan server. Berkas tidak disimpan.");

    private static UploadRejectedException Corrupt(string label) =>
        new(StatusCodes.Status422UnprocessableEntity, "file-corrupt",
            $"Berkas rusak atau tidak lengkap, sehingga tidak dapat dibaca sebagai {label}. Simpan ulang berkasnya lalu unggah kembali.");

    private static UploadRejectedException Unsupported(string label, string what) =>
        new(StatusCodes.Status422UnprocessableEntity, "file-corrupt",
            $"Berkas {label} ini memakai {what} yang tidak diterima. Simpan ulang dari aplikasi aslinya (Word/Excel) lalu unggah kembali.");

    /// <summary>A read-only window on part of the staged file: the compressed bytes of one entry.</summary>
    private sealed class WindowStream(Stream inner, long start, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int want = (int)Math.Min(count, length - _position);
            if (want <= 0)
            {
                return 0;
            }

            inner.Position = start + _position;
            int read = inner.Read(buffer, offset, want);
            _position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

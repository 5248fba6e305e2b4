using System.Security.Cryptography;
using System.Text.RegularExpressions;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Blobs;

namespace SakipServerless.Storage.Azure.Files;

/// <summary>
/// Evidence in Blob Storage: staged uploads are append blobs under <c>staging/</c>, stored files block blobs under
/// <c>files/</c>, both in one private container.
/// </summary>
/// <remarks>
/// <para>Each append carries the expected length as <c>x-ms-blob-condition-appendpos</c>, so the service itself refuses
/// an append that does not continue the upload — two requests can never interleave bytes.</para>
/// <para>Promotion copies the staged bytes into a block blob committed with <c>If-None-Match: *</c> (it never replaces a
/// stored file), then deletes the staged blob; a crash in between leaves only a staged blob, which the purge removes. A
/// commit retried after its answer was lost finds its own blob: the same bytes count as promoted, not as a clash.</para>
/// <para>Reads are served from a temporary local copy so callers get the seekable stream the port promises (downloads
/// resume with Range); evidence files are small (25 MB by default).</para>
/// </remarks>
public sealed partial class BlobFileStore(BlobRestClient client, string container) : IFileStore
{
    private const int MaxSegments = 8;
    private const int AppendBlockSize = 4 * 1024 * 1024;

    public async Task<long> AppendStagedAsync(string stagingKey, long offset, Stream content, CancellationToken ct = default)
    {
        string blob = Staging(stagingKey);
        var existing = await client.GetPropertiesAsync(container, blob, ct);
        long length = existing?.Size ?? 0;
        if (length != offset)
        {
            throw new StagedOffsetMismatchException(stagingKey, offset, length);
        }

        if (existing is null)
        {
            await client.CreateAppendBlobAsync(container, blob, ct);
        }

        var buffer = new byte[AppendBlockSize];
        while (true)
        {
            int read = 0;
            IOException? dropped = null;
            try
            {
                while (read < buffer.Length)
                {
                    int n = await content.ReadAsync(buffer.AsMemory(read), ct);
                    if (n == 0)
                    {
                        break;
                    }

                    read += n;
                }
            }
            catch (IOException e)
            {
                // The connection dropped: keep what arrived so the upload can continue from there.
                dropped = e;
            }

            if (read > 0)
            {
                if (!await client.AppendBlockAsync(container, blob, length, buffer.AsMemory(0, read), ct))
                {
                    long now = (await client.GetPropertiesAsync(container, blob, ct))?.Size ?? 0;
                    throw new StagedOffsetMismatchException(stagingKey, length, now, busy: true);
                }

                length += read;
            }

            if (dropped is not null)
            {
                throw dropped;
            }

            if (read < buffer.Length)
            {
                return length;
            }
        }
    }

    public async Task<long?> GetStagedLengthAsync(string stagingKey, CancellationToken ct = default) =>
        (await client.GetPropertiesAsync(container, Staging(stagingKey), ct))?.Size;

    public async Task<Stream> OpenStagedAsync(string stagingKey, CancellationToken ct = default) =>
        await LocalCopyAsync(Staging(stagingKey), ct) ?? throw new FileNotFoundException($"No staged upload '{stagingKey}'.");

    public async Task PromoteAsync(string stagingKey, string fileKey, CancellationToken ct = default)
    {
        string from = Staging(stagingKey), to = Stored(fileKey);
        await using var staged = await LocalCopyAsync(from, ct) ?? throw new FileNotFoundException($"No staged upload '{stagingKey}'.");
        try
        {
            await client.UploadAsync(container, to, staged, contentType: null, onlyIfNew: true, ct);
        }
        catch (BlobStorageException e) when (e.Status is 409 or 412)
        {
            // The pipeline retries a commit whose answer was lost, and the retry finds the blob the first attempt
            // committed: the same bytes mean this promotion happened, anything else is another file.
            if (!await HoldsSameBytesAsync(to, staged, ct))
            {
                throw new IOException($"A stored file '{fileKey}' exists already; it is never replaced.", e);
            }
        }

        await client.DeleteAsync(container, from, ct);
    }

    public Task<bool> DeleteStagedAsync(string stagingKey, CancellationToken ct = default) => client.DeleteAsync(container, Staging(stagingKey), ct);

    public async Task<Stream?> OpenReadAsync(string fileKey, CancellationToken ct = default) => await LocalCopyAsync(Stored(fileKey), ct);

    public Task<bool> DeleteAsync(string fileKey, CancellationToken ct = default) => client.DeleteAsync(container, Stored(fileKey), ct);

    public async Task<int> PurgeStagedAsync(DateTimeOffset olderThan, CancellationToken ct = default)
    {
        int purged = 0;
        foreach (var blob in await client.ListAsync(container, "staging/", ct))
        {
            if (blob.LastModified is { } modified && modified < olderThan && await client.DeleteAsync(container, blob.Name, ct))
            {
                purged++;
            }
        }

        return purged;
    }

    private async Task<bool> HoldsSameBytesAsync(string blob, Stream expected, CancellationToken ct)
    {
        expected.Position = 0;
        byte[] want = await SHA256.HashDataAsync(expected, ct);
        using var stored = await client.DownloadAsync(container, blob, ct: ct);
        byte[] have = await SHA256.HashDataAsync(stored.Content, ct);
        return stored.Length == expected.Length && want.SequenceEqual(have);
    }

    /// <summary>Downloads a blob into a temporary file deleted when the stream closes; null when the blob does not exist.</summary>
    private async Task<Stream?> LocalCopyAsync(string blob, CancellationToken ct)
    {
        BlobDownload download;
        try
        {
            download = await client.DownloadAsync(container, blob, ct: ct);
        }
        catch (BlobStorageException e) when (e.IsNotFound)
        {
            return null;
        }

        using (download)
        {
            var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            try
            {
                await download.Content.CopyToAsync(copy, ct);
                copy.Position = 0;
                return copy;
            }
            catch
            {
                await copy.DisposeAsync();
                throw;
            }
        }
    }

    private static string Staging(string key) => "staging/" + Check(key);

    private static string Stored(string key) => "files/" + Check(key);

    /// <summary>The port's key rule: 1–8 plain segments; anything a client could have shaped into a path is refused.</summary>
    private static string Check(string key)
    {
        string[] segments = key.Split('/');
        if (key.Length == 0 || segments.Length > MaxSegments || !segments.All(s => Segment().IsMatch(s)))
        {
            throw new ArgumentException($"'{key}' is not a valid file store key.", nameof(key));
        }

        return key;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();
}

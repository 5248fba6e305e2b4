using System.Runtime.ExceptionServices;
using System.Text.RegularExpressions;
using global::Azure;
using global::Azure.Storage.Blobs;
using global::Azure.Storage.Blobs.Models;
using global::Azure.Storage.Blobs.Specialized;
using global::Azure.Storage.Sas;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Blobs;

namespace SakipServerless.Storage.Azure.Files;

/// <summary>
/// Evidence in Blob Storage (Azure.Storage.Blobs): staged uploads are block blobs under <c>staging/</c>, stored files
/// block blobs under <c>files/</c>, both in one private container.
/// </summary>
/// <remarks>
/// <para>An append stages the chunk's bytes as blocks (<see cref="BlockBlobClient.StageBlockAsync(string, Stream, BlockBlobStageBlockOptions, CancellationToken)"/>,
/// ids from <see cref="BlockIds"/>) and commits them onto the committed list once, under <c>If-Match</c> of the ETag
/// it started from (<c>If-None-Match: *</c> for the first), so the service itself refuses an append that does not
/// continue the upload: two requests never interleave bytes, and the committed length is the offset to resume from.
/// When the client's connection drops mid-chunk, or the service fails a later block, the blocks staged so far are
/// committed before the failure is passed on.</para>
/// <para>Promotion stages the staged bytes as blocks of the stored file and commits them with <c>If-None-Match: *</c>
/// (a stored file is never replaced), then deletes the staged blob; a crash in between leaves only a staged blob, which
/// the purge removes. A commit retried after its answer was lost finds the blob its first attempt made: its block ids
/// name this upload session, so it counts as promoted, not as a clash.</para>
/// <para>Reads are the SDK's seekable stream over ranged downloads pinned to the blob's ETag (downloads resume with
/// Range), so nothing is copied to local disk first.</para>
/// </remarks>
public sealed partial class BlobFileStore(BlobContainerClient container) : IFileStore
{
    private const int MaxSegments = 8;

    /// <summary>Bytes per staged block, on append and on promotion; a chunk or file is sent as several when larger.</summary>
    public int BlockSize { get; init; } = 4 * 1024 * 1024;

    public BlobContainerClient Container => container;

    public async Task<long> AppendStagedAsync(string stagingKey, long offset, Stream content, CancellationToken ct = default)
    {
        var blob = container.GetBlockBlobClient(Staging(stagingKey));
        var staged = await ReadStagedAsync(blob, ct);
        long length = staged?.Length ?? 0;
        if (length != offset)
        {
            throw new StagedOffsetMismatchException(stagingKey, offset, length);
        }

        var ids = staged?.BlockIds.ToList() ?? [];
        string tag = BlockIds.NewTag();
        var buffer = new byte[BlockSize];
        long added = 0;
        ExceptionDispatchInfo? failure = null;
        var write = ct;
        try
        {
            while (true)
            {
                var (read, dropped) = await FillAsync(content, buffer, ct);
                if (dropped is not null)
                {
                    // Bytes that arrived before the client's connection dropped are kept, even though the request is
                    // being aborted: the client resumes from the committed length and must not send them again.
                    failure = dropped;
                    write = CancellationToken.None;
                }

                if (read > 0)
                {
                    string id = BlockIds.For(stagingKey, length + added, tag);
                    await BlobCalls.RunAsync(() => blob.StageBlockAsync(id, new MemoryStream(buffer, 0, read, writable: false), cancellationToken: write), write);
                    ids.Add(id);
                    added += read;
                }

                if (failure is not null || read < buffer.Length)
                {
                    break;
                }
            }
        }
        catch (BlobStorageException e) when (added > 0)
        {
            // The service failed a block after taking earlier ones: commit those if it still can, so the upload
            // resumes after them, and report the failure either way.
            failure = ExceptionDispatchInfo.Capture(e);
        }

        if (added > 0 || staged is null)
        {
            try
            {
                // One commit per append, under the ETag it started from: a racing append is refused, never mixed in.
                await CommitStagedAsync(blob, stagingKey, ids, staged?.ETag, length, write);
                length += added;
            }
            catch (Exception) when (failure?.SourceException is BlobStorageException)
            {
                // The service's first failure is the one to report; nothing of this append counts.
            }
        }

        failure?.Throw();
        return length;
    }

    public async Task<long?> GetStagedLengthAsync(string stagingKey, CancellationToken ct = default) =>
        (await PropertiesAsync(container.GetBlobClient(Staging(stagingKey)), ct))?.ContentLength;

    public async Task<Stream> OpenStagedAsync(string stagingKey, CancellationToken ct = default) =>
        await OpenAsync(Staging(stagingKey), ct) ?? throw new FileNotFoundException($"No staged upload '{stagingKey}'.");

    public async Task PromoteAsync(string stagingKey, string fileKey, CancellationToken ct = default)
    {
        var from = container.GetBlockBlobClient(Staging(stagingKey));
        var to = container.GetBlockBlobClient(Stored(fileKey));
        var staged = await ReadStagedAsync(from, ct) ?? throw new FileNotFoundException($"No staged upload '{stagingKey}'.");

        var ids = new List<string>();
        var download = await BlobCalls.RunAsync(() => from.DownloadStreamingAsync(
            new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = staged.ETag } }, ct), ct);
        using (download.Value)
        {
            var buffer = new byte[BlockSize];
            long position = 0;
            while (true)
            {
                var (read, failed) = await FillAsync(download.Value.Content, buffer, ct);
                failed?.Throw();
                if (read == 0)
                {
                    break;
                }

                string id = BlockIds.For(stagingKey, position, BlockIds.PromotionTag);
                await BlobCalls.RunAsync(() => to.StageBlockAsync(id, new MemoryStream(buffer, 0, read, writable: false), cancellationToken: ct), ct);
                ids.Add(id);
                position += read;
            }

            if (position != staged.Length)
            {
                throw new IOException($"Staged upload '{stagingKey}' changed while it was promoted.");
            }
        }

        try
        {
            await BlobCalls.RunAsync(() => to.CommitBlockListAsync(ids, new CommitBlockListOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, ct), ct);
        }
        catch (BlobStorageException e) when (e.Status is 409 or 412)
        {
            // The pipeline retries a commit whose answer was lost, and the retry finds the blob the first attempt
            // committed: blocks of this session mean this promotion happened, anything else is another file.
            var stored = await BlobCalls.RunAsync(() => to.GetBlockListAsync(BlockListTypes.Committed, cancellationToken: ct), ct);
            if (ids.Count == 0 || !stored.Value.CommittedBlocks.Select(b => b.Name).SequenceEqual(ids))
            {
                throw new IOException($"A stored file '{fileKey}' exists already; it is never replaced.", e);
            }
        }

        await DeleteBlobAsync(Staging(stagingKey), ct);
    }

    public Task<bool> DeleteStagedAsync(string stagingKey, CancellationToken ct = default) => DeleteBlobAsync(Staging(stagingKey), ct);

    public Task<Stream?> OpenReadAsync(string fileKey, CancellationToken ct = default) => OpenAsync(Stored(fileKey), ct);

    public Task<bool> DeleteAsync(string fileKey, CancellationToken ct = default) => DeleteBlobAsync(Stored(fileKey), ct);

    /// <summary>
    /// A URL that lets whoever holds it read one stored file until <paramref name="lifetime"/> has passed, so a download
    /// can go from Blob Storage to the browser: a service SAS when the client holds the account key (connection
    /// string, Azurite), otherwise a user-delegation SAS signed with a key the service gives the app's identity
    /// (it needs the Storage Blob Delegator role, which Storage Blob Data Contributor includes).
    /// </summary>
    public async Task<Uri> ReadLinkAsync(string fileKey, TimeSpan lifetime, string? downloadName = null, CancellationToken ct = default)
    {
        var blob = container.GetBlobClient(Stored(fileKey));
        var now = DateTimeOffset.UtcNow;
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, now + lifetime)
        {
            BlobContainerName = container.Name,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = now.AddMinutes(-5), // clocks of the app and the service may differ by minutes
            ContentDisposition = downloadName is null ? null : $"attachment; filename=\"{downloadName.Replace("\"", "", StringComparison.Ordinal)}\"",
        };
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        var service = container.GetParentBlobServiceClient();
        var key = await BlobCalls.RunAsync(() => service.GetUserDelegationKeyAsync(sas.StartsOn, sas.ExpiresOn, ct), ct);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, service.AccountName) }.ToUri();
    }

    public async Task<int> PurgeStagedAsync(DateTimeOffset olderThan, CancellationToken ct = default)
    {
        var old = await BlobCalls.RunAsync(async () =>
        {
            var names = new List<string>();
            await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, "staging/", ct))
            {
                if (item.Properties.LastModified is { } modified && modified < olderThan)
                {
                    names.Add(item.Name);
                }
            }

            return names;
        }, ct);

        int purged = 0;
        foreach (string name in old)
        {
            if (await DeleteBlobAsync(name, ct))
            {
                purged++;
            }
        }

        return purged;
    }

    /// <summary>Commits <paramref name="ids"/> as the staged blob's block list if it is still at <paramref name="expected"/>; returns the new ETag.</summary>
    private static async Task<ETag> CommitStagedAsync(BlockBlobClient blob, string stagingKey, List<string> ids, ETag? expected, long length, CancellationToken ct)
    {
        var conditions = expected is { } etag ? new BlobRequestConditions { IfMatch = etag } : new BlobRequestConditions { IfNoneMatch = ETag.All };
        try
        {
            var committed = await BlobCalls.RunAsync(() => blob.CommitBlockListAsync(ids, new CommitBlockListOptions { Conditions = conditions }, ct), ct);
            return committed.Value.ETag;
        }
        catch (BlobStorageException e) when (e.Status is 409 or 412)
        {
            // Either another request committed meanwhile, or the pipeline retried this commit after its answer was
            // lost and the retry met what the first attempt committed: this request's block ids tell which.
            var now = await ReadStagedAsync(blob, ct);
            if (now is not null && now.BlockIds.SequenceEqual(ids))
            {
                return now.ETag;
            }

            throw new StagedOffsetMismatchException(stagingKey, length, now?.Length ?? 0, busy: true);
        }
    }

    /// <summary>
    /// The committed state of a staged blob, or null when there is none: one Get Block List, whose answer carries the
    /// ETag of the list it describes, so length, ids and ETag always agree.
    /// </summary>
    private static async Task<StagedBlocks?> ReadStagedAsync(BlockBlobClient blob, CancellationToken ct)
    {
        try
        {
            var list = (await BlobCalls.RunAsync(() => blob.GetBlockListAsync(BlockListTypes.Committed, cancellationToken: ct), ct)).Value;
            var blocks = list.CommittedBlocks.ToList();
            return new StagedBlocks(blocks.Sum(b => b.SizeLong), list.ETag, [.. blocks.Select(b => b.Name)]);
        }
        catch (BlobStorageException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    private static async Task<BlobProperties?> PropertiesAsync(BlobBaseClient blob, CancellationToken ct)
    {
        try
        {
            return (await BlobCalls.RunAsync(() => blob.GetPropertiesAsync(cancellationToken: ct), ct)).Value;
        }
        catch (BlobStorageException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>A seekable stream over the blob as it is now (a later change fails the read rather than mixing versions); null when it does not exist.</summary>
    private async Task<Stream?> OpenAsync(string name, CancellationToken ct)
    {
        try
        {
            return await BlobReadStream.OpenAsync(container.GetBlobClient(name), ct);
        }
        catch (BlobStorageException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    private async Task<bool> DeleteBlobAsync(string name, CancellationToken ct) =>
        (await BlobCalls.RunAsync(() => container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: ct), ct)).Value;

    /// <summary>Reads until the buffer is full or the stream ends; a failure of the stream is returned with what was read before it.</summary>
    private static async Task<(int Read, ExceptionDispatchInfo? Failure)> FillAsync(Stream content, byte[] buffer, CancellationToken ct)
    {
        int read = 0;
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

            return (read, null);
        }
        catch (Exception e)
        {
            return (read, ExceptionDispatchInfo.Capture(e));
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

namespace SakipServerless.Core.Storage;

/// <summary>
/// Evidence bytes under server-chosen keys. Bytes arrive into a staging area (one object per upload, appended chunk by
/// chunk), are checked there, and only then are promoted to a stored file; nothing is served from staging.
/// </summary>
/// <remarks>
/// <para>Keys are made by the caller from server-chosen ids only: one or more segments of <c>[A-Za-z0-9._-]</c>
/// separated by <c>/</c>, no segment <c>.</c> or <c>..</c>. An adapter refuses any other key with
/// <see cref="ArgumentException"/>, so a name a client sent can never become a path.</para>
/// <para>Appending is resumable: bytes that reached the store before a connection dropped stay staged, and
/// <see cref="GetStagedLengthAsync"/> tells where to continue. An append must start exactly at the staged length,
/// otherwise <see cref="StagedOffsetMismatchException"/> is thrown and nothing is written. Appends to one staging key
/// are serialised; a concurrent one fails with that exception rather than interleaving bytes.</para>
/// <para><see cref="PromoteAsync"/> is atomic: afterwards the file is complete under its key and the staged object is
/// gone, or nothing changed. Stored files are never modified, only deleted.</para>
/// </remarks>
public interface IFileStore
{
    /// <summary>Appends <paramref name="content"/> to the staged object (created by the first append, at offset 0); returns the new length.</summary>
    Task<long> AppendStagedAsync(string stagingKey, long offset, Stream content, CancellationToken ct = default);

    /// <summary>Length of the staged object, or null when there is none.</summary>
    Task<long?> GetStagedLengthAsync(string stagingKey, CancellationToken ct = default);

    /// <summary>Opens the staged object for reading (seekable, for content checks); <see cref="FileNotFoundException"/> when there is none.</summary>
    Task<Stream> OpenStagedAsync(string stagingKey, CancellationToken ct = default);

    /// <summary>Makes the staged object the stored file under <paramref name="fileKey"/>, which must not exist yet.</summary>
    Task PromoteAsync(string stagingKey, string fileKey, CancellationToken ct = default);

    /// <summary>Removes a staged object; false when there was none.</summary>
    Task<bool> DeleteStagedAsync(string stagingKey, CancellationToken ct = default);

    /// <summary>Opens a stored file for reading (seekable, so downloads can resume with Range); null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string fileKey, CancellationToken ct = default);

    /// <summary>Removes a stored file; false when there was none.</summary>
    Task<bool> DeleteAsync(string fileKey, CancellationToken ct = default);

    /// <summary>Removes staged objects not written to since <paramref name="olderThan"/>: uploads abandoned half-way. Returns how many.</summary>
    Task<int> PurgeStagedAsync(DateTimeOffset olderThan, CancellationToken ct = default);
}

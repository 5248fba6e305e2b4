namespace SakipServerless.Core.Storage;

/// <summary>
/// An append to a staged upload did not start where the staged bytes end (a chunk sent twice, skipped, or sent while
/// another append to the same upload is in flight). Nothing was written; <see cref="StagedLength"/> is where to continue.
/// </summary>
public sealed class StagedOffsetMismatchException(string stagingKey, long expectedOffset, long stagedLength, bool busy = false)
    : Exception(busy
        ? $"Staged upload '{stagingKey}' is being appended to by another request."
        : $"Staged upload '{stagingKey}' has {stagedLength} bytes; an append at {expectedOffset} does not continue it.")
{
    public string StagingKey { get; } = stagingKey;

    public long ExpectedOffset { get; } = expectedOffset;

    public long StagedLength { get; } = stagedLength;

    /// <summary>True when another append to the same upload holds it.</summary>
    public bool Busy { get; } = busy;
}

namespace SakipServerless.Api.Files;

/// <summary>A resumable upload as the client sees it: where to continue (<see cref="Offset"/>) and how large a chunk may be.</summary>
public sealed record UploadSessionView(
    string Id,
    string RunId,
    string FileName,
    long Size,
    long Offset,
    bool Complete,
    long MaxChunkBytes,
    DateTimeOffset ExpiresAt,
    string? FileId)
{
    public static UploadSessionView From(UploadSession s, long offset, long maxChunkBytes) =>
        new(s.Id, s.RunId, s.FileName, s.Size, offset, offset == s.Size, maxChunkBytes, s.ExpiresAt, s.FileId);
}

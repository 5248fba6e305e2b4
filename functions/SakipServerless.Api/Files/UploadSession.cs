namespace SakipServerless.Api.Files;

/// <summary>
/// A resumable upload in progress, stored as a document of its tenant. How many bytes have arrived is not stored here:
/// the staged bytes in the file store are the only truth about the offset, so a dropped chunk can never make the two disagree.
/// </summary>
public sealed record UploadSession
{
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string RunId { get; init; }

    /// <summary>Only the user who started an upload may continue, commit or cancel it.</summary>
    public required string UserId { get; init; }

    public required string FileName { get; init; }

    public required long Size { get; init; }

    public string? DeclaredContentType { get; init; }

    /// <summary>Lower-case hex SHA-256 the client expects; checked on commit when given.</summary>
    public string? Sha256 { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Set once committed, so a repeated commit answers with the same file.</summary>
    public string? FileId { get; init; }

    public string StagingKey => $"{TenantId}/{Id}";
}

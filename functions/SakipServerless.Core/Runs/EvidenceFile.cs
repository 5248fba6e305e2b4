namespace SakipServerless.Core.Runs;

/// <summary>An evidence file of a run: what was checked and stored when it was uploaded. Never changed afterwards.</summary>
public sealed record EvidenceFile
{
    /// <summary>Server-chosen id; the only name clients use to refer to the file.</summary>
    public required string Id { get; init; }

    /// <summary>The sanitised name shown to people and offered when the file is downloaded.</summary>
    public required string FileName { get; init; }

    public required long Size { get; init; }

    /// <summary>Lower-case hex SHA-256 of the stored bytes.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The media type detected from the content (not the one the client declared).</summary>
    public required string ContentType { get; init; }

    public required DateTimeOffset UploadedAt { get; init; }

    public required string UploadedBy { get; init; }

    /// <summary>Where the file store keeps the bytes; opaque to everything but the store.</summary>
    public required string StorageKey { get; init; }
}

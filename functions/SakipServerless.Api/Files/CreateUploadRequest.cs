namespace SakipServerless.Api.Files;

/// <summary>Starts a resumable upload: the file's name and exact size, optionally its media type and SHA-256 (hex) to be verified on commit.</summary>
public sealed record CreateUploadRequest(string? FileName, long? Size, string? ContentType, string? Sha256);

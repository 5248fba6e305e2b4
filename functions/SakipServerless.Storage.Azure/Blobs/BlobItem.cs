namespace SakipServerless.Storage.Azure.Blobs;

/// <summary>A blob in a listing.</summary>
public sealed record BlobItem(string Name, long Size, string? ContentType, DateTimeOffset? LastModified);

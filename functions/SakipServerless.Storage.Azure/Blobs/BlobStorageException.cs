namespace SakipServerless.Storage.Azure.Blobs;

/// <summary>The blob service refused a request; <see cref="Status"/> and <see cref="ErrorCode"/> are the service's.</summary>
public sealed class BlobStorageException(int status, string? errorCode, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string? ErrorCode { get; } = errorCode;

    public bool IsNotFound => Status == 404;
}

namespace SakipServerless.Storage.Azure.Blobs;

/// <summary>The blob service refused a request; <see cref="Status"/> and <see cref="ErrorCode"/> are the service's.</summary>
public sealed class BlobStorageException(int status, string? errorCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public int Status { get; } = status;

    public string? ErrorCode { get; } = errorCode;

    public bool IsNotFound => Status == 404;

    /// <summary>Busy or unreachable after the pipeline's retries: worth trying again later.</summary>
    public bool IsTransient => Status is 408 or 429 or >= 500;
}

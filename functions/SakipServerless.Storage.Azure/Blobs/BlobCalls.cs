using global::Azure;

namespace SakipServerless.Storage.Azure.Blobs;

/// <summary>
/// Runs one SDK call and turns its failures into <see cref="BlobStorageException"/>: the service's answer keeps its
/// status and error code; a network failure that outlasted the pipeline's retries becomes 503 "Unreachable".
/// </summary>
/// <remarks>Only SDK calls go through here, so an <see cref="IOException"/> of the caller's own stream is never mistaken for the service's.</remarks>
internal static class BlobCalls
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (RequestFailedException e) when (e.Status != 0)
        {
            throw new BlobStorageException(e.Status, e.ErrorCode, $"Blob service answered {e.Status} {e.ErrorCode}.", e);
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException or IOException or OperationCanceledException
            && !ct.IsCancellationRequested)
        {
            throw new BlobStorageException(503, "Unreachable", $"Blob service could not be reached: {e.GetBaseException().Message}", e);
        }
    }

    public static Task RunAsync(Func<Task> call, CancellationToken ct) => RunAsync(async () =>
    {
        await call();
        return true;
    }, ct);
}

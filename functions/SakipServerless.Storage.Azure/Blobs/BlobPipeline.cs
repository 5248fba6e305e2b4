using global::Azure.Core;
using global::Azure.Core.Pipeline;
using global::Azure.Storage.Blobs;

namespace SakipServerless.Storage.Azure.Blobs;

/// <summary>
/// The one place the blob client's pipeline is configured: how often and how patiently a request is retried, and
/// (tests only) the transport it goes through.
/// </summary>
/// <remarks>
/// <para>The SDK retries a request that failed on the network (reset, timeout, a body cut mid-way) or was answered
/// 408, 429, 500, 502, 503 or 504; it waits as a 429's Retry-After says, otherwise exponentially from
/// <see cref="FirstDelay"/> up to <see cref="LongestDelay"/>. Every request the store sends is safe to repeat: a block
/// is staged under the same id again, and a commit carries a condition (<c>If-Match</c> or <c>If-None-Match: *</c>),
/// so a commit repeated after its answer was lost is refused instead of applied twice, and the store recognises its
/// own blocks in what the first attempt committed.</para>
/// <para>Three retries with these waits take about 6 s in all: an API request fails with 503 (and Retry-After) after
/// that rather than holding the user for longer, and the resumable upload lets the client continue where the
/// committed bytes end.</para>
/// <para>The service version is the SDK's default and is never pinned here: Azurite is started with
/// <c>--skipApiVersionCheck</c> instead (see tests/emulators).</para>
/// </remarks>
public static class BlobPipeline
{
    /// <summary>Retries after the first attempt of each request.</summary>
    public const int MaxRetries = 3;

    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(800);

    public static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(8);

    /// <summary>How long one attempt may wait for an answer or for the next bytes of one; a 4 MiB block needs far less.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromMinutes(1);

    /// <summary>The options every blob client of the app is built with; a test passes its own transport (fault injection).</summary>
    public static BlobClientOptions Options(HttpPipelineTransport? transport = null)
    {
        var options = new BlobClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Delay = FirstDelay;
        options.Retry.MaxDelay = LongestDelay;
        options.Retry.NetworkTimeout = AttemptTimeout;
        if (transport is not null)
        {
            options.Transport = transport;
        }

        return options;
    }
}

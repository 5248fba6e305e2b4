using System.Globalization;

namespace SakipServerless.Dashboard.Api;

/// <summary>
/// The backend's now, as its answers say (<c>Sakip-Now</c>): what pages count lateness and countdowns from, so the
/// dashboard agrees with the deadline sweep, the dev clock included, even when it runs on another machine with
/// another clock. It keeps the backend's offset from this server's clock, not a fixed moment, so an interactive
/// circuit that stays open for an hour still reads the right time. Before any answer the offset is zero.
/// Scoped: one per request, one per circuit.
/// </summary>
public sealed class BackendClock(TimeProvider local)
{
    public const string Header = "Sakip-Now";

    private TimeSpan offset;

    public DateTimeOffset Now => local.GetUtcNow() + offset;

    /// <summary>Records the backend's clock from one of its answers (every call of <see cref="SakipApiClient"/>).</summary>
    public void Observe(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues(Header, out var values)
            && DateTimeOffset.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var now))
        {
            offset = now - local.GetUtcNow();
        }
    }
}

using System.Globalization;

namespace SakipServerless.Dashboard.Api;

/// <summary>
/// The backend's now, as its last answer in this request said (<c>Sakip-Now</c>): what pages count lateness and
/// countdowns from, so the dashboard agrees with the deadline sweep, the dev clock included, even when it runs on
/// another machine with another clock. Before any answer it falls back to this server's clock.
/// </summary>
public sealed class BackendClock(IHttpContextAccessor http, TimeProvider fallback)
{
    public const string Header = "Sakip-Now";

    private static readonly object Key = new();

    public DateTimeOffset Now =>
        http.HttpContext?.Items[Key] is DateTimeOffset seen ? seen : fallback.GetUtcNow();

    /// <summary>Records the backend's clock from one of its answers (called by <see cref="BackendClockHandler"/>).</summary>
    public void Observe(HttpResponseMessage response)
    {
        if (http.HttpContext is { } context && response.Headers.TryGetValues(Header, out var values)
            && DateTimeOffset.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var now))
        {
            context.Items[Key] = now;
        }
    }
}

namespace SakipServerless.Api.Clock;

/// <summary>
/// Adds <c>Sakip-Now</c> (ISO 8601, UTC) to every answer: the application clock's now, the dev clock included. A
/// client that shows countdowns or lateness counts from it, never from its own clock, so a phone whose clock is off or
/// a dashboard deployed apart from the API agrees with the deadline sweep.
/// </summary>
public sealed class ClockHeaderMiddleware(RequestDelegate next)
{
    public const string Header = "Sakip-Now";

    public Task InvokeAsync(HttpContext context, TimeProvider clock)
    {
        context.Response.Headers[Header] = clock.GetUtcNow().ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return next(context);
    }
}

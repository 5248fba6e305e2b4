namespace SakipServerless.Dashboard.Api;

/// <summary>Hands every backend answer's <c>Sakip-Now</c> to the request's <see cref="BackendClock"/>.</summary>
public sealed class BackendClockHandler(BackendClock clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        clock.Observe(response);
        return response;
    }
}

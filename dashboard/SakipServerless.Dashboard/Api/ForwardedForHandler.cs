namespace SakipServerless.Dashboard.Api;

/// <summary>
/// Tells the backend who is really asking: every API call carries the browser's address in <c>X-Forwarded-For</c>
/// (after whatever chain reached the dashboard), so the backend's per-client limits see people, not this server. The
/// backend believes the header only from addresses in its <c>Sakip:RateLimits:TrustedProxies</c>.
/// </summary>
public sealed class ForwardedForHandler(IHttpContextAccessor http) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (http.HttpContext is { } context && context.Connection.RemoteIpAddress is { } browser)
        {
            string chain = context.Request.Headers["X-Forwarded-For"].ToString();
            string address = (browser.IsIPv4MappedToIPv6 ? browser.MapToIPv4() : browser).ToString();
            request.Headers.Remove("X-Forwarded-For");
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", string.IsNullOrWhiteSpace(chain) ? address : $"{chain}, {address}");
        }

        return base.SendAsync(request, cancellationToken);
    }
}

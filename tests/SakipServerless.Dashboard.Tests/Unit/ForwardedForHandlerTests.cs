extern alias dashboard;

using System.Net;
using Microsoft.AspNetCore.Http;
using dashboard::SakipServerless.Dashboard.Api;

namespace SakipServerless.Dashboard.Tests.Unit;

/// <summary>The backend's per-client limits must see the browser behind the dashboard, not the dashboard server.</summary>
public sealed class ForwardedForHandlerTests
{
    [Theory]
    [InlineData("198.51.100.7", "", "198.51.100.7")]
    [InlineData("::ffff:198.51.100.7", "", "198.51.100.7")]
    [InlineData("10.1.2.3", "203.0.113.9", "203.0.113.9, 10.1.2.3")] // behind the dashboard's own ingress: the chain goes on
    public async Task EveryBackendCall_CarriesTheBrowsersAddress(string browser, string incomingChain, string expected)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(browser);
        if (incomingChain.Length > 0)
        {
            context.Request.Headers["X-Forwarded-For"] = incomingChain;
        }

        var sent = await SendAsync(new HttpContextAccessor { HttpContext = context });

        Assert.Equal([expected], sent.Headers.GetValues("X-Forwarded-For"));
    }

    [Fact]
    public async Task OutsideARequest_NothingIsForwarded()
    {
        var sent = await SendAsync(new HttpContextAccessor());

        Assert.False(sent.Headers.Contains("X-Forwarded-For"));
    }

    private static async Task<HttpRequestMessage> SendAsync(IHttpContextAccessor accessor)
    {
        var inner = new CapturingHandler();
        using var client = new HttpClient(new ForwardedForHandler(accessor) { InnerHandler = inner });
        await client.GetAsync(new Uri("http://backend.test/api/health"));
        return inner.Request!;
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}

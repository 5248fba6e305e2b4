using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SakipServerless.Api.Tests.Support;

/// <summary>
/// The in-memory test server has no socket, so no peer address: this puts the address named in the test-only
/// <c>Test-Peer</c> header on the connection before the app's own pipeline runs, as Kestrel would.
/// </summary>
public sealed class TestPeerAddress : IStartupFilter
{
    public const string Header = "Test-Peer";

    public static void Register(IServiceCollection services) => services.AddSingleton<IStartupFilter, TestPeerAddress>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext http, RequestDelegate nextStep) =>
        {
            if (IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var peer))
            {
                http.Connection.RemoteIpAddress = peer;
            }

            return nextStep(http);
        });
        next(app);
    };
}

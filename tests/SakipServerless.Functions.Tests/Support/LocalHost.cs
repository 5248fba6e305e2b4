using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using SakipServerless.Api.Hosting;

namespace SakipServerless.Functions.Tests.Support;

/// <summary>The local host exactly as the API's Program builds it (AddSakipBackend, UseSakipBackend), on a test server.</summary>
public sealed class LocalHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private HttpClient? _client;

    private LocalHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    /// <summary>The API's endpoint table in the local host.</summary>
    public IReadOnlyList<Endpoint> Endpoints => [.. ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints)];

    public static async Task<LocalHost> StartAsync(IDictionary<string, string?> settings)
    {
        var app = Build(settings);
        await app.StartAsync();
        return new LocalHost(app);
    }

    /// <summary>
    /// Built and mapped but not started: enough for its endpoint table, in a mode whose start needs more than a test
    /// gives (durable mode starts its sidecar, or refuses to start without one).
    /// </summary>
    public static LocalHost Unstarted(IDictionary<string, string?> settings) => new(Build(settings));

    private static WebApplication Build(IDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseTestServer();
        builder.AddSakipBackend();
        var app = builder.Build();
        app.UseSakipBackend();
        return app;
    }

    public async Task<HttpAnswer> SendAsync(HttpCall call)
    {
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Path);
        if (call.JsonBody is not null)
        {
            request.Content = new StringContent(call.JsonBody, Encoding.UTF8, "application/json");
        }

        if (call.Bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", call.Bearer);
        }

        foreach (var (name, value) in call.Headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await (_client ??= _app.GetTestClient()).SendAsync(request);
        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new HttpAnswer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), headers);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await _app.DisposeAsync();
    }
}

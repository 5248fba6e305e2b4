using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;
using SakipServerless.Functions.Durable;
using SakipServerless.Functions.Hosting;
using SakipServerless.Functions.Http;

namespace SakipServerless.Functions.Tests.Support;

/// <summary>
/// The Functions app's container built as its Program builds it (isolated worker builder, ASP.NET Core integration,
/// AddSakipFunctionsApp), not started: no Functions host exists here to connect to. Functions are invoked directly.
/// </summary>
public sealed class FunctionsApp : IAsyncDisposable
{
    private readonly IHost _host;

    private FunctionsApp(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <summary>A client for functions whose durable binding the test does not exercise (embedded engine).</summary>
    public static DurableTaskClient UnusedDurableClient { get; } = new Mock<DurableTaskClient>(MockBehavior.Strict, "unused").Object;

    public static FunctionsApp Build(IDictionary<string, string?> settings, Action<IServiceCollection>? overrides = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Environment.EnvironmentName = "Testing";
        builder.Configuration.AddInMemoryCollection(settings);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddSakipFunctionsApp(builder.Configuration, builder.Environment);
        overrides?.Invoke(builder.Services);
        return new FunctionsApp(builder.Build());
    }

    /// <summary>
    /// One invocation of the <see cref="ApiFunction"/>, as the worker makes it: an HttpContext whose services are the
    /// invocation's scope, the function built from that scope, and the result it returns executed on the context.
    /// </summary>
    public async Task<HttpAnswer> InvokeApiAsync(HttpCall call, DurableTaskClient? durable = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        var request = context.Request;
        request.Method = call.Method;
        request.Scheme = "http";
        request.Host = new HostString("localhost"); // the test server's, so request-derived URLs (OpenAPI servers) compare
        // Kestrel says whether a request can carry a body; minimal APIs read none without this.
        context.Features.Set<IHttpRequestBodyDetectionFeature>(new BodyDetection(call.JsonBody is not null));
        int query = call.Path.IndexOf('?', StringComparison.Ordinal);
        request.Path = query < 0 ? call.Path : call.Path[..query];
        request.QueryString = query < 0 ? QueryString.Empty : new QueryString(call.Path[query..]);
        if (call.JsonBody is not null)
        {
            byte[] body = Encoding.UTF8.GetBytes(call.JsonBody);
            request.Body = new MemoryStream(body);
            request.ContentLength = body.Length;
            request.ContentType = "application/json; charset=utf-8";
        }

        if (call.Bearer is not null)
        {
            request.Headers.Authorization = "Bearer " + call.Bearer;
        }

        foreach (var (name, value) in call.Headers ?? new Dictionary<string, string>())
        {
            request.Headers[name] = value;
        }

        var responseBody = new MemoryStream();
        context.Response.Body = responseBody;

        var function = ActivatorUtilities.CreateInstance<ApiFunction>(scope.ServiceProvider);
        var result = await function.RunAsync(request, durable ?? UnusedDurableClient);
        await result.ExecuteAsync(context);

        var headers = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        string? mediaType = context.Response.ContentType is { } type ? type.Split(';')[0].Trim() : null;
        return new HttpAnswer(context.Response.StatusCode, mediaType, Encoding.UTF8.GetString(responseBody.ToArray()), headers);
    }

    private sealed class BodyDetection(bool canHaveBody) : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => canHaveBody;
    }

    public BoundDurableClient BoundClient => Services.GetRequiredService<BoundDurableClient>();

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}

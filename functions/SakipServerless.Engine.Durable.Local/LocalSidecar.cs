using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SakipServerless.Engine.Durable.Local;

/// <summary>
/// The Durable Task sidecar: the gRPC task hub service that DurableTask workers and clients speak, on Kestrel on a free
/// loopback port (HTTP/2 without TLS), over the Azure Storage provider. Everything durable is in the storage account, so
/// a sidecar that dies, however abruptly, is replaced by starting another on the same account and hub.
/// </summary>
public sealed class LocalSidecar : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalSidecar(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The gRPC address to give a worker's or a client's channel.</summary>
    public Uri Address { get; }

    public static async Task<LocalSidecar> StartAsync(LocalSidecarOptions options, ILoggerFactory loggerFactory, CancellationToken ct = default)
    {
        AzureStorageOrchestrationService service = AzureStorageProviderAdapter.Create(options, loggerFactory);
        // Queues, tables and the lease container exist before the first call, whichever side makes it.
        await service.CreateIfNotExistsAsync();

        // A part of its host, not an app of its own: no URLs from the host's settings (ASPNETCORE_URLS is the host's
        // address; Kestrel would warn that it overrides them), given as an argument because the web host reads it when built.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LocalSidecar).Assembly.GetName().Name,
            Args = [$"--{WebHostDefaults.ServerUrlsKey}="],
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, HostedPartLifetime>();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton(Options.Create(new TaskHubGrpcServerOptions
        {
            Mode = options.Dispatch ? TaskHubGrpcServerMode.ApiServerAndDispatcher : TaskHubGrpcServerMode.ApiServerOnly,
        }));
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync(ct);

        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LocalSidecar(app, new Uri(bound));
    }

    public async ValueTask DisposeAsync()
    {
        // Stopping the host stops the dispatchers (the gRPC service listens for it), which release the partition leases.
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

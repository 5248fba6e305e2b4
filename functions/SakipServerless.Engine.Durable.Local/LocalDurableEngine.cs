using Grpc.Net.Client;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SakipServerless.Engine.Durable.Client;

namespace SakipServerless.Engine.Durable.Local;

/// <summary>
/// The durable run engine in local durable mode: a <see cref="LocalSidecar"/>, and connected to it over gRPC a task hub
/// client and, when the sidecar dispatches, the worker that runs <see cref="DurableEngineRegistry.AddSakipRunEngine"/>.
/// </summary>
/// <remarks>
/// The worker builds the projection activity from its own container, so the caller registers what the activity needs
/// (<c>IRunStore</c>, <c>IProjectionAnswers</c>) through <c>workerServices</c>.
/// </remarks>
public sealed class LocalDurableEngine : IAsyncDisposable
{
    private readonly LocalSidecar _sidecar;
    private readonly GrpcChannel _channel;
    private readonly IHost _host;

    private LocalDurableEngine(LocalSidecar sidecar, GrpcChannel channel, IHost host)
    {
        _sidecar = sidecar;
        _channel = channel;
        _host = host;
        Client = host.Services.GetRequiredService<DurableTaskClient>();
        Runs = new DurableRunClient(Client);
    }

    /// <summary>The task hub's own client (purge, terminate, queries).</summary>
    public DurableTaskClient Client { get; }

    /// <summary>The engine's sending side over <see cref="Client"/>.</summary>
    public DurableRunClient Runs { get; }

    public Uri SidecarAddress => _sidecar.Address;

    public static async Task<LocalDurableEngine> StartAsync(LocalSidecarOptions options, Action<IServiceCollection>? workerServices = null,
        ILoggerFactory? loggerFactory = null, CancellationToken ct = default)
    {
        loggerFactory ??= NullLoggerFactory.Instance;
        var sidecar = await LocalSidecar.StartAsync(options, loggerFactory, ct);
        var channel = GrpcChannel.ForAddress(sidecar.Address);

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IHostLifetime, HostedPartLifetime>();
        builder.Services.AddDurableTaskClient(b => b.UseGrpc(channel));
        if (options.Dispatch)
        {
            // The sidecar sends no health pings on an idle work-item stream, so the worker's silent-disconnect check
            // (120 s) would drop and reopen a healthy loopback stream every two minutes, with a warning each time.
            builder.Services.AddDurableTaskWorker(b => b.AddTasks(r => r.AddSakipRunEngine()).UseGrpc(o =>
            {
                o.Channel = channel;
                o.SetSilentDisconnectTimeout(TimeSpan.Zero);
            }));
            workerServices?.Invoke(builder.Services);
        }

        var host = builder.Build();
        await host.StartAsync(ct);
        return new LocalDurableEngine(sidecar, channel, host);
    }

    public async ValueTask DisposeAsync()
    {
        // The worker first, so it is not left streaming from a sidecar that is going away.
        await _host.StopAsync();
        _host.Dispose();
        await _sidecar.DisposeAsync();
        _channel.Dispose();
    }
}

using Microsoft.Extensions.Options;
using SakipServerless.Api.Hosting;
using SakipServerless.Core.Storage;
using SakipServerless.Engine.Durable.Client;
using SakipServerless.Engine.Durable.Local;
using SakipServerless.Engine.Durable.Projection;

namespace SakipServerless.Api.Runs.Engine;

/// <summary>
/// Local durable mode (<c>Sakip:Engine:Mode=durable</c> with <c>Sakip:Engine:Sidecar</c>): the local host runs the run
/// orchestrations itself, on a Durable Task sidecar over the configured storage account, with the worker writing the
/// projection into the app's own store. Started with the host, so timers of runs in flight fire without a request.
/// </summary>
/// <remarks>
/// The engine starts at the first need, whichever comes first: the host's start, or a timer pass of another hosted
/// service that needs the <see cref="DurableRunClient"/>. Once started, open runs that the task hub does not know get
/// their orchestrations (<see cref="RunAdoption"/>).
/// </remarks>
public sealed partial class LocalDurableEngineService : IHostedService, IAsyncDisposable
{
    private readonly IServiceProvider _app;
    private readonly Lazy<Task<LocalDurableEngine>> _engine;
    private readonly ILogger<LocalDurableEngineService> _log;
    private int _disposed;

    public LocalDurableEngineService(IServiceProvider app, IOptions<SakipOptions> options, ILoggerFactory loggers, ILogger<LocalDurableEngineService> log)
    {
        _app = app;
        _log = log;
        var sidecar = options.Value.Engine.Sidecar;
        _engine = new Lazy<Task<LocalDurableEngine>>(() => StartEngineAsync(sidecar, loggers));
    }

    /// <summary>The engine's client; blocks until the sidecar and its worker run (a second or two, once).</summary>
    public DurableRunClient Runs => _engine.Value.GetAwaiter().GetResult().Runs;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _engine.Value;
        await using var scope = _app.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RunAdoption>().AdoptOpenRunsAsync(cancellationToken);
    }

    /// <summary>Stops the worker, then the sidecar, as long as the host's shutdown allows: with its storage gone, the sidecar waits for leases it cannot release.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await DisposeAsync().AsTask().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogStopAbandoned(_log);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Stopped by the host, then disposed by the container: the engine goes once.
        if (_engine.IsValueCreated && _engine.Value.IsCompletedSuccessfully && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _engine.Value.Result.DisposeAsync();
        }
    }

    private async Task<LocalDurableEngine> StartEngineAsync(LocalSidecarSettings sidecar, ILoggerFactory loggers)
    {
        try
        {
            var engine = await LocalDurableEngine.StartAsync(new LocalSidecarOptions(sidecar.StorageConnectionString, sidecar.TaskHubName),
                services => services
                    .AddSingleton(_app.GetRequiredService<IRunStore>())
                    .AddSingleton(_app.GetRequiredService<IProjectionAnswers>()),
                loggers);
            LogStarted(_log, engine.SidecarAddress, sidecar.TaskHubName);
            return engine;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"Mode durable lokal tidak dapat dimulai: akun penyimpanan task hub '{sidecar.TaskHubName}' (Sakip:Engine:Sidecar:StorageConnectionString) tidak menjawab. " +
                "Jalankan Azurite (lihat README, mode durable lokal). / Local durable mode could not start: the task hub's storage account does not answer.", e);
        }
    }

    [LoggerMessage(EventId = 7212, Level = LogLevel.Warning, Message = "Local durable mode: the sidecar did not stop within the host's shutdown time (is its storage account still up?); the task hub's leases expire by themselves")]
    private static partial void LogStopAbandoned(ILogger logger);

    [LoggerMessage(EventId = 7211, Level = LogLevel.Information, Message = "Local durable mode: sidecar at {Address}, task hub {TaskHub}")]
    private static partial void LogStarted(ILogger logger, Uri address, string taskHub);
}

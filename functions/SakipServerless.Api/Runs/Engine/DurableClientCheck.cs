using SakipServerless.Engine.Durable.Client;

namespace SakipServerless.Api.Runs.Engine;

/// <summary>
/// Durable mode in the local host without a sidecar: resolves the <see cref="DurableRunClient"/> at start, so a host
/// that provides none fails then, with the setting it lacks, rather than at the first run command.
/// </summary>
public sealed class DurableClientCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<DurableRunClient>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

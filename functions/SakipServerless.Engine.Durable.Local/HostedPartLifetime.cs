using Microsoft.Extensions.Hosting;

namespace SakipServerless.Engine.Durable.Local;

/// <summary>
/// The lifetime of a host that is a part of another (the sidecar, the worker): it starts and stops when its owner says,
/// handles no Ctrl+C or SIGTERM of its own, and writes no "Application started" lines into the owner's log.
/// </summary>
internal sealed class HostedPartLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

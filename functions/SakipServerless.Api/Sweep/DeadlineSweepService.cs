using Microsoft.Extensions.Options;
using SakipServerless.Api.Hosting;
using SakipServerless.Api.Scheduling;

namespace SakipServerless.Api.Sweep;

/// <summary>
/// The in-process timers: the deadline sweep every <c>Sakip:Sweep:IntervalSeconds</c> and the scheduled run starts every
/// <c>Sakip:Schedule:IntervalSeconds</c> (Functions timer triggers do both in Azure).
/// </summary>
public sealed partial class DeadlineSweepService(DeadlineSweep sweep, IServiceScopeFactory scopes, TimeProvider clock, IOptions<SakipOptions> options,
    ILogger<DeadlineSweepService> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var loops = new List<Task>();

        // In durable mode each run's timers escalate it; a sweep would be a second writer of the run.
        if (o.Sweep.Enabled && !o.Engine.IsDurable)
        {
            loops.Add(EveryAsync(o.Sweep.IntervalSeconds, ct => sweep.RunOnceAsync(ct), stoppingToken));
        }

        // Starts only create runs, so they are safe beside either engine and on every instance.
        if (o.Schedule.Enabled)
        {
            loops.Add(EveryAsync(o.Schedule.IntervalSeconds, StartScheduledAsync, stoppingToken));
        }

        return Task.WhenAll(loops);
    }

    private async Task StartScheduledAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScheduledRunStarter>().StartDueAsync(clock.GetUtcNow(), ct);
    }

    private async Task EveryAsync(int seconds, Func<CancellationToken, Task> pass, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        try
        {
            do
            {
                try
                {
                    await pass(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogPassFailed(log, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Error, Message = "In-process timer pass failed (deadline sweep or scheduled starts); retrying at the next tick")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}

using Microsoft.Extensions.Options;
using SakipServerless.Api.Hosting;

namespace SakipServerless.Api.Sweep;

/// <summary>Runs the deadline sweep in-process every <c>Sakip:Sweep:IntervalSeconds</c> (the Functions timer trigger does it in Azure).</summary>
public sealed partial class DeadlineSweepService(DeadlineSweep sweep, IOptions<SakipOptions> options, ILogger<DeadlineSweepService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // In durable mode each run's timers escalate it; a sweep would be a second writer of the run.
        if (!options.Value.Sweep.Enabled || options.Value.Engine.IsDurable)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.Sweep.IntervalSeconds));
        do
        {
            try
            {
                await sweep.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPassFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Error, Message = "Deadline sweep pass failed; retrying at the next tick")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}

using Microsoft.Extensions.Options;
using SakipServerless.Api.Hosting;

namespace SakipServerless.Api.Notifications;

/// <summary>
/// Runs the dispatcher in-process every <c>Sakip:Notifications:DispatchIntervalSeconds</c>: the inbox and the webhook
/// each in their own loop, so a slow gateway never holds back in-app notifications.
/// </summary>
public sealed partial class NotificationDispatcherService(NotificationDispatcher dispatcher, IOptions<SakipOptions> options,
    ILogger<NotificationDispatcherService> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Notifications;
        if (!settings.DispatchEnabled)
        {
            return Task.CompletedTask;
        }

        var interval = TimeSpan.FromSeconds(settings.DispatchIntervalSeconds);
        return Task.WhenAll(
            LoopAsync("inbox", dispatcher.DispatchPendingAsync, interval, stoppingToken),
            LoopAsync("webhook", dispatcher.DeliverWebhooksAsync, interval, stoppingToken));
    }

    private async Task LoopAsync(string phase, Func<CancellationToken, Task<DispatchResult>> pass, TimeSpan interval, CancellationToken stoppingToken)
    {
        await Task.Yield(); // leave host start-up before the first pass
        using var timer = new PeriodicTimer(interval);
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
                    LogPassFailed(log, e, phase);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a message in flight keeps its lease until it ends, then the next start delivers it.
        }
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Error, Message = "Notification dispatch pass ({Phase}) failed; retrying at the next tick")]
    private static partial void LogPassFailed(ILogger logger, Exception exception, string phase);
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SakipServerless.Api.Notifications;
using SakipServerless.Api.Runs.Engine;
using SakipServerless.Functions.Durable;

namespace SakipServerless.Functions.Timers;

/// <summary>
/// What a timer still does in Azure, every minute: the engine's deadline tick (the sweep in embedded mode; the
/// durable engine's own timers make it a no-op there), then one pass of the notification dispatcher, which delivers
/// new notices and retries the webhooks that are due.
/// </summary>
/// <remarks>The host runs a timer function on one instance at a time however far the app scales out, so the
/// in-process services are off in Azure (<c>Sakip:Sweep:Enabled=false</c>). Both passes are idempotent; a failure is
/// thrown so the host records a failed invocation, and the next tick retries with the original due times. The engine
/// is resolved after the durable client is bound, because the durable engine is built over it.</remarks>
public sealed partial class DeadlineSweepTimer(BoundDurableClient durable, NotificationDispatcher notifications, ILogger<DeadlineSweepTimer> log)
{
    public const string Name = "DeadlineSweep";

    public const string Schedule = "0 */1 * * * *";

    [Function(Name)]
    public async Task<int> RunAsync([TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        var ct = context.CancellationToken;
        using (durable.Bind(client))
        {
            var engine = context.InstanceServices.GetRequiredService<IRunEngine>();
            int escalations = await engine.ProcessDeadlinesAsync(ct);
            var sent = await notifications.RunOnceAsync(ct);
            LogTick(log, timer.IsPastDue, escalations, sent.Dispatched, sent.WebhooksDelivered, sent.WebhooksRetrying);
            return escalations;
        }
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information,
        Message = "DeadlineSweep ran (past due: {PastDue}): {Escalations} escalations, {Dispatched} notifications dispatched, webhooks {Delivered} delivered, {Retrying} retrying")]
    private static partial void LogTick(ILogger logger, bool pastDue, int escalations, int dispatched, int delivered, int retrying);
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Scheduling;
using SakipServerless.Functions.Durable;

namespace SakipServerless.Functions.Timers;

/// <summary>
/// Every minute, the scheduled run starts (<see cref="ScheduledRunStarter"/>: a template's "setiap tanggal 10 awal
/// Triwulan") at the application clock's now. In Azure the in-process timer is off (<c>Sakip:Schedule:Enabled=false</c>).
/// </summary>
/// <remarks>The starter is idempotent on the store's one run per (pemda, OPD, template, period), so an overlapping or
/// retried tick starts nothing twice. It is resolved after the durable client is bound: a start in durable mode
/// schedules an orchestration through it.</remarks>
public sealed class ScheduledStartsTimer(BoundDurableClient durable, TimeProvider clock)
{
    public const string Name = "ScheduledStarts";

    public const string Schedule = "0 */1 * * * *";

    [Function(Name)]
    public async Task<ScheduledStartsResult> RunAsync([TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        using (durable.Bind(client))
        {
            var starter = context.InstanceServices.GetRequiredService<ScheduledRunStarter>();
            return await starter.StartDueAsync(clock.GetUtcNow(), context.CancellationToken);
        }
    }
}

using System.Text.Json;
using SakipServerless.Api.Errors;
using SakipServerless.Api.Notifications;
using SakipServerless.Api.Runs.Engine;
using SakipServerless.Api.Sweep;

namespace SakipServerless.Api.FunctionsHost;

/// <summary>
/// The <c>DeadlineSweep</c> timer function: every minute the Functions host invokes it, and it runs one pass of the
/// engine's deadline tick (the sweep, in the embedded engine), then one pass of the notification dispatcher so escalation notices leave in the same minute.
/// </summary>
/// <remarks>
/// The timer is the Azure counterpart of <see cref="DeadlineSweepService"/> (which the Function App turns off with
/// <c>Sakip:Sweep:Enabled=false</c>): the host runs a timer function on one instance at a time, however far the app
/// has scaled out. Both passes are idempotent, so a retried or overlapping invocation changes nothing twice. A failure
/// answers 500 so the host records a failed invocation; the next tick retries with the original due times.
/// </remarks>
public static partial class DeadlineSweepFunction
{
    public static TimerTrigger Trigger { get; } = new("DeadlineSweep", "0 */1 * * * *");

    /// <remarks>The payload is read here rather than bound, so <see cref="CustomHandlerOnlyFilter"/> has refused a
    /// stranger before any of the body is read.</remarks>
    public static async Task<IResult> InvokeAsync(HttpRequest request, IRunEngine engine, NotificationDispatcher notifications,
        ILoggerFactory logs, CancellationToken ct)
    {
        var log = logs.CreateLogger(typeof(DeadlineSweepFunction).FullName!);
        InvocationRequest? invocation;
        try
        {
            invocation = await request.ReadFromJsonAsync<InvocationRequest>(ct);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: not JSON at all (wrong or missing Content-Type).
            return Problems.BadRequest("invalid-invocation", $"Payload pemanggilan fungsi tidak valid: {e.Message}");
        }

        if (invocation?.Data is null)
        {
            return Problems.BadRequest("invalid-invocation", "Payload pemanggilan fungsi harus berupa objek JSON dengan Data dan Metadata.");
        }

        bool pastDue = invocation.IsPastDue(Trigger.BindingName);
        try
        {
            int escalations = await engine.ProcessDeadlinesAsync(ct);
            var sent = await notifications.RunOnceAsync(ct);
            LogInvoked(log, Trigger.FunctionName, pastDue, escalations, sent.Dispatched);
            return Results.Json(InvocationResponse.WithLogs(
                $"Deadline sweep applied {escalations} escalation(s){(pastDue ? " (tick was past due)" : "")}.",
                $"Notifications: {sent.Dispatched} dispatched into {sent.InboxEntries} inbox entries, {sent.DispatchFailures} failed; "
                + $"webhooks {sent.WebhooksDelivered} delivered, {sent.WebhooksRetrying} retrying, {sent.WebhooksFailed} failed."));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(log, e, Trigger.FunctionName);
            return Results.Json(InvocationResponse.WithLogs($"Deadline sweep failed: {e.GetType().Name}: {e.Message}"),
                statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information,
        Message = "Timer function {FunctionName} ran (past due: {PastDue}): {Escalations} escalations, {Dispatched} notifications dispatched")]
    private static partial void LogInvoked(ILogger logger, string functionName, bool pastDue, int escalations, int dispatched);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Error, Message = "Timer function {FunctionName} failed; the next tick retries")]
    private static partial void LogFailed(ILogger logger, Exception exception, string functionName);
}

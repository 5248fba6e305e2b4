using System.Text.Json;

namespace SakipServerless.Api.FunctionsHost;

/// <summary>A <c>timerTrigger</c> function; the host invokes it at <see cref="TimerTrigger.InvocationPath"/>.</summary>
public sealed record TimerFunction(TimerTrigger Trigger) : FunctionDefinition(Trigger.FunctionName)
{
    protected override void WriteBindings(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("type", "timerTrigger");
        json.WriteString("direction", "in");
        json.WriteString("name", Trigger.BindingName);
        json.WriteString("schedule", Trigger.Schedule);
        // A cold start must not add a sweep of its own: the next tick comes within the minute anyway.
        json.WriteBoolean("runOnStartup", false);
        // The schedule monitor (in host storage) lets the host tell a missed tick, reported to us as IsPastDue.
        json.WriteBoolean("useMonitor", true);
        json.WriteEndObject();
    }
}

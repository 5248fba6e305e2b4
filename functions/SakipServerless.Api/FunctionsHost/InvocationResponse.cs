using System.Text.Json.Serialization;

namespace SakipServerless.Api.FunctionsHost;

/// <summary>
/// The custom-handler response payload: <c>Outputs</c> (one entry per output binding; a timer function has none),
/// <c>Logs</c> (written by the host to the function's log, so they reach Application Insights with the invocation) and
/// <c>ReturnValue</c> (used only by a <c>$return</c> binding; null here).
/// </summary>
/// <remarks>Names are the documented PascalCase ones and <c>ReturnValue</c> is written even when null, whatever the
/// app's own JSON conventions (camelCase, nulls omitted).</remarks>
public sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] Dictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] object? ReturnValue)
{
    public static InvocationResponse WithLogs(params string[] logs) => new([], logs, null);
}

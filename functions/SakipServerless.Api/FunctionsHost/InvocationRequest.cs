using System.Text.Json;
using System.Text.Json.Serialization;

namespace SakipServerless.Api.FunctionsHost;

/// <summary>
/// The custom-handler invocation payload the Functions host POSTs for a non-HTTP trigger: <c>Data</c> holds one entry
/// per input binding (for a timer: <c>Schedule</c>, <c>ScheduleStatus</c>, <c>IsPastDue</c>), <c>Metadata</c> the
/// trigger metadata (<c>sys.MethodName</c>, <c>sys.UtcNow</c>, <c>sys.RandGuid</c>).
/// </summary>
public sealed record InvocationRequest(
    [property: JsonPropertyName("Data")] Dictionary<string, JsonElement>? Data,
    [property: JsonPropertyName("Metadata")] Dictionary<string, JsonElement>? Metadata)
{
    /// <summary>True when the host says this tick is late (the app was down or the previous run overran).</summary>
    public bool IsPastDue(string bindingName) =>
        Data is not null
        && Data.TryGetValue(bindingName, out var timer)
        && timer.ValueKind == JsonValueKind.Object
        && timer.TryGetProperty("IsPastDue", out var pastDue)
        && pastDue.ValueKind == JsonValueKind.True;
}

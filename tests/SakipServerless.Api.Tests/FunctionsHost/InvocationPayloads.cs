using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SakipServerless.Api.Tests.FunctionsHost;

/// <summary>Invocation requests shaped as the Functions host sends them to a custom handler for a timer trigger.</summary>
public static class InvocationPayloads
{
    public static JsonObject Timer(DateTimeOffset utcNow, bool isPastDue = false) => new()
    {
        ["Data"] = new JsonObject
        {
            ["timer"] = new JsonObject
            {
                ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                ["ScheduleStatus"] = new JsonObject
                {
                    ["Last"] = utcNow.AddMinutes(-1).ToString("O"),
                    ["Next"] = utcNow.AddMinutes(1).ToString("O"),
                    ["LastUpdated"] = utcNow.AddMinutes(-1).ToString("O"),
                },
                ["IsPastDue"] = isPastDue,
            },
        },
        ["Metadata"] = new JsonObject
        {
            ["sys"] = new JsonObject
            {
                ["MethodName"] = "DeadlineSweep",
                ["UtcNow"] = utcNow.ToString("O"),
                ["RandGuid"] = Guid.NewGuid().ToString(),
            },
        },
    };

    public static Task<HttpResponseMessage> InvokeAsync(HttpClient host, JsonObject payload, string path = "/DeadlineSweep") =>
        host.PostAsync(path, JsonContent.Create(payload));
}

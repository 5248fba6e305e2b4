using System.Text.Json;
using SakipServerless.Functions.Tests.Support;

namespace SakipServerless.Functions.Tests.Http;

/// <summary>
/// The catch-all <c>Api</c> function invoked directly with an HttpContext, against the local host given the same
/// request: routing, identity, problem+json, idempotency and the OpenAPI document answer alike.
/// </summary>
public sealed class ApiFunctionTests(TwoHosts hosts) : IClassFixture<TwoHosts>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static TheoryData<string, string, string?> Unsigned => new()
    {
        { "GET", "/api/health", null },
        { "GET", "/api/runs", null },                     // signed-in route: 401 problem
        { "GET", "/api/tidak-ada", null },                // no endpoint: 404
        { "DELETE", "/api/health", null },                // endpoint without that method: 405
        { "POST", "/api/dev/token", "{\"tenantId\":\"jeneponto\"}" }, // validation problem in Indonesian
        { "POST", "/api/dev/token", "{bukan json" },      // malformed JSON through the exception handler
    };

    [Theory]
    [MemberData(nameof(Unsigned))]
    public async Task AnUnsignedRequest_GetsTheLocalHostsAnswer(string method, string path, string? body)
    {
        var call = new HttpCall(method, path, body);

        var local = await hosts.Local.SendAsync(call);
        var function = await hosts.Functions.InvokeApiAsync(call);

        Assert.Equal(local.Status, function.Status);
        Assert.Equal(local.ContentType, function.ContentType);
        if (local.ContentType == "application/problem+json")
        {
            Assert.Equal(Comparable(local.Body), Comparable(function.Body));
        }
    }

    [Fact]
    public async Task TheHealthRoute_Answers200WithJson()
    {
        var answer = await hosts.Functions.InvokeApiAsync(HttpCall.Get("/api/health"));

        Assert.Equal(200, answer.Status);
        Assert.Equal("application/json", answer.ContentType);
    }

    [Fact]
    public async Task TheOpenApiDocument_IsTheLocalHostsDocument()
    {
        var local = await hosts.Local.SendAsync(HttpCall.Get("/api/openapi.json"));
        var function = await hosts.Functions.InvokeApiAsync(HttpCall.Get("/api/openapi.json"));

        Assert.Equal(200, function.Status);
        Assert.Contains("\"/api/runs\"", function.Body);
        Assert.Equal(Comparable(local.Body), Comparable(function.Body));
    }

    [Fact]
    public async Task ASignedInUser_StartsARun_AndAKeyedRetryGetsTheFirstAnswer_InBothHosts()
    {
        string localToken = await World.SignInAsync(hosts.Local.SendAsync, World.Head);
        string functionToken = await World.SignInAsync(c => hosts.Functions.InvokeApiAsync(c), World.Head);
        var start = new Dictionary<string, string> { ["Idempotency-Key"] = "mulai-" + Guid.NewGuid().ToString("N") };
        string body = JsonSerializer.Serialize(new { opdId = World.Opd, period = "2026-Q1" });

        var local = await hosts.Local.SendAsync(new HttpCall("POST", "/api/runs", body, localToken, start));
        var first = await hosts.Functions.InvokeApiAsync(new HttpCall("POST", "/api/runs", body, functionToken, start));
        var retry = await hosts.Functions.InvokeApiAsync(new HttpCall("POST", "/api/runs", body, functionToken, start));

        Assert.Equal(201, local.Status);
        Assert.True(first.Status == 201, $"{first.Status} {first.Body} {string.Join(";", first.Headers)}");
        Assert.Equal(first.Json().GetProperty("id").GetString(), retry.Json().GetProperty("id").GetString());
        Assert.Equal(local.Json().GetProperty("status").GetString(), first.Json().GetProperty("status").GetString());
        Assert.Equal(Steps(local.Json()), Steps(first.Json()));

        var read = await hosts.Functions.InvokeApiAsync(HttpCall.Get($"/api/runs/{first.Json().GetProperty("id").GetString()}", functionToken));
        Assert.Equal(200, read.Status);
    }

    [Fact]
    public async Task AnAppServicePrincipalHeader_IsTreatedAsTheLocalHostTreatsIt()
    {
        // Outside appservice identity mode the header is not trusted; both hosts must say so the same way.
        var principal = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new { auth_typ = "aad", claims = Array.Empty<object>() }));
        var call = new HttpCall("GET", "/api/runs", Headers: new Dictionary<string, string> { ["X-MS-CLIENT-PRINCIPAL"] = principal });

        var local = await hosts.Local.SendAsync(call);
        var function = await hosts.Functions.InvokeApiAsync(call);

        Assert.Equal(local.Status, function.Status);
        Assert.Equal(Comparable(local.Body), Comparable(function.Body));
    }

    private static IReadOnlyList<string> Steps(JsonElement run) =>
        [.. run.GetProperty("steps").EnumerateArray().Select(s => $"{s.GetProperty("stepId").GetString()}:{s.GetProperty("status").GetString()}")];

    /// <summary>The JSON without what differs per request (trace ids, instance paths), re-indented for a readable diff.</summary>
    private static string Comparable(string json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return json;
        }

        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        if (node is System.Text.Json.Nodes.JsonObject o)
        {
            o.Remove("traceId");
            o.Remove("requestId");
        }

        return node.ToJsonString(Indented);
    }
}

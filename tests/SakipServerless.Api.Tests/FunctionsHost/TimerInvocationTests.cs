using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using SakipServerless.Api.FunctionsHost;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.FunctionsHost;

/// <summary>
/// The DeadlineSweep timer function as the Functions host invokes it: a POST of the documented invocation payload to
/// /DeadlineSweep on the handler port, answered with Outputs, Logs and ReturnValue after the sweep ran.
/// </summary>
public sealed class TimerInvocationTests : IAsyncLifetime
{
    private const string Step1 = "menugaskan-kasubag-kasubid";

    private readonly ApiFactory _handler = new(settings: new Dictionary<string, string?> { [CustomHandlerPort.Variable] = "47123" });
    private TestWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = new TestWorld(_handler);
        await _world.SeedAsync();
    }

    public async Task DisposeAsync() => await _handler.DisposeAsync();

    [Fact]
    public async Task TimerInvocation_RunsTheSweep_AndAnswersWithTheDocumentedPayload()
    {
        string runId = await StartOverdueRunAsync(_world);

        var response = await InvocationPayloads.InvokeAsync(_handler.CreateClient(), InvocationPayloads.Timer(_handler.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["Outputs", "Logs", "ReturnValue"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Empty(body.GetProperty("Outputs").EnumerateObject());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("ReturnValue").ValueKind);
        var logs = body.GetProperty("Logs").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.Contains("Deadline sweep applied 2 escalation(s).", logs);
        Assert.Contains(logs, l => l.StartsWith("Notifications: ", StringComparison.Ordinal));

        var run = await RunAsync(_world, runId);
        Assert.Equal(2, run.Step(Step1).GetProperty("escalationLevel").GetInt32());

        // The next tick finds nothing left to do.
        var again = JsonDocument.Parse(await (await InvocationPayloads.InvokeAsync(_handler.CreateClient(), InvocationPayloads.Timer(_handler.Clock.GetUtcNow()))).Content.ReadAsStringAsync());
        Assert.Contains("Deadline sweep applied 0 escalation(s).", again.RootElement.GetProperty("Logs").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task APastDueTick_IsReportedInTheLogs()
    {
        var response = await InvocationPayloads.InvokeAsync(_handler.CreateClient(), InvocationPayloads.Timer(_handler.Clock.GetUtcNow(), isPastDue: true));

        var body = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Deadline sweep applied 0 escalation(s) (tick was past due).", body.GetProperty("Logs")[0].GetString());
    }

    [Fact]
    public async Task TheAppOnItsOwn_DoesNotAnswerTheInvocationPath()
    {
        await using var standalone = new ApiFactory(); // no FUNCTIONS_CUSTOMHANDLER_PORT: dotnet run, tests, a container
        var world = new TestWorld(standalone);
        await world.SeedAsync();
        string runId = await StartOverdueRunAsync(world);

        var response = await InvocationPayloads.InvokeAsync(standalone.CreateClient(), InvocationPayloads.Timer(standalone.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var run = await RunAsync(world, runId);
        Assert.Equal(0, run.Step(Step1).GetProperty("escalationLevel").GetInt32()); // the sweep did not run
    }

    [Fact]
    public async Task ARequestFromAnotherMachine_IsRefused_EvenInHandlerMode()
    {
        string runId = await StartOverdueRunAsync(_world);
        string payload = InvocationPayloads.Timer(_handler.Clock.GetUtcNow()).ToJsonString();

        var context = await _handler.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Post;
            http.Request.Path = "/DeadlineSweep";
            http.Request.ContentType = "application/json";
            var bytes = System.Text.Encoding.UTF8.GetBytes(payload);
            http.Request.Body = new MemoryStream(bytes);
            http.Request.ContentLength = bytes.Length;
            http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        });

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
        Assert.Equal(0, (await RunAsync(_world, runId)).Step(Step1).GetProperty("escalationLevel").GetInt32());
    }

    [Fact]
    public async Task TheInvocationPath_IsNotReachableUnderTheForwardedRoutePrefix()
    {
        string runId = await StartOverdueRunAsync(_world);
        var host = _handler.CreateClient();

        foreach (string path in new[] { "/api/DeadlineSweep", "/api/deadlinesweep", "/api/runs/..%2F..%2FDeadlineSweep" })
        {
            var response = await InvocationPayloads.InvokeAsync(host, InvocationPayloads.Timer(_handler.Clock.GetUtcNow()), path);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(0, (await RunAsync(_world, runId)).Step(Step1).GetProperty("escalationLevel").GetInt32());
    }

    [Fact]
    public async Task AMalformedPayload_Is400_AndSweepsNothing()
    {
        string runId = await StartOverdueRunAsync(_world);

        var response = await _handler.CreateClient().PostAsync("/DeadlineSweep", new StringContent("{\"Data\": [", System.Text.Encoding.UTF8, "application/json"));

        await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, (await RunAsync(_world, runId)).Step(Step1).GetProperty("escalationLevel").GetInt32());
    }

    [Fact]
    public async Task TheInvocationPath_IsNotInTheOpenApiDocument()
    {
        var doc = await (await _handler.CreateClient().GetAsync("/api/openapi.json")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(doc.GetProperty("paths").EnumerateObject(), p => p.Name.Contains("DeadlineSweep", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A run started on Monday 08:30 whose first step (due 08:45) is three days overdue: late, then escalated.</summary>
    private static async Task<string> StartOverdueRunAsync(TestWorld world)
    {
        var head = await world.ClientAsync("kesbangpol-kepala");
        var run = await (await head.PostJsonAsync("/api/runs", new { opdId = TestWorld.Opd, period = "2026-Q1" })).JsonAsync(HttpStatusCode.Created);
        world.Factory.Clock.Advance(TimeSpan.FromDays(3));
        return run.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> RunAsync(TestWorld world, string runId)
    {
        var kabid = await world.ClientAsync("kesbangpol-kabid");
        return await (await kabid.GetAsync($"/api/runs/{runId}")).JsonAsync(HttpStatusCode.OK);
    }
}

using System.Net;
using System.Text.Json;
using SakipServerless.Api.Notifications;
using SakipServerless.Api.Tests.Support;
using static SakipServerless.Api.Tests.Notifications.NotificationDriver;

namespace SakipServerless.Api.Tests.Notifications;

/// <summary>The webhook channel against a gateway on 127.0.0.1 whose answers each test scripts; time moves only by hand.</summary>
public sealed class WebhookTests
{
    private const string Secret = "rahasia-gateway";
    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(10);

    private static async Task<(ApiFactory Factory, TestWorld World, NotificationDriver Driver)> StartAppAsync(string url, int maxAttempts = 5)
    {
        var factory = new ApiFactory(settings: new Dictionary<string, string?>
        {
            ["Sakip:Notifications:WebhookUrl"] = url,
            ["Sakip:Notifications:WebhookSecret"] = Secret,
            ["Sakip:Notifications:WebhookMaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sakip:Notifications:WebhookBaseDelaySeconds"] = "10",
            ["Sakip:Notifications:WebhookMaxDelaySeconds"] = "3600",
        });
        var world = new TestWorld(factory);
        await world.SeedAsync();
        return (factory, world, new NotificationDriver(factory, world));
    }

    [Fact]
    public async Task GatewayFailingTwice_ThenAccepting_GetsTheNotificationOnce_WithThreeAttemptsRecorded()
    {
        await using var gateway = new FakeGateway(attempt => new GatewayReply(attempt <= 2 ? 503 : 200));
        var (factory, world, driver) = await StartAppAsync(gateway.Url);
        await using var app = factory;
        string runId = await driver.StartRunAsync();

        var first = await driver.DispatchAsync();
        Assert.Equal((1, 1), (first.Dispatched, first.WebhooksRetrying));
        Assert.Single(Items(await driver.InboxAsync("kesbangpol-kabid"))); // the inbox does not wait for the gateway

        await driver.DispatchAsync();
        Assert.Single(gateway.Requests); // backoff: nothing before the base delay
        factory.Clock.Advance(BaseDelay);
        await driver.DispatchAsync();
        Assert.Equal(2, gateway.Requests.Count);
        factory.Clock.Advance(BaseDelay);
        await driver.DispatchAsync();
        Assert.Equal(2, gateway.Requests.Count); // the second wait is twice the first
        factory.Clock.Advance(BaseDelay);
        Assert.Equal(1, (await driver.DispatchAsync()).WebhooksDelivered);
        factory.Clock.Advance(TimeSpan.FromHours(2));
        await driver.DispatchAsync();

        var requests = gateway.Requests;
        Assert.Equal(3, requests.Count);
        string eventId = requests[0].EventId;
        Assert.StartsWith(runId + "#", eventId);
        Assert.All(requests, r => Assert.Equal(eventId, r.IdempotencyKey));
        Assert.Equal(["1", "2", "3"], requests.Select(r => r.Attempt));
        Assert.All(requests, r => Assert.Equal(WebhookSender.Sign(Secret, r.Body), r.Signature));
        Assert.All(requests, r => Assert.Equal(requests[0].Body, r.Body)); // the same bytes every time
        Assert.StartsWith("application/json", requests[0].ContentType);

        var payload = JsonDocument.Parse(requests[0].Body).RootElement;
        Assert.Equal(eventId, payload.GetProperty("id").GetString());
        Assert.Equal("task-assigned", payload.GetProperty("kind").GetString());
        Assert.StartsWith("Tugas baru:", payload.GetProperty("message").GetString());
        Assert.Equal(TestWorld.Tenant, payload.GetProperty("tenantId").GetString());
        Assert.Equal(TestWorld.Opd, payload.GetProperty("opdId").GetString());
        Assert.Equal(runId, payload.GetProperty("runId").GetString());
        Assert.Equal(FirstStep, payload.GetProperty("stepId").GetString());
        Assert.Equal(DateTimeOffset.Parse("2026-04-06T08:45:00+08:00"), payload.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("kesbangpol-kabid", Assert.Single(payload.GetProperty("recipients").EnumerateArray()).GetProperty("userId").GetString());

        var admin = await world.ClientAsync("admin");
        var delivered = Assert.Single((await (await admin.GetAsync("/api/notifications/webhook-deliveries?status=delivered")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(eventId, delivered.GetProperty("eventId").GetString());
        Assert.Equal(3, delivered.GetProperty("attempts").GetInt32());
        Assert.Equal(200, delivered.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal(factory.Clock.GetUtcNow() - TimeSpan.FromHours(2), delivered.GetProperty("deliveredAt").GetDateTimeOffset());
        Assert.Equal(0, (await (await admin.GetAsync("/api/notifications/webhook-failures")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task RetryAfter_OnThrottling_IsHonouredOverTheShorterBackoff()
    {
        await using var gateway = new FakeGateway(attempt => attempt == 1 ? new GatewayReply(429, "120") : new GatewayReply(202));
        var (factory, world, driver) = await StartAppAsync(gateway.Url);
        await using var app = factory;
        await driver.StartRunAsync();
        var start = factory.Clock.GetUtcNow();

        await driver.DispatchAsync();
        var admin = await world.ClientAsync("admin");
        var waiting = Assert.Single((await (await admin.GetAsync("/api/notifications/webhook-failures")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal("pending", waiting.GetProperty("status").GetString());
        Assert.Equal(429, waiting.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal(start + TimeSpan.FromSeconds(120), waiting.GetProperty("nextAttemptAt").GetDateTimeOffset());

        factory.Clock.Advance(TimeSpan.FromSeconds(119));
        await driver.DispatchAsync();
        Assert.Single(gateway.Requests);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await driver.DispatchAsync()).WebhooksDelivered);
        Assert.Equal(2, gateway.Requests.Count);
    }

    [Fact]
    public async Task GatewayAlwaysFailing_IsRecordedAsFailed_ForAdminsOnly_AndTheInboxStillWorks()
    {
        await using var gateway = new FakeGateway(_ => new GatewayReply(500));
        var (factory, world, driver) = await StartAppAsync(gateway.Url, maxAttempts: 3);
        await using var app = factory;
        await driver.StartRunAsync();

        for (int pass = 0; pass < 6; pass++)
        {
            await driver.DispatchAsync();
            factory.Clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(3, gateway.Requests.Count);
        Assert.Single(Items(await driver.InboxAsync("kesbangpol-kabid")));

        var admin = await world.ClientAsync("admin");
        var failure = Assert.Single((await (await admin.GetAsync("/api/notifications/webhook-failures")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal("failed", failure.GetProperty("status").GetString());
        Assert.Equal(3, failure.GetProperty("attempts").GetInt32());
        Assert.Equal(500, failure.GetProperty("lastStatusCode").GetInt32());
        Assert.Contains("Gateway menjawab 500", failure.GetProperty("lastError").GetString());
        Assert.Contains("Gagal setelah 3 percobaan", failure.GetProperty("lastError").GetString());
        Assert.True(failure.TryGetProperty("failedAt", out _));
        Assert.False(failure.TryGetProperty("nextAttemptAt", out _));
        Assert.Equal("task-assigned", failure.GetProperty("payload").GetProperty("kind").GetString());
        Assert.Single((await (await admin.GetAsync("/api/notifications/webhook-deliveries?status=failed")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());

        foreach (var user in new[] { "kesbangpol-kepala", "kesbangpol-kabid", "sekda" })
        {
            var client = await world.ClientAsync(user);
            await (await client.GetAsync("/api/notifications/webhook-failures")).ProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync("/api/notifications/webhook-deliveries")).ProblemAsync(HttpStatusCode.Forbidden);
        }

        var otherAdmin = await world.ClientAsync("admin", TestWorld.OtherTenant);
        Assert.Equal(0, (await (await otherAdmin.GetAsync("/api/notifications/webhook-failures")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task GatewayRefusingThePayload_FailsAtOnce_WithoutRetries()
    {
        await using var gateway = new FakeGateway(_ => new GatewayReply(422));
        var (factory, world, driver) = await StartAppAsync(gateway.Url);
        await using var app = factory;
        await driver.StartRunAsync();

        Assert.Equal(1, (await driver.DispatchAsync()).WebhooksFailed);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await driver.DispatchAsync();

        Assert.Single(gateway.Requests);
        var admin = await world.ClientAsync("admin");
        var failure = Assert.Single((await (await admin.GetAsync("/api/notifications/webhook-failures")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(("failed", 1), (failure.GetProperty("status").GetString(), failure.GetProperty("attempts").GetInt32()));
        Assert.Contains("ditolak", failure.GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task UnreachableGateway_IsRetried_WithTheConnectionErrorRecorded()
    {
        var (factory, world, driver) = await StartAppAsync(FakeGateway.UnreachableUrl());
        await using var app = factory;
        await driver.StartRunAsync();

        Assert.Equal(1, (await driver.DispatchAsync()).WebhooksRetrying);

        var admin = await world.ClientAsync("admin");
        var failure = Assert.Single((await (await admin.GetAsync("/api/notifications/webhook-failures")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal("pending", failure.GetProperty("status").GetString());
        Assert.Equal(1, failure.GetProperty("attempts").GetInt32());
        Assert.StartsWith("Tidak dapat terhubung ke gateway", failure.GetProperty("lastError").GetString());
        Assert.Equal(factory.Clock.GetUtcNow() + BaseDelay, failure.GetProperty("nextAttemptAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task DeliveryList_WithUnknownStatus_Is400()
    {
        var (factory, world, _) = await StartAppAsync(FakeGateway.UnreachableUrl());
        await using var app = factory;
        var admin = await world.ClientAsync("admin");

        var problem = await (await admin.GetAsync("/api/notifications/webhook-deliveries?status=hilang")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
    }

    [Theory]
    [InlineData("ftp://gateway.example/hook")]
    [InlineData("gateway/hook")]
    public async Task InvalidWebhookUrl_StopsTheAppFromStarting(string url)
    {
        await using var factory = new ApiFactory(settings: new Dictionary<string, string?> { ["Sakip:Notifications:WebhookUrl"] = url });

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("WebhookUrl", error.ToString());
    }
}

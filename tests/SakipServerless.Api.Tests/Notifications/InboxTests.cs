using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Notifications;
using SakipServerless.Api.Tests.Support;
using SakipServerless.Storage.Sqlite;
using static SakipServerless.Api.Tests.Notifications.NotificationDriver;

namespace SakipServerless.Api.Tests.Notifications;

public sealed class InboxTests : IAsyncLifetime
{
    private readonly ApiFactory _factory = new();
    private TestWorld _world = null!;
    private NotificationDriver _driver = null!;

    public async Task InitializeAsync()
    {
        _world = new TestWorld(_factory);
        _driver = new NotificationDriver(_factory, _world);
        await _world.SeedAsync();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task StartedRun_AfterDispatch_PutsTheTaskInTheAssigneesInbox_InIndonesian()
    {
        string runId = await _driver.StartRunAsync();
        Assert.Empty(Items(await _driver.InboxAsync("kesbangpol-kabid"))); // written by the dispatcher, not by the transition

        var result = await _driver.DispatchAsync();

        Assert.Equal(1, result.Dispatched);
        var inbox = await _driver.InboxAsync("kesbangpol-kabid");
        Assert.Equal(1, inbox.GetProperty("unreadCount").GetInt32());
        var item = Assert.Single(Items(inbox));
        Assert.Equal("task-assigned", item.GetProperty("kind").GetString());
        Assert.Equal("Tugas baru", item.GetProperty("title").GetString());
        Assert.StartsWith("Tugas baru:", item.GetProperty("message").GetString());
        Assert.Contains("Batas waktu", item.GetProperty("message").GetString());
        Assert.Equal(runId, item.GetProperty("runId").GetString());
        Assert.Equal(FirstStep, item.GetProperty("stepId").GetString());
        Assert.Equal(DateTimeOffset.Parse("2026-04-06T08:45:00+08:00"), item.GetProperty("dueAt").GetDateTimeOffset());
        Assert.False(item.GetProperty("read").GetBoolean());

        // Only the assignee role of that OPD: not the other roles, not the same role in another OPD.
        Assert.Empty(Items(await _driver.InboxAsync("kesbangpol-analisis-data")));
        Assert.Empty(Items(await _driver.InboxAsync("bappeda-kabid")));
    }

    [Fact]
    public async Task LevelTwoEscalation_ReachesTheHeadOfTheOpd()
    {
        await _driver.StartRunAsync();
        await _driver.DispatchAsync();
        _factory.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(2, await _driver.SweepAsync());

        var result = await _driver.DispatchAsync();

        Assert.Equal(2, result.Dispatched); // step late (level 1), then escalated (level 2)
        var head = await _driver.InboxAsync("kesbangpol-kepala");
        var escalated = Assert.Single(OfKind(head, "step-escalated"));
        Assert.Equal(2, escalated.GetProperty("escalationLevel").GetInt32());
        Assert.Equal("Eskalasi ke Kepala OPD", escalated.GetProperty("title").GetString());
        Assert.StartsWith("Eskalasi:", escalated.GetProperty("message").GetString());
        Assert.Equal("step-escalated", Items(head)[0].GetProperty("kind").GetString()); // newest first

        var kabid = await _driver.InboxAsync("kesbangpol-kabid");
        Assert.Empty(OfKind(kabid, "step-escalated"));
        Assert.Equal(1, Assert.Single(OfKind(kabid, "step-late")).GetProperty("escalationLevel").GetInt32());

        Assert.Empty(Items(await _driver.InboxAsync("bappeda-kepala")));
        Assert.Empty(Items(await _driver.InboxAsync("kesbangpol-kepala", TestWorld.OtherTenant)));
    }

    [Fact]
    public async Task CollectStep_SendsEachUnitsStaffItsOwnTask()
    {
        string runId = await _driver.StartRunAsync();
        await _driver.OpenUnitTasksAsync(runId);

        await _driver.DispatchAsync();

        foreach (var unit in TestWorld.Units)
        {
            var inbox = await _driver.InboxAsync($"kesbangpol-{unit.Id}");
            var item = Assert.Single(Items(inbox));
            Assert.Equal("unit-task-assigned", item.GetProperty("kind").GetString());
            Assert.Equal(unit.Id, item.GetProperty("unitId").GetString());
            Assert.Equal(CollectStep, item.GetProperty("stepId").GetString());
            Assert.StartsWith("Permintaan data kinerja Triwulan I 2026", item.GetProperty("message").GetString());
        }

        Assert.Empty(Items(await _driver.InboxAsync("bappeda-bid-ideologi"))); // same unit id, another OPD
        Assert.Single(OfKind(await _driver.InboxAsync("kesbangpol-analisis-data"), "task-assigned"));
    }

    [Fact]
    public async Task DispatchingAgain_AfterALostMark_OrTwice_WritesNoSecondEntry()
    {
        string runId = await _driver.StartRunAsync();
        await _driver.OpenUnitTasksAsync(runId);
        var first = await _driver.DispatchAsync();
        Assert.Equal(0, (await _driver.DispatchAsync()).Dispatched);

        // A dispatcher that died after writing the entries but before its mark (possible on stores without
        // multi-row transactions): every message is pending again.
        using (var connection = _factory.Services.GetRequiredService<SqliteDatabase>().Open())
        {
            using var reset = connection.CreateCommand();
            reset.CommandText = "UPDATE outbox SET dispatched_at = NULL";
            Assert.Equal(first.Dispatched, reset.ExecuteNonQuery());
        }

        var again = await _driver.DispatchAsync();

        Assert.Equal(first.Dispatched, again.Dispatched);
        Assert.Single(Items(await _driver.InboxAsync("kesbangpol-kabid")));
        Assert.Single(Items(await _driver.InboxAsync("kesbangpol-bid-politik")));
        Assert.Equal(0, (await _driver.DispatchAsync()).Dispatched);
    }

    [Fact]
    public async Task TwoDispatchersAtOnce_OnOneDatabase_DeliverEachMessageOnce()
    {
        string runId = await _driver.StartRunAsync();
        await _driver.OpenUnitTasksAsync(runId);
        await using var second = new ApiFactory(_factory.DatabasePath, _factory.Clock);
        _ = second.Server;

        var passes = new[] { _factory, second }
            .Select(f => f.Services.GetRequiredService<NotificationDispatcher>())
            .SelectMany(d => Enumerable.Range(0, 3).Select(_ => Task.Run(() => d.RunOnceAsync())));
        var results = await Task.WhenAll(passes);

        using (var connection = _factory.Services.GetRequiredService<SqliteDatabase>().Open())
        {
            Assert.Equal(Count(connection, "SELECT COUNT(*) FROM outbox"), results.Sum(r => r.Dispatched)); // leases: each claimed once
            Assert.Equal(0, Count(connection, "SELECT COUNT(*) FROM outbox WHERE dispatched_at IS NULL"));
            Assert.Equal(0, Count(connection, "SELECT COUNT(*) FROM (SELECT outbox_id, user_id FROM inbox GROUP BY outbox_id, user_id HAVING COUNT(*) > 1)"));
        }

        foreach (var unit in TestWorld.Units)
        {
            Assert.Single(Items(await _driver.InboxAsync($"kesbangpol-{unit.Id}")));
        }
    }

    [Fact]
    public async Task MarkRead_AndReadAll_UpdateTheUnreadCount_AndUnreadOnlyFilters()
    {
        await _driver.StartRunAsync();
        _factory.Clock.Advance(TimeSpan.FromDays(3));
        await _driver.SweepAsync();
        await _driver.DispatchAsync();
        var head = await _world.ClientAsync("kesbangpol-kepala");
        var before = await _driver.InboxAsync("kesbangpol-kepala");
        Assert.Equal(2, before.GetProperty("unreadCount").GetInt32());
        string id = Items(before)[0].GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.NoContent, (await head.PostAsync($"/api/me/inbox/{id}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await head.PostAsync($"/api/me/inbox/{id}/read", null)).StatusCode); // idempotent

        var after = await _driver.InboxAsync("kesbangpol-kepala");
        Assert.Equal(1, after.GetProperty("unreadCount").GetInt32());
        Assert.True(Items(after).Single(i => i.GetProperty("id").GetString() == id).GetProperty("read").GetBoolean());
        var unread = await _driver.InboxAsync("kesbangpol-kepala", query: "?unreadOnly=true");
        Assert.DoesNotContain(Items(unread), i => i.GetProperty("id").GetString() == id);
        Assert.Single(Items(unread));

        var all = await (await head.PostAsync("/api/me/inbox/read-all", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, all.GetProperty("marked").GetInt32());
        Assert.Equal(0, (await _driver.InboxAsync("kesbangpol-kepala")).GetProperty("unreadCount").GetInt32());
        Assert.Empty(Items(await _driver.InboxAsync("kesbangpol-kepala", query: "?unreadOnly=true")));
    }

    [Fact]
    public async Task UsersSeeOnlyTheirOwnEntries_AcrossUsersAndTenants()
    {
        await _driver.StartRunAsync();
        await _driver.StartRunAsync(TestWorld.OtherTenant);
        await _driver.DispatchAsync();
        var jenepontoKabid = await _driver.InboxAsync("kesbangpol-kabid");
        var bantulKabid = await _driver.InboxAsync("kesbangpol-kabid", TestWorld.OtherTenant);
        string jenepontoEntry = Assert.Single(Items(jenepontoKabid)).GetProperty("id").GetString()!;
        string bantulEntry = Assert.Single(Items(bantulKabid)).GetProperty("id").GetString()!;
        Assert.NotEqual(jenepontoEntry, bantulEntry);
        Assert.NotEqual(Items(jenepontoKabid)[0].GetProperty("runId").GetString(), Items(bantulKabid)[0].GetProperty("runId").GetString());

        // Same user id in another pemda, and another user of the same OPD: the entry is not theirs to read.
        var bantul = await _world.ClientAsync("kesbangpol-kabid", TestWorld.OtherTenant);
        await (await bantul.PostAsync($"/api/me/inbox/{jenepontoEntry}/read", null)).ProblemAsync(HttpStatusCode.NotFound);
        var colleague = await _world.ClientAsync("kesbangpol-kepala");
        await (await colleague.PostAsync($"/api/me/inbox/{jenepontoEntry}/read", null)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await colleague.PostAsync("/api/me/inbox/read-all", null)).JsonAsync(HttpStatusCode.OK)).GetProperty("marked").GetInt32());

        Assert.Equal(1, (await _driver.InboxAsync("kesbangpol-kabid")).GetProperty("unreadCount").GetInt32());
        Assert.Equal(1, (await _driver.InboxAsync("kesbangpol-kabid", TestWorld.OtherTenant)).GetProperty("unreadCount").GetInt32());
        Assert.Empty(Items(await _driver.InboxAsync("admin")));
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=201", "limit")]
    [InlineData("?unreadOnly=kadang", null)]
    public async Task Inbox_WithBadQuery_Is400(string query, string? field)
    {
        var kabid = await _world.ClientAsync("kesbangpol-kabid");
        var problem = await (await kabid.GetAsync("/api/me/inbox" + query)).ProblemAsync(HttpStatusCode.BadRequest);
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        }
    }

    [Fact]
    public async Task Inbox_WithoutToken_Is401_AndUnknownEntry_Is404()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient().GetAsync("/api/me/inbox")).StatusCode);
        var kabid = await _world.ClientAsync("kesbangpol-kabid");
        var problem = await (await kabid.PostAsync("/api/me/inbox/tidak-ada/read", null)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("tidak ditemukan", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task WithoutWebhookUrl_NoDeliveryIsQueued()
    {
        await _driver.StartRunAsync();
        var result = await _driver.DispatchAsync();

        Assert.Equal(0, result.WebhooksDelivered + result.WebhooksRetrying + result.WebhooksFailed);
        var admin = await _world.ClientAsync("admin");
        Assert.Equal(0, (await (await admin.GetAsync("/api/notifications/webhook-deliveries")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task BackgroundDispatcher_WhenEnabled_DeliversWithoutBeingCalled()
    {
        await using var factory = new ApiFactory(settings: new Dictionary<string, string?>
        {
            ["Sakip:Notifications:DispatchEnabled"] = "true",
            ["Sakip:Notifications:DispatchIntervalSeconds"] = "1",
        });
        var world = new TestWorld(factory);
        await world.SeedAsync();
        var driver = new NotificationDriver(factory, world);
        await driver.StartRunAsync();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Items(await driver.InboxAsync("kesbangpol-kabid")).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Single(Items(await driver.InboxAsync("kesbangpol-kabid")));
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheInboxAndWebhookRoutes()
    {
        var doc = await (await _factory.CreateClient().GetAsync("/api/openapi.json")).JsonAsync(HttpStatusCode.OK);
        var paths = doc.GetProperty("paths");

        foreach (var path in new[] { "/api/me/inbox", "/api/me/inbox/{id}/read", "/api/me/inbox/read-all", "/api/notifications/webhook-failures", "/api/notifications/webhook-deliveries" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }

    private static int Count(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

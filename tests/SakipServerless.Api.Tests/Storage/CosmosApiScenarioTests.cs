using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Notifications;
using SakipServerless.Api.Seeding;
using SakipServerless.Api.Tests.Files;
using SakipServerless.Api.Tests.Scenarios;
using SakipServerless.Api.Tests.Support;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Cosmos;
using SakipServerless.Storage.Azure.Files;
using SakipServerless.Storage.Contract.Emulators;

namespace SakipServerless.Api.Tests.Storage;

/// <summary>
/// The real API with <c>Sakip:Storage:Provider=cosmos</c> on cosmosdb-server and evidence in Azurite, through HTTP only:
/// one seed SOP run end to end (disposition, unit submissions with an evidence upload, a unit returned and resubmitted,
/// a unit escalated to level 2 by the sweep on the application clock, a review returned and approved), then the next
/// quarter's run escalated through the dev clock, the inbox after dispatch, the dashboard overview and the rekap export. The same play on SQLite must give the
/// same notifications, dashboard numbers and rekap: the Cosmos read models agree with the embedded store.
/// </summary>
public sealed class CosmosApiScenarioTests(CosmosDbServerFixture cosmos, AzuriteFixture azurite)
    : IClassFixture<CosmosDbServerFixture>, IClassFixture<AzuriteFixture>
{
    private static readonly Period Q1 = new(2026, 1);
    private static readonly Period Q2 = new(2026, 2);

    /// <summary>Monday 6 April 2026, 08:00 WITA: collection for Q1 starts.</summary>
    private static readonly DateTimeOffset Start = new(2026, 4, 6, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task SeedSop_OnCosmosAndBlob_RunsEndToEnd_AndReadsLikeSqlite()
    {
        await using var onCosmos = new ApiFactory(clock: new ManualClock(Start), settings: CosmosSettings());
        Assert.IsType<CosmosRunStore>(onCosmos.Services.GetRequiredService<IRunStore>());
        Assert.IsType<CosmosNotificationStore>(onCosmos.Services.GetRequiredService<INotificationStore>());
        Assert.IsType<CosmosDashboardRunReader>(onCosmos.Services.GetRequiredService<IDashboardRunReader>());
        Assert.IsType<BlobFileStore>(onCosmos.Services.GetRequiredService<IFileStore>());
        var cosmosPlay = await PlayAsync(onCosmos);

        await using var onSqlite = new ApiFactory(clock: new ManualClock(Start));
        var sqlitePlay = await PlayAsync(onSqlite);

        Assert.Equal(sqlitePlay.HeadInbox, cosmosPlay.HeadInbox);
        Assert.Equal(sqlitePlay.LateUnitInbox, cosmosPlay.LateUnitInbox);
        Assert.Equal(sqlitePlay.Overview, cosmosPlay.Overview);
        Assert.Equal(sqlitePlay.RekapCsv, cosmosPlay.RekapCsv);
    }

    /// <summary>What one play shows; compared between the two stores.</summary>
    private sealed record Observed(string HeadInbox, string LateUnitInbox, string Overview, string RekapCsv);

    private static async Task<Observed> PlayAsync(ApiFactory factory)
    {
        var world = await ScenarioWorld.ArrangeAsync(factory, SeedSopScenarioTests.Jeneponto, Q1.Year);
        var pdf = SampleFiles.Pdf(padding: 200_000);
        string? evidenceId = null;
        HttpRunDriver driver = null!;
        driver = new HttpRunDriver(world)
        {
            // The first unit attaches a large report to its first submission; the others the driver's small one.
            EvidenceFor = async unitId =>
            {
                if (evidenceId is not null || unitId != world.Units[0].Id)
                {
                    return null;
                }

                var staff = await world.ClientAsync(DemoUsers.StaffOf(unitId));
                var file = await (await EvidenceWorld.UploadAsync(staff, driver.RunId, pdf, "laporan-tw1.pdf", "application/pdf")).JsonAsync(HttpStatusCode.Created);
                evidenceId = file.GetProperty("id").GetString()!;
                return [evidenceId];
            },
        };
        await driver.StartAsync(Q1);
        var run = await driver.RunToCompletionAsync();
        Assert.Equal("completed", run.GetProperty("status").GetString());
        var events = run.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Contains("unit-task-returned", events);
        Assert.Contains("unit-task-escalated", events);
        Assert.Contains("step-returned", events); // the review sent the work back once
        Assert.NotNull(evidenceId);
        var unitA = await world.ClientAsync(DemoUsers.StaffOf(world.Units[0].Id));
        var download = await unitA.GetAsync($"/api/runs/{driver.RunId}/files/{evidenceId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(SHA256.HashData(pdf), SHA256.HashData(await download.Content.ReadAsByteArrayAsync()));

        // The next quarter's run, left alone: the dev clock moves the application's time and its sweep escalates it.
        var head = await world.ClientAsync(DemoUsers.Head);
        var q2 = await (await head.PostJsonAsync("/api/runs", new { opdId = world.Tenant.Opd.Id, period = Q2.Key })).JsonAsync(HttpStatusCode.Created);
        var moved = await (await head.PostJsonAsync("/api/dev/clock", new { hours = 2 })).JsonAsync(HttpStatusCode.OK);
        Assert.True(moved.GetProperty("escalations").GetInt32() >= 1);
        var q2Run = await (await head.GetAsync($"/api/runs/{q2.GetProperty("id").GetString()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(q2Run.GetProperty("steps").EnumerateArray(), s => s.TryGetProperty("escalationLevel", out var level) && level.GetInt32() >= 1);

        var dispatcher = factory.Services.GetRequiredService<NotificationDispatcher>();
        var dispatched = await dispatcher.RunOnceAsync();
        Assert.True(dispatched.Dispatched > 0);
        Assert.Equal(0, (await dispatcher.RunOnceAsync()).Dispatched); // nothing pending any more
        string headInbox = await InboxAsync(world, DemoUsers.Head);
        Assert.Contains("unit-task-escalated", headInbox);
        string lateUnitInbox = await InboxAsync(world, DemoUsers.StaffOf(world.Units[2].Id));
        Assert.Contains("unit-task-late", lateUnitInbox);

        var leader = await world.ClientAsync(DemoUsers.Pimpinan);
        var overview = await (await leader.GetAsync($"/api/dashboard/overview?period={Q1.Key}")).JsonAsync(HttpStatusCode.OK);
        var kpi = overview.GetProperty("kpi");
        Assert.Equal(1, kpi.GetProperty("runsTotal").GetInt32());
        Assert.Equal(1, kpi.GetProperty("runsCompleted").GetInt32());
        var rekap = await leader.GetAsync($"/api/dashboard/rekap.csv?year={Q1.Year}");
        Assert.Equal(HttpStatusCode.OK, rekap.StatusCode);
        string csv = await rekap.Content.ReadAsStringAsync();
        Assert.Contains(world.Tenant.Indicators[0].Name, csv);

        return new Observed(headInbox, lateUnitInbox, Comparable(overview), csv);
    }

    /// <summary>A user's inbox as (kind, message, read) lines, newest first: ids and times are the store's own.</summary>
    private static async Task<string> InboxAsync(ScenarioWorld world, string userId)
    {
        var inbox = await (await (await world.ClientAsync(userId)).GetAsync("/api/me/inbox?limit=200")).JsonAsync(HttpStatusCode.OK);
        return string.Join("\n", inbox.GetProperty("items").EnumerateArray()
            .Select(i => $"{i.GetProperty("kind").GetString()} | {i.GetProperty("message").GetString()} | {i.GetProperty("read").GetBoolean()}"))
            + $"\nunread {inbox.GetProperty("unreadCount").GetInt32()}";
    }

    /// <summary>The overview without the run ids in it (random per store).</summary>
    private static string Comparable(JsonElement overview)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(overview.GetRawText())!.AsObject();
        foreach (var row in node["heatmap"]!["rows"]!.AsArray())
        {
            row!.AsObject().Remove("runId");
        }

        foreach (var item in node["overdue"]!.AsArray())
        {
            item!.AsObject().Remove("runId");
        }

        return node.ToJsonString();
    }

    private Dictionary<string, string?> CosmosSettings() => AzureSettings.CosmosAndBlob(cosmos, azurite);
}

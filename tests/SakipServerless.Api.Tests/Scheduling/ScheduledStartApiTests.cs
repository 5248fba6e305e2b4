using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Scheduling;
using SakipServerless.Api.Tests.MasterData;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Scheduling;

/// <summary>
/// Scheduled starts through the real entry points: a template published with seed 000's "setiap tanggal 10 awal
/// Triwulan", the dev clock moved past the moment, and the runs read back over HTTP. The pemda is in WITA. The same
/// tests run on both engines: the starter goes through <c>IRunEngine.StartAsync</c> like <c>POST /api/runs</c>.
/// </summary>
public abstract class ScheduledStartApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset April10Opening = new(2026, 4, 10, 7, 30, 0, TimeSpan.FromHours(8));

    protected ApiFactory Factory { get; private set; } = null!;

    private TestWorld World { get; set; } = null!;

    /// <summary>A backend on <paramref name="databasePath"/> (a fresh one when null) and <paramref name="clock"/>, on the engine under test.</summary>
    protected abstract ApiFactory CreateFactory(string? databasePath = null, ManualClock? clock = null);

    public async Task InitializeAsync()
    {
        Factory = CreateFactory();
        World = new TestWorld(Factory);
        await World.SeedAsync();
    }

    public virtual async Task DisposeAsync() => await Factory.DisposeAsync();

    private async Task<JsonElement> PublishAsync(HttpClient admin, string? templateJson = null)
    {
        string json = templateJson ?? File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sop", TestWorld.TemplateId + ".json"));
        return await (await admin.PostAsync("/api/templates", new StringContent(json, Encoding.UTF8, "application/json"))).JsonAsync(HttpStatusCode.Created);
    }

    // Each call signs in anew: a session does not outlive days of dev-clock time.
    private async Task<JsonElement> AdvanceAsync(object by) =>
        await (await (await World.ClientAsync("admin")).PostAsJsonAsync("/api/dev/clock", by)).JsonAsync(HttpStatusCode.OK);

    private static string[] Started(JsonElement clock) => [.. clock.GetProperty("startedRuns").EnumerateArray().Select(r => r.GetString()!)];

    private async Task<JsonElement[]> RunsAsync(string period, string tenant = TestWorld.Tenant) =>
        [.. (await (await (await World.ClientAsync("admin", tenant)).GetAsync($"/api/runs?period={period}")).JsonAsync(HttpStatusCode.OK)).EnumerateArray()];

    [Fact]
    public async Task PublishedSchedule_IsReturned_WithItsNextStartOnThePemdasCalendar()
    {
        var admin = await World.ClientAsync("admin");

        var published = await PublishAsync(admin);
        var summary = (await (await admin.GetAsync("/api/templates")).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Single(t => t.GetProperty("id").GetString() == TestWorld.TemplateId);

        var schedule = published.GetProperty("schedule");
        Assert.Equal("triwulan", schedule.GetProperty("every").GetString());
        Assert.Equal(10, schedule.GetProperty("day").GetInt32());
        Assert.Equal("previous", schedule.GetProperty("serves").GetString());
        Assert.Equal(Factory.Clock.GetUtcNow(), published.GetProperty("publishedAt").GetDateTimeOffset());
        Assert.Equal(10, summary.GetProperty("schedule").GetProperty("day").GetInt32());
        Assert.Equal(April10Opening, summary.GetProperty("nextScheduledStart").GetDateTimeOffset());
        Assert.Equal("+08:00", summary.GetProperty("nextScheduledStart").GetString()![^6..]);
    }

    [Fact]
    public async Task DevClockPastTheTenth_StartsTheRunOfEveryOpdOnTheTemplate_AsTheScheduler()
    {
        var admin = await World.ClientAsync("admin");
        await PublishAsync(admin);

        var before = await AdvanceAsync(new { days = 3, hours = 22, minutes = 59 }); // Friday 10 April 07:29 WITA
        var after = await AdvanceAsync(new { minutes = 1 }); // 07:30, the office opens

        Assert.Empty(Started(before));
        var runs = await RunsAsync("2026-Q1");
        Assert.Equal(2, Started(after).Length);
        Assert.Equal([TestWorld.OtherOpd, TestWorld.Opd], runs.Select(r => r.GetProperty("opdId").GetString()).Order());
        Assert.Equal(Started(after).Order(), runs.Select(r => r.GetProperty("id").GetString()).Order());

        var head = await World.ClientAsync("kesbangpol-kepala");
        var run = await (await head.GetAsync($"/api/runs/{runs.Single(r => r.GetProperty("opdId").GetString() == TestWorld.Opd).GetProperty("id").GetString()}")).JsonAsync(HttpStatusCode.OK);
        var started = run.GetProperty("history")[0];
        Assert.Equal("run-started", started.GetProperty("type").GetString());
        Assert.Equal("scheduler", started.GetProperty("actorId").GetString());
        Assert.Contains("otomatis sesuai jadwal", started.GetProperty("detail").GetString());
        Assert.Contains("setiap tanggal 10 awal Triwulan", started.GetProperty("reason").GetString());
        Assert.Equal(2, run.GetProperty("templateVersion").GetInt32());
        // The durable engine's run time follows the host's from the start, so its due time may be a few ms later.
        Assert.InRange(run.Step("menugaskan-kasubag-kasubid").GetProperty("dueAt").GetDateTimeOffset(), April10Opening.AddMinutes(15), April10Opening.AddMinutes(15).AddSeconds(5));

        // The other pemda holds the same template, but never published it with the schedule: nothing started there.
        Assert.Empty(await RunsAsync("2026-Q1", TestWorld.OtherTenant));
    }

    [Fact]
    public async Task ParallelPassesOfTwoInstances_AndALaterPass_StartEachRunOnce()
    {
        var admin = await World.ClientAsync("admin");
        await PublishAsync(admin);
        Factory.Clock.SetTo(April10Opening.AddMinutes(30));
        await using var second = CreateFactory(Factory.DatabasePath, Factory.Clock); // a second process on the same database

        var passes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => PassAsync(i % 2 == 0 ? Factory : second)));
        var later = await AdvanceAsync(new { minutes = 1 });

        Assert.Equal(2, passes.Sum(p => p.Started.Count));
        Assert.All(passes, p => Assert.Equal(0, p.Failed));
        Assert.Equal(2, (await RunsAsync("2026-Q1")).Length);
        Assert.Empty(Started(later));
    }

    [Fact]
    public async Task ARunStartedByHandFirst_IsNotStartedAgain_ByTheSchedule()
    {
        var admin = await World.ClientAsync("admin");
        await PublishAsync(admin);
        var head = await World.ClientAsync("kesbangpol-kepala");
        string byHand = (await (await head.PostJsonAsync("/api/runs", new { opdId = TestWorld.Opd, period = "2026-Q1" })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

        var after = await AdvanceAsync(new { days = 4 });

        var runs = await RunsAsync("2026-Q1");
        Assert.Equal(2, runs.Length);
        Assert.Contains(runs, r => r.GetProperty("id").GetString() == byHand);
        Assert.Equal([runs.Single(r => r.GetProperty("opdId").GetString() == TestWorld.OtherOpd).GetProperty("id").GetString()!], Started(after));
    }

    [Fact]
    public async Task ALiburDaerahOnTheTenth_StartsOnTheNextWorkingDay_AndEarlierOccurrencesAreNotCaughtUp()
    {
        Factory.Clock.SetTo(new DateTimeOffset(2026, 7, 8, 8, 30, 0, TimeSpan.FromHours(8))); // Wednesday
        var admin = await World.ClientAsync("admin");
        await (await admin.PutJsonAsync("/api/tenants/current", new { name = "Kabupaten Jeneponto", timeZone = "Asia/Makassar", liburDaerah = new[] { "2026-07-10" } }))
            .JsonAsync(HttpStatusCode.OK);
        await PublishAsync(admin);

        var summary = (await (await admin.GetAsync("/api/templates")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Single(t => t.GetProperty("id").GetString() == TestWorld.TemplateId);
        var onTheHoliday = await AdvanceAsync(new { days = 2 }); // Friday 10 July, libur daerah
        var onMonday = await AdvanceAsync(new { days = 2, hours = 23 }); // Monday 13 July 07:30

        Assert.Equal(new DateTimeOffset(2026, 7, 13, 7, 30, 0, TimeSpan.FromHours(8)), summary.GetProperty("nextScheduledStart").GetDateTimeOffset());
        Assert.Empty(Started(onTheHoliday));
        Assert.Equal(2, Started(onMonday).Length);
        Assert.Equal(2, (await RunsAsync("2026-Q2")).Length);
        Assert.Empty(await RunsAsync("2026-Q1")); // April's occurrence came before the schedule was published
    }

    [Fact]
    public async Task TheSeed000Document_ImportsWithItsSchedule_AndPublishesWithIt()
    {
        var admin = await World.ClientAsync("admin");
        string seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sop", "seeds", "000_f86be33a7e42c90b.txt"));

        var draft = JsonNode.Parse(await (await admin.PostAsync("/api/templates/import?fileName=000_f86be33a7e42c90b.txt", new StringContent(seed))).Content.ReadAsStringAsync())!.AsObject();
        // What a reviewer does before publishing: the zone the document does not name, the warnings checked and removed.
        draft["agency"]!["timeZone"] = "Asia/Makassar";
        draft.Remove("importWarnings");
        var published = await PublishAsync(admin, draft.ToJsonString());

        Assert.Equal("setiap tanggal 10 awal Triwulan", draft["schedule"]!["source"]!.GetValue<string>());
        Assert.Equal(10, published.GetProperty("schedule").GetProperty("day").GetInt32());
        Assert.Equal("triwulan", published.GetProperty("schedule").GetProperty("every").GetString());
    }

    [Theory]
    [InlineData("{\"every\":\"triwulan\",\"day\":31}", HttpStatusCode.BadRequest, "schedule.day")]
    [InlineData("{\"every\":\"triwulan\",\"day\":10,\"time\":\"7.30\"}", HttpStatusCode.BadRequest, "schedule.time")]
    [InlineData("{\"every\":\"bulanan\",\"day\":10}", HttpStatusCode.BadRequest, "schedule.every")]
    public async Task AnUnreadableSchedule_IsRefusedInIndonesian_NamingTheField(string schedule, HttpStatusCode status, string field)
    {
        var admin = await World.ClientAsync("admin");
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sop", TestWorld.TemplateId + ".json")))!.AsObject();
        template["schedule"] = JsonNode.Parse(schedule);

        var problem = await (await admin.PostAsync("/api/templates", new StringContent(template.ToJsonString(), Encoding.UTF8, "application/json"))).ProblemAsync(status);

        Assert.Contains(field, problem.ToString(), StringComparison.Ordinal);
        Assert.Matches("(tidak sah|tidak dapat dibaca)", problem.ToString());
    }

    private static async Task<ScheduledStartsResult> PassAsync(ApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        return await scope.ServiceProvider.GetRequiredService<ScheduledRunStarter>().StartDueAsync(clock.GetUtcNow());
    }
}

public sealed class EmbeddedEngineScheduledStartTests : ScheduledStartApiTests
{
    protected override ApiFactory CreateFactory(string? databasePath = null, ManualClock? clock = null) => new(databasePath, clock);
}

public sealed class DurableEngineScheduledStartTests : ScheduledStartApiTests
{
    private readonly InProcessDurableEngine _engine = new();

    // A second instance shares the first one's task hub, as two Function App instances do.
    protected override ApiFactory CreateFactory(string? databasePath = null, ManualClock? clock = null) =>
        new(databasePath, clock, InProcessDurableEngine.Settings(), _engine.Register);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _engine.DisposeAsync();
    }
}

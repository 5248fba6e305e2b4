using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Seeding;
using SakipServerless.Api.Tests.Support;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Tests.Seeding;

/// <summary>The demo seed, as a newcomer meets it: started with <c>Sakip:Development:SeedDemoData</c> on an empty database.</summary>
public sealed class DemoSeedingTests : IAsyncLifetime
{
    private static readonly string[] Tenants = ["jeneponto", "balangan", "bantul", "kutai-kartanegara", "banggai"];

    // Monday 6 April 2026, 08:30 WITA: the current quarter is Q2, the previous one Q1.
    private readonly ApiFactory _factory = Seeded(new ManualClock(new DateTimeOffset(2026, 4, 6, 0, 30, 0, TimeSpan.Zero)));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task FirstStart_SeedsFivePemda_EachWithACompletedRunAndOneOfTheCurrentQuarter()
    {
        var world = new TestWorld(_factory);
        foreach (var tenant in Tenants)
        {
            var admin = await world.ClientAsync(DemoUsers.Admin, tenant);
            var runs = (await (await admin.GetAsync("/api/runs")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
            Assert.Equal(["2026-Q1", "2026-Q2"], runs.Select(r => r.GetProperty("period").GetString()).Order());
            Assert.Equal("completed", runs.Single(r => r.GetProperty("period").GetString() == "2026-Q1").GetProperty("status").GetString());
            Assert.Equal("running", runs.Single(r => r.GetProperty("period").GetString() == "2026-Q2").GetProperty("status").GetString());
        }

        // The most recent completed run with a review went through a return loop.
        var jeneponto = await RunAsync(world, "jeneponto", "2026-Q1");
        Assert.Contains(jeneponto.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "step-returned");
        Assert.Contains(jeneponto.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "unit-task-returned");
    }

    [Fact]
    public async Task CurrentQuarter_ShowsReturnedEscalatedLateOnTimeAndReturnedUnitRuns()
    {
        var world = new TestWorld(_factory);

        var returned = await RunAsync(world, "jeneponto", "2026-Q2");
        var rework = ActiveStep(returned);
        Assert.False(returned.GetProperty("isLate").GetBoolean());
        Assert.True(rework.GetProperty("returnCount").GetInt32() > 0);
        Assert.False(string.IsNullOrWhiteSpace(rework.GetProperty("lastReturnReason").GetString()));

        var escalated = await RunAsync(world, "balangan", "2026-Q2");
        var held = ActiveStep(escalated).GetProperty("unitTasks").EnumerateArray().Single(u => u.GetProperty("status").GetString() == "open");
        Assert.Equal(2, held.GetProperty("escalationLevel").GetInt32());
        Assert.Contains(escalated.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "unit-task-escalated");

        var late = await RunAsync(world, "bantul", "2026-Q2");
        Assert.True(late.GetProperty("isLate").GetBoolean());
        Assert.Equal(1, ActiveStep(late).GetProperty("escalationLevel").GetInt32());

        var onTime = await RunAsync(world, "kutai-kartanegara", "2026-Q2");
        Assert.False(onTime.GetProperty("isLate").GetBoolean());
        var statuses = ActiveStep(onTime).GetProperty("unitTasks").EnumerateArray().Select(u => u.GetProperty("status").GetString()).ToList();
        Assert.Contains("accepted", statuses);
        Assert.Contains("open", statuses);

        var returnedUnit = await RunAsync(world, "banggai", "2026-Q2");
        Assert.False(returnedUnit.GetProperty("isLate").GetBoolean());
        var back = ActiveStep(returnedUnit).GetProperty("unitTasks").EnumerateArray().Single(u => u.GetProperty("status").GetString() == "returned");
        Assert.False(string.IsNullOrWhiteSpace(back.GetProperty("lastReturnReason").GetString()));

        // Leadership sees what is late across its pemda: the late and the escalated run, nothing on time.
        foreach (var (tenant, isLate) in new[] { ("bantul", true), ("balangan", true), ("kutai-kartanegara", false), ("banggai", false), ("jeneponto", false) })
        {
            var sekda = await world.ClientAsync(DemoUsers.Pimpinan, tenant);
            var lateRuns = (await (await sekda.GetAsync("/api/runs?late=true")).JsonAsync(HttpStatusCode.OK)).GetArrayLength();
            Assert.Equal(isLate ? 1 : 0, lateRuns);
        }
    }

    [Fact]
    public async Task DemoUsers_SignIn_AndSeeTheirWork()
    {
        var world = new TestWorld(_factory);

        // The unit that never sent its data sees its task, escalated to level 2.
        var held = await world.ClientAsync(DemoUsers.StaffOf("bidang-infrastruktur"), "balangan");
        var task = Assert.Single((await (await held.GetAsync("/api/me/tasks")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal("unit-submit", task.GetProperty("type").GetString());
        Assert.Equal(2, task.GetProperty("escalationLevel").GetInt32());

        // The head of a kecamatan also plays the SOP's Camat role; the returned desa sees the reason.
        var camat = await (await (await world.ClientAsync(DemoUsers.Head, "banggai")).GetAsync("/api/me")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["camat", "kepala-opd"], camat.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());
        var desa = await world.ClientAsync(DemoUsers.StaffOf("desa-maasing"), "banggai");
        var redo = Assert.Single((await (await desa.GetAsync("/api/me/tasks")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.False(string.IsNullOrWhiteSpace(redo.GetProperty("returnReason").GetString()));

        // The kabid of the returned review has the rework step among its tasks.
        var kasubid = await world.ClientAsync("kasubid-kasubag", "jeneponto");
        Assert.Contains((await (await kasubid.GetAsync("/api/me/tasks")).JsonAsync(HttpStatusCode.OK)).EnumerateArray(),
            t => t.GetProperty("stepId").GetString() == "membuat-laporan-data-kinerja" && t.GetProperty("returnReason").GetString() is { Length: > 0 });
    }

    [Fact]
    public async Task SeededRealisasi_BelongToIndicatorsWithTargets_OfTheRunsOpdAndYear()
    {
        var world = new TestWorld(_factory);
        var documents = _factory.Services.GetRequiredService<IDocumentStore>();
        int checkedEntries = 0;
        foreach (var tenant in Tenants)
        {
            var indicators = (await documents.ListAsync<IndicatorRecord>(tenant, DocumentKinds.Indicator)).ToDictionary(i => i.Id);
            foreach (var period in new[] { "2026-Q1", "2026-Q2" })
            {
                var run = await RunAsync(world, tenant, period);
                int quarter = period[^1] - '0';
                var entries = run.GetProperty("steps").EnumerateArray()
                    .SelectMany(s => s.GetProperty("unitTasks").EnumerateArray())
                    .Where(u => u.GetProperty("status").GetString() == "accepted")
                    .SelectMany(u => u.GetProperty("submission").GetProperty("realisasi").EnumerateArray())
                    .ToList();
                Assert.NotEmpty(entries);
                foreach (var entry in entries)
                {
                    var indicator = indicators[entry.GetProperty("indicatorId").GetString()!];
                    Assert.Equal(run.GetProperty("opdId").GetString(), indicator.OpdId);
                    Assert.Equal(2026, indicator.Year);
                    Assert.NotNull(indicator.Targets[quarter]);
                    Assert.Null(indicator.ToIndicator().ValidateRealisasi(entry.GetProperty("value").GetDecimal()));
                    checkedEntries++;
                }
            }
        }

        Assert.True(checkedEntries > 50, $"only {checkedEntries} realisasi seeded");
    }

    [Fact]
    public async Task SecondStart_WithDataPresent_SeedsNothing_AndKeepsChangesMadeSince()
    {
        // Someone renamed a demo user after the first start; a second seed would write the demo name back.
        var documents = _factory.Services.GetRequiredService<IDocumentStore>();
        var kabid = (await documents.GetAsync<AppUser>("jeneponto", DocumentKinds.User, "kabid"))!;
        await documents.PutAsync("jeneponto", DocumentKinds.User, "kabid", kabid with { Name = "Andi Makkawaru" });
        var before = await SnapshotAsync(_factory);
        await _factory.DisposeAsync();

        // A day later, so a second seed would also plan different runs.
        var later = new ManualClock(_factory.Clock.GetUtcNow().AddDays(1));
        await using var restarted = Seeded(later, _factory.DatabasePath);

        Assert.Equal(before, await SnapshotAsync(restarted));
        var me = await (await (await new TestWorld(restarted).ClientAsync("kabid", "jeneponto")).GetAsync("/api/me")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Andi Makkawaru", me.GetProperty("name").GetString());
    }

    [Fact]
    public async Task FirstQuarter_SeedsLastYearsQ4_WithItsYearEndSteps_AndTargetsForBothYears()
    {
        // Friday 15 January 2027, 10:00 WITA: the previous quarter is 2026-Q4.
        await using var factory = Seeded(new ManualClock(new DateTimeOffset(2027, 1, 15, 2, 0, 0, TimeSpan.Zero)));
        var world = new TestWorld(factory);
        var balangan = await RunAsync(world, "balangan", "2026-Q4");
        Assert.Equal("completed", balangan.GetProperty("status").GetString());
        Assert.Equal("done", balangan.Step("menyusun-laporan-tahunan").GetProperty("status").GetString());
        Assert.Equal("running", (await RunAsync(world, "balangan", "2027-Q1")).GetProperty("status").GetString());

        var years = (await factory.Services.GetRequiredService<IDocumentStore>().ListAsync<IndicatorRecord>("balangan", DocumentKinds.Indicator))
            .Select(i => i.Year).Distinct().Order();
        Assert.Equal([2026, 2027], years);
    }

    [Fact]
    public void Banner_ListsTheUrls_EveryUser_AndACurlToSignIn()
    {
        var users = new List<AppUser>
        {
            new() { Id = "kabid", TenantId = "jeneponto", Name = "Kabid", Roles = ["kabid"], OpdId = "kesbangpol" },
            new() { Id = DemoUsers.Head, TenantId = "jeneponto", Name = "Kepala", Roles = ["kepala-opd"], OpdId = "kesbangpol" },
            new() { Id = "staf-bidang-politik", TenantId = "jeneponto", Name = "Staf", OpdId = "kesbangpol", UnitId = "bidang-politik" },
        };

        string text = DemoBanner.Format("http://localhost:7071/", users, devSignIn: true);

        Assert.Contains("http://localhost:7071/api/health", text);
        Assert.Contains("http://localhost:7071/api/openapi.json", text);
        Assert.Contains("staf unit bidang-politik", text);
        Assert.True(text.IndexOf(" kepala ", StringComparison.Ordinal) < text.IndexOf(" kabid ", StringComparison.Ordinal), "the head of the OPD comes first");
        Assert.Contains("""curl -s -X POST http://localhost:7071/api/dev/token -H 'Content-Type: application/json' -d '{"tenantId":"jeneponto","userId":"kepala"}'""", text);
        Assert.DoesNotContain("curl", DemoBanner.Format("http://localhost:7071", users, devSignIn: false));
    }

    [Fact]
    public void DemoData_WithAnUnknownReportingUnit_IsRejectedWhenLoaded()
    {
        string json = File.ReadAllText(DemoData.DefaultPath).Replace("\"reportedBy\": [\"bidang-politik\"]", "\"reportedBy\": [\"bidang-tidak-ada\"]", StringComparison.Ordinal);
        string path = Path.Combine(Path.GetTempPath(), $"demo-data-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => DemoData.Load(path));
            Assert.Contains("bidang-tidak-ada", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ApiFactory Seeded(ManualClock clock, string? databasePath = null) =>
        new(databasePath, clock, new Dictionary<string, string?> { ["Sakip:Development:SeedDemoData"] = "true" });

    private static async Task<JsonElement> RunAsync(TestWorld world, string tenant, string period)
    {
        var admin = await world.ClientAsync(DemoUsers.Admin, tenant);
        var summary = (await (await admin.GetAsync($"/api/runs?period={period}")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Single();
        return await (await admin.GetAsync($"/api/runs/{summary.GetProperty("id").GetString()}")).JsonAsync(HttpStatusCode.OK);
    }

    private static JsonElement ActiveStep(JsonElement run) =>
        run.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("status").GetString() == "active");

    /// <summary>Every run (id, version) and user of every demo pemda, as the API lists them.</summary>
    private static async Task<string> SnapshotAsync(ApiFactory factory)
    {
        var world = new TestWorld(factory);
        var documents = factory.Services.GetRequiredService<IDocumentStore>();
        var lines = new List<string> { string.Join(",", (await documents.ListTenantIdsAsync()).Order()) };
        foreach (var tenant in Tenants)
        {
            var admin = await world.ClientAsync(DemoUsers.Admin, tenant);
            foreach (var run in (await (await admin.GetAsync("/api/runs")).JsonAsync(HttpStatusCode.OK)).EnumerateArray())
            {
                var full = await (await admin.GetAsync($"/api/runs/{run.GetProperty("id").GetString()}")).JsonAsync(HttpStatusCode.OK);
                lines.Add($"{tenant} {full.GetProperty("id").GetString()} v{full.GetProperty("version").GetInt32()} {full.GetProperty("startedAt").GetDateTimeOffset():O}");
            }

            lines.AddRange((await documents.ListAsync<AppUser>(tenant, DocumentKinds.User)).Select(u => $"{tenant} user {u.Id}").Order());
            lines.AddRange((await documents.ListAsync<IndicatorRecord>(tenant, DocumentKinds.Indicator)).Select(i => $"{tenant} indicator {i.Id}").Order());
        }

        return string.Join("\n", lines);
    }
}

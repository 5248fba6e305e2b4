using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Sweep;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Dashboard;

/// <summary>
/// Two OPDs in triwulan I 2026, driven over HTTP from Monday 6 April 08:30 WITA: Kesbangpol opens its collect step and
/// two of three units send data at once; Bappeda stops after step 1. The clock moves to Tuesday 10:30 and the sweep runs:
/// Bappeda's step 2 (due Monday 08:45) is escalated to level 2, Kesbangpol's third unit (due Tuesday 08:30) is late at level 1.
/// </summary>
public sealed class OverviewTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Tuesday1030 = new(2026, 4, 7, 10, 30, 0, TimeSpan.FromHours(8));

    private readonly ApiFactory _factory = new();
    private TestWorld _world = null!;
    private RunDriver _drive = null!;
    private string _kesbangpolRun = "";
    private string _bappedaRun = "";

    public async Task InitializeAsync()
    {
        _world = new TestWorld(_factory);
        await _world.SeedAsync();
        _drive = new RunDriver(_world);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task ArrangeLateAndEscalatedAsync()
    {
        _kesbangpolRun = await _drive.StartAsync(TestWorld.Opd, "2026-Q1");
        _bappedaRun = await _drive.StartAsync(TestWorld.OtherOpd, "2026-Q1");

        await _drive.OpenCollectAsync(TestWorld.Opd, _kesbangpolRun);
        await _drive.SubmitAndAcceptAsync(TestWorld.Opd, _kesbangpolRun, "bid-ideologi", ("iku-1", 60), ("iku-2", 1));
        await _drive.SubmitAndAcceptAsync(TestWorld.Opd, _kesbangpolRun, "bid-ketahanan", ("iku-1", 70), ("iku-2", 0));
        await _drive.CompleteAsync(TestWorld.OtherOpd, _bappedaRun, RunDriver.Step1, "kabid", "Indikator Sasaran", "Disposisi");

        _factory.Clock.SetTo(Tuesday1030);
        _drive.SignInAgain();
        Assert.Equal(3, await _factory.Services.GetRequiredService<DeadlineSweep>().RunOnceAsync());
    }

    [Fact]
    public async Task Overdue_RanksWhatIsLateNow_ByLateness_WithHolderDueTimeAndEscalationLevel()
    {
        await ArrangeLateAndEscalatedAsync();

        var overdue = await _drive.GetAsync("/api/dashboard/overdue");

        Assert.Equal(2, overdue.GetArrayLength());
        var first = overdue[0];
        Assert.Equal(_bappedaRun, first.GetProperty("runId").GetString());
        Assert.Equal("bappeda", first.GetProperty("opdId").GetString());
        Assert.Equal("2026-Q1", first.GetProperty("period").GetString());
        Assert.Equal(RunDriver.Step2, first.GetProperty("stepId").GetString());
        Assert.Equal(2, first.GetProperty("stepNo").GetInt32());
        Assert.Equal("step", first.GetProperty("holder").GetString());
        Assert.Equal("kasubid-kasubag", first.GetProperty("assigneeRole").GetString());
        Assert.Equal("Kasubid/ Kasubag", first.GetProperty("assigneeTitle").GetString());
        Assert.Equal(new DateTimeOffset(2026, 4, 6, 8, 45, 0, TimeSpan.FromHours(8)), first.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(25 * 60 + 45, first.GetProperty("lateMinutes").GetInt64());
        Assert.Equal("1 hari 1 jam 45 menit", first.GetProperty("lateLabel").GetString());
        Assert.Equal(2, first.GetProperty("escalationLevel").GetInt32());

        var second = overdue[1];
        Assert.Equal(_kesbangpolRun, second.GetProperty("runId").GetString());
        Assert.Equal(RunDriver.Collect, second.GetProperty("stepId").GetString());
        Assert.Equal("unit", second.GetProperty("holder").GetString());
        Assert.Equal("bid-politik", second.GetProperty("unitId").GetString());
        Assert.False(second.TryGetProperty("assigneeRole", out _));
        Assert.Equal(new DateTimeOffset(2026, 4, 7, 8, 30, 0, TimeSpan.FromHours(8)), second.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(120, second.GetProperty("lateMinutes").GetInt64());
        Assert.Equal("2 jam", second.GetProperty("lateLabel").GetString());
        Assert.Equal(1, second.GetProperty("escalationLevel").GetInt32());

        // A chosen period or OPD narrows the list.
        Assert.Equal(0, (await _drive.GetAsync("/api/dashboard/overdue?period=2026-Q2")).GetArrayLength());
        Assert.Equal(_bappedaRun, Assert.Single((await _drive.GetAsync("/api/dashboard/overdue?year=2026&opdId=bappeda")).EnumerateArray()).GetProperty("runId").GetString());

        // The overview carries the same ranked list for the period.
        var overview = await _drive.GetAsync("/api/dashboard/overview?year=2026&period=2026-Q1");
        Assert.Equal([_bappedaRun, _kesbangpolRun], overview.GetProperty("overdue").EnumerateArray().Select(i => i.GetProperty("runId").GetString()));
    }

    [Fact]
    public async Task Overview_WhileLate_CountsStepsPerOpd_AndColoursTheHeatmap()
    {
        await ArrangeLateAndEscalatedAsync();

        var overview = await _drive.GetAsync("/api/dashboard/overview?year=2026&period=2026-Q1");

        var kpi = overview.GetProperty("kpi");
        Assert.Equal(2, kpi.GetProperty("runsTotal").GetInt32());
        Assert.Equal(0, kpi.GetProperty("runsCompleted").GetInt32());
        Assert.Equal(3, kpi.GetProperty("stepsCompleted").GetInt32());
        Assert.Equal(100m, kpi.GetProperty("onTimeRate").GetDecimal());
        Assert.Equal(2, kpi.GetProperty("stepsLateNow").GetInt32());
        Assert.Equal(1, kpi.GetProperty("escalatedNow").GetInt32());

        var completion = ByOpd(overview.GetProperty("completion"));
        AssertCounts(completion["kesbangpol"], done: 2, active: 0, late: 1, escalated: 0, pending: 3);
        AssertCounts(completion["bappeda"], done: 1, active: 0, late: 0, escalated: 1, pending: 4);

        var heatmap = overview.GetProperty("heatmap");
        Assert.Equal([1, 2, 3, 4, 5, 6], heatmap.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("no").GetInt32()));
        var rows = ByOpd(heatmap.GetProperty("rows"));
        Assert.Equal(_kesbangpolRun, rows["kesbangpol"].GetProperty("runId").GetString());
        Assert.Equal(["done", "done", "late", "pending", "pending", "pending"], States(rows["kesbangpol"]));
        Assert.Equal(["done", "escalated", "pending", "pending", "pending", "pending"], States(rows["bappeda"]));
    }

    [Fact]
    public async Task Overview_AfterTheRunCompletes_GivesOnTimeRate_CapaianWithPredicate_AndOpdsWithoutData()
    {
        await ArrangeLateAndEscalatedAsync();
        // The third unit sends late; the collect step therefore closes late. Steps 4–6 follow on time.
        await _drive.SubmitAndAcceptAsync(TestWorld.Opd, _kesbangpolRun, "bid-politik", ("iku-1", 80), ("iku-2", 0));
        await _drive.FinishAsync(TestWorld.Opd, _kesbangpolRun);

        var overview = await _drive.GetAsync("/api/dashboard/overview?year=2026&period=2026-Q1");

        Assert.Equal("2026-Q1", overview.GetProperty("period").GetProperty("key").GetString());
        Assert.Equal("Triwulan I 2026", overview.GetProperty("period").GetProperty("label").GetString());
        var kpi = overview.GetProperty("kpi");
        Assert.Equal(2, kpi.GetProperty("runsTotal").GetInt32());
        Assert.Equal(1, kpi.GetProperty("runsCompleted").GetInt32());
        Assert.Equal(7, kpi.GetProperty("stepsCompleted").GetInt32());      // 6 of Kesbangpol, 1 of Bappeda
        Assert.Equal(6, kpi.GetProperty("stepsCompletedOnTime").GetInt32()); // the collect step closed late
        Assert.Equal(85.71m, kpi.GetProperty("onTimeRate").GetDecimal());
        Assert.Equal(1, kpi.GetProperty("stepsLateNow").GetInt32());
        Assert.Equal(1, kpi.GetProperty("escalatedNow").GetInt32());
        Assert.Equal(1, kpi.GetProperty("opdsWithoutData").GetInt32());
        Assert.Equal(["bappeda"], kpi.GetProperty("opdsWithoutDataIds").EnumerateArray().Select(e => e.GetString()));

        // iku-1 (%): the mean of 60, 70, 80 = 70 against target 80 → 87,5 (Tinggi).
        // iku-2 (kejadian, negative): the sum 1 + 0 + 0 = 1 against target 1 → (2·1 − 1)/1 = 100 (Sangat Tinggi).
        var average = kpi.GetProperty("averageCapaian");
        Assert.Equal(93.75m, average.GetProperty("capaian").GetProperty("value").GetDecimal());
        Assert.Equal("Sangat Tinggi", average.GetProperty("capaian").GetProperty("predicate").GetString());
        Assert.Equal("#1B5E20", average.GetProperty("capaian").GetProperty("color").GetString());
        Assert.Equal(2, average.GetProperty("indicatorsIncluded").GetInt32());
        Assert.Equal(2, average.GetProperty("indicatorsExcluded").GetInt32()); // Bappeda's two, without realisasi

        var byOpd = ByOpd(overview.GetProperty("capaianByOpd"));
        Assert.Equal(93.75m, byOpd["kesbangpol"].GetProperty("capaian").GetProperty("capaian").GetProperty("value").GetDecimal());
        var bappeda = byOpd["bappeda"].GetProperty("capaian").GetProperty("capaian");
        Assert.False(bappeda.TryGetProperty("value", out _));
        Assert.Equal("Tidak ada indikator yang capaiannya dapat dihitung", bappeda.GetProperty("reason").GetString());

        var sasaran = overview.GetProperty("capaianBySasaran").EnumerateArray().Single(s => s.GetProperty("opdId").GetString() == "kesbangpol");
        Assert.Equal("Meningkatnya toleransi dan kerukunan", sasaran.GetProperty("sasaran").GetString());
        Assert.Equal(93.75m, sasaran.GetProperty("capaian").GetProperty("capaian").GetProperty("value").GetDecimal());

        var trend = overview.GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal(["Triwulan I 2026", "Triwulan II 2026", "Triwulan III 2026", "Triwulan IV 2026"], trend.Select(t => t.GetProperty("label").GetString()));
        Assert.Equal(93.75m, trend[0].GetProperty("capaian").GetProperty("capaian").GetProperty("value").GetDecimal());
        Assert.False(trend[1].GetProperty("capaian").GetProperty("capaian").TryGetProperty("value", out _));

        AssertCounts(ByOpd(overview.GetProperty("completion"))["kesbangpol"], done: 6, active: 0, late: 0, escalated: 0, pending: 0);
        Assert.Equal(5, overview.GetProperty("bands").GetArrayLength());
        Assert.Equal(_bappedaRun, Assert.Single(overview.GetProperty("overdue").EnumerateArray()).GetProperty("runId").GetString());
    }

    [Fact]
    public async Task OpdStaff_SeeOnlyTheirOpd_AndAreRefusedAnother_OtherTenantSeesNothing()
    {
        await ArrangeLateAndEscalatedAsync();

        var own = await _drive.GetAsync("/api/dashboard/overview?period=2026-Q1", "kesbangpol-kabid");
        Assert.Equal(1, own.GetProperty("kpi").GetProperty("runsTotal").GetInt32());
        Assert.Equal(["kesbangpol"], own.GetProperty("completion").EnumerateArray().Select(c => c.GetProperty("opdId").GetString()));
        var ownOverdue = await _drive.GetAsync("/api/dashboard/overdue", "kesbangpol-bid-politik");
        Assert.Equal("bid-politik", Assert.Single(ownOverdue.EnumerateArray()).GetProperty("unitId").GetString());

        var staff = await _drive.As("kesbangpol-kabid");
        var refused = await (await staff.GetAsync("/api/dashboard/overview?period=2026-Q1&opdId=bappeda")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("forbidden", refused.GetProperty("code").GetString());
        await (await staff.GetAsync("/api/dashboard/overdue?opdId=bappeda")).ProblemAsync(HttpStatusCode.Forbidden);

        var otherTenant = await _drive.GetAsync("/api/dashboard/overview?period=2026-Q1", "sekda", TestWorld.OtherTenant);
        Assert.Equal(0, otherTenant.GetProperty("kpi").GetProperty("runsTotal").GetInt32());
        Assert.Equal(0, otherTenant.GetProperty("overdue").GetArrayLength());
        Assert.Equal(0, (await _drive.GetAsync("/api/dashboard/overdue?opdId=kesbangpol", "sekda", TestWorld.OtherTenant)).GetArrayLength());
    }

    private static Dictionary<string, JsonElement> ByOpd(JsonElement list) =>
        list.EnumerateArray().ToDictionary(e => e.GetProperty("opdId").GetString()!);

    private static IEnumerable<string?> States(JsonElement row) =>
        row.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("state").GetString());

    private static void AssertCounts(JsonElement row, int done, int active, int late, int escalated, int pending)
    {
        Assert.Equal(
            (done, active, late, escalated, pending),
            (row.GetProperty("done").GetInt32(), row.GetProperty("active").GetInt32(), row.GetProperty("late").GetInt32(),
                row.GetProperty("escalated").GetInt32(), row.GetProperty("pending").GetInt32()));
    }
}

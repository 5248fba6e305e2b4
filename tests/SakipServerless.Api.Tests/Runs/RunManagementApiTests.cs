using System.Net;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Runs;

/// <summary>
/// Running a run through the API: concurrent unit submissions, the indicators' rules, the head's management actions,
/// lateness and task lists. The same tests on both engines (subclasses below); what only the manual clock can show is
/// embedded only.
/// </summary>
public abstract class RunManagementApiTests(RunEngineKind engine) : SeededApiTest(engine)
{
    private async Task<(HttpClient Head, string RunId)> StartAsync()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");
        var run = await (await head.PostJsonAsync("/api/runs", new { opdId = TestWorld.Opd, period = "2026-Q1" })).JsonAsync(HttpStatusCode.Created);
        return (head, run.GetProperty("id").GetString()!);
    }

    /// <summary>Drives the jeneponto template to its collect step (step 3), where every unit submits.</summary>
    private async Task<string> ToCollectStepAsync()
    {
        var (_, id) = await StartAsync();
        var kabid = await World.ClientAsync("kesbangpol-kabid");
        await (await kabid.PostJsonAsync($"/api/runs/{id}/steps/menugaskan-kasubag-kasubid/complete", new { output = "Disposisi", kelengkapan = new[] { "Indikator Sasaran" } })).JsonAsync(HttpStatusCode.OK);
        var kasubag = await World.ClientAsync("kesbangpol-kasubid-kasubag");
        await (await kasubag.PostJsonAsync($"/api/runs/{id}/steps/memerintahkan-analis/complete", new { output = "Disposisi", kelengkapan = new[] { "Disposisi" } })).JsonAsync(HttpStatusCode.OK);
        return id;
    }

    [Fact]
    public async Task UnitsSubmittingAtTheSameMoment_AllSucceed_WithoutLostUpdates()
    {
        string id = await ToCollectStepAsync();
        var clients = new List<(string Unit, HttpClient Client, string Report)>();
        foreach (var unit in TestWorld.Units)
        {
            var client = await World.ClientAsync($"kesbangpol-{unit.Id}");
            clients.Add((unit.Id, client, await client.UploadEvidenceAsync(id, $"laporan-{unit.Id}.pdf")));
        }

        var responses = await Task.WhenAll(clients.Select(c => c.Client.PostJsonAsync(
            $"/api/runs/{id}/steps/menyerahkan-bahan-laporan/units/{c.Unit}/submit",
            new { realisasi = new[] { new { indicatorId = "kesbangpol-iku-1", value = 91.5m } }, evidenceFileIds = new[] { c.Report }, note = "catatan " + c.Unit })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var analis = await World.ClientAsync("kesbangpol-analisis-data");
        var run = await (await analis.GetAsync($"/api/runs/{id}")).JsonAsync(HttpStatusCode.OK);
        var tasks = run.Step("menyerahkan-bahan-laporan").GetProperty("unitTasks").EnumerateArray().ToList();
        Assert.All(tasks, t => Assert.Equal("submitted", t.GetProperty("status").GetString()));
        Assert.Equal(3, run.GetProperty("history").EnumerateArray().Count(e => e.GetProperty("type").GetString() == "unit-task-submitted"));
    }

    [Theory]
    [InlineData("""{"realisasi":[{"indicatorId":"kesbangpol-iku-1","value":150}]}""", "realisasi[0].value")]
    [InlineData("""{"realisasi":[{"indicatorId":"kesbangpol-iku-2","value":1.5}]}""", "realisasi[0].value")]
    [InlineData("""{"realisasi":[{"indicatorId":"tidak-ada","value":1}]}""", "realisasi[0].indicatorId")]
    [InlineData("""{"realisasi":[{"indicatorId":"bappeda-iku-1","value":1}]}""", "realisasi[0].indicatorId")]
    [InlineData("""{"realisasi":[{"indicatorId":"kesbangpol-iku-1"}]}""", "realisasi[0].value")]
    public async Task Submit_WithValuesOutsideTheIndicatorsRules_Is400NamingTheField_AndStoresNothing(string json, string field)
    {
        string id = await ToCollectStepAsync();
        var staff = await World.ClientAsync("kesbangpol-bid-politik");

        var response = await staff.PostAsync($"/api/runs/{id}/steps/menyerahkan-bahan-laporan/units/bid-politik/submit",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var run = await (await staff.GetAsync($"/api/runs/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(run.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "unit-task-submitted");
    }

    [Fact]
    public async Task Suspend_Resume_Terminate_ByTheHead_AreRecordedWithReasons()
    {
        var (head, id) = await StartAsync();

        await (await head.PostJsonAsync($"/api/runs/{id}/suspend", new { reason = "Menunggu Rencana Aksi perubahan" })).JsonAsync(HttpStatusCode.OK);
        var suspended = await (await head.GetAsync($"/api/runs?status=suspended")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, suspended[0].GetProperty("id").GetString());

        await (await head.PostJsonAsync($"/api/runs/{id}/resume", new { })).JsonAsync(HttpStatusCode.OK);
        var done = await (await head.PostJsonAsync($"/api/runs/{id}/terminate", new { reason = "Diganti SOP baru" })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("terminated", done.GetProperty("status").GetString());
        var types = done.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Contains("run-suspended", types);
        Assert.Contains("run-resumed", types);
        Assert.Contains("run-terminated", types);
    }

    [Fact]
    public async Task Management_ByStaff_Is403()
    {
        var (_, id) = await StartAsync();
        var kabid = await World.ClientAsync("kesbangpol-kabid");
        var problem = await (await kabid.PostJsonAsync($"/api/runs/{id}/suspend", new { reason = "x" })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("not-run-manager", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task RestartStep_OfALaterStep_ReopensIt_WithItsReasonInTheHistory()
    {
        string id = await ToCollectStepAsync();
        var head = await World.ClientAsync("kesbangpol-kepala");

        var run = await (await head.PostJsonAsync($"/api/runs/{id}/steps/memerintahkan-analis/restart", new { reason = "Disposisi keliru" })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("active", run.Step("memerintahkan-analis").GetProperty("status").GetString());
        Assert.NotEqual("active", run.Step("menyerahkan-bahan-laporan").GetProperty("status").GetString());
        var restarted = run.GetProperty("history").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "step-restarted");
        Assert.Equal("Disposisi keliru", restarted.GetProperty("reason").GetString());
        var kasubag = await World.ClientAsync("kesbangpol-kasubid-kasubag");
        var tasks = await (await kasubag.GetAsync("/api/me/tasks")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("memerintahkan-analis", tasks[0].GetProperty("stepId").GetString());
    }

    [Fact]
    public async Task ListRuns_FiltersByLateness_AndRefusesUnknownStatus()
    {
        var (head, id) = await StartAsync();
        Assert.Equal(0, (await (await head.GetAsync("/api/runs?late=true")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());

        Factory.Clock.Advance(TimeSpan.FromMinutes(30));
        var late = await (await head.GetAsync("/api/runs?late=true")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, late[0].GetProperty("id").GetString());
        Assert.True(late[0].GetProperty("isLate").GetBoolean());

        var problem = await (await head.GetAsync("/api/runs?status=jalan")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task DevClock_PastTheFirstDeadline_MarksTheStepLate_ForItsActor()
    {
        var (head, id) = await StartAsync();

        var moved = await (await head.PostJsonAsync("/api/dev/clock", new { hours = 2 })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, moved.GetProperty("escalations").GetInt32());
        var run = await (await head.GetAsync($"/api/runs/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, run.Step("menugaskan-kasubag-kasubid").GetProperty("escalationLevel").GetInt32());
        var late = Assert.Single(run.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "step-late");
        // The durable run's time is the clock's at the start plus real time since: seconds later at most.
        Assert.InRange(late.GetProperty("dueAt").GetDateTimeOffset(), DateTimeOffset.Parse("2026-04-06T08:45:00+08:00"), DateTimeOffset.Parse("2026-04-06T08:45:05+08:00"));
        var kabid = await World.ClientAsync("kesbangpol-kabid");
        var task = Assert.Single((await (await kabid.GetAsync("/api/me/tasks")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.True(task.GetProperty("isLate").GetBoolean());
    }

    [Fact]
    public async Task MyTasks_ShowTheActiveStepToItsActorOnly()
    {
        var (_, id) = await StartAsync();
        var kabid = await World.ClientAsync("kesbangpol-kabid");
        var analis = await World.ClientAsync("kesbangpol-analisis-data");

        var tasks = await (await kabid.GetAsync("/api/me/tasks")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("menugaskan-kasubag-kasubid", tasks[0].GetProperty("stepId").GetString());
        Assert.Equal(id, tasks[0].GetProperty("runId").GetString());
        Assert.Equal(0, (await (await analis.GetAsync("/api/me/tasks")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }
}

public sealed class EmbeddedEngineRunManagementApiTests() : RunManagementApiTests(RunEngineKind.Embedded)
{
    /// <remarks>Embedded only: the manual clock moves the embedded engine's time, not an orchestration's.</remarks>
    [Fact]
    public async Task RestartStep_GivesTheStepAFreshDueTime_FromTheMomentOfTheRestart()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");
        var started = await (await head.PostJsonAsync("/api/runs", new { opdId = TestWorld.Opd, period = "2026-Q1" })).JsonAsync(HttpStatusCode.Created);
        string id = started.GetProperty("id").GetString()!;
        Factory.Clock.Advance(TimeSpan.FromHours(2));

        var run = await (await head.PostJsonAsync($"/api/runs/{id}/steps/menugaskan-kasubag-kasubid/restart", new { reason = "Kabid baru dilantik" })).JsonAsync(HttpStatusCode.OK);

        var step = run.Step("menugaskan-kasubag-kasubid");
        Assert.Equal(DateTimeOffset.Parse("2026-04-06T10:45:00+08:00"), step.GetProperty("dueAt").GetDateTimeOffset());
    }
}

public sealed class DurableEngineRunManagementApiTests() : RunManagementApiTests(RunEngineKind.Durable);

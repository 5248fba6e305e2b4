using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Runs.Engine;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Runs.Engines;

/// <summary>
/// The run commands' HTTP contract, the same on both engines: 201/200 with the run's state, the domain's
/// problem+json in Indonesian (403/404/409/400), idempotency keys replaying the first answer.
/// </summary>
public abstract class RunCommandContractTests : IAsyncLifetime
{
    private const string FirstStep = "menugaskan-kasubag-kasubid";
    private const string SecondStep = "memerintahkan-analis";

    protected ApiFactory Factory { get; private set; } = null!;

    private TestWorld World { get; set; } = null!;

    protected abstract ApiFactory CreateFactory();

    public async Task InitializeAsync()
    {
        Factory = CreateFactory();
        World = new TestWorld(Factory);
        await World.SeedAsync();
    }

    public virtual async Task DisposeAsync() => await Factory.DisposeAsync();

    [Fact]
    public async Task Start_AnswersTheRun_WithItsFirstStepActive_AndDueInTheTenantZone()
    {
        var (_, run) = await StartAsync();

        Assert.Equal("running", run.GetProperty("status").GetString());
        var first = run.Step(FirstStep);
        Assert.Equal("active", first.GetProperty("status").GetString());
        var due = first.GetProperty("dueAt").GetDateTimeOffset();
        Assert.InRange(due, DateTimeOffset.Parse("2026-04-06T08:45:00+08:00"), DateTimeOffset.Parse("2026-04-06T08:45:05+08:00"));
        Assert.Equal(TimeSpan.FromHours(8), due.Offset);
    }

    [Fact]
    public async Task SecondStart_ForTheSamePeriod_Is409NamingTheExistingRun()
    {
        var (id, _) = await StartAsync();
        var head = await World.ClientAsync("kesbangpol-kepala");

        var problem = await (await head.PostJsonAsync("/api/runs", new { opdId = TestWorld.Opd, period = "2026-Q1" })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(id, problem.GetProperty("existingRunId").GetString());
    }

    [Fact]
    public async Task Complete_Answers200WithTheNewState_AsTheRunIsThenRead()
    {
        var (id, _) = await StartAsync();
        var kabid = await World.ClientAsync("kesbangpol-kabid");

        var answer = await (await kabid.PostJsonAsync($"/api/runs/{id}/steps/{FirstStep}/complete", CompleteBody())).JsonAsync(HttpStatusCode.OK);
        var read = await (await kabid.GetAsync($"/api/runs/{id}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("done", answer.Step(FirstStep).GetProperty("status").GetString());
        Assert.Equal("active", answer.Step(SecondStep).GetProperty("status").GetString());
        Assert.Equal(answer.GetProperty("version").GetInt32(), read.GetProperty("version").GetInt32());
        Assert.Equal("active", read.Step(SecondStep).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Command_ByWhoeverLacksTheRole_Is403InIndonesian_AndChangesNothing()
    {
        var (id, run) = await StartAsync();
        var staff = await World.ClientAsync("kesbangpol-bid-politik");

        var problem = await (await staff.PostJsonAsync($"/api/runs/{id}/steps/{FirstStep}/complete", CompleteBody())).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("not-step-actor", problem.GetProperty("code").GetString());
        Assert.Contains("tidak memiliki peran", problem.GetProperty("detail").GetString());
        Assert.Equal(run.GetProperty("version").GetInt32(), await VersionAsync(id));
    }

    [Fact]
    public async Task Suspend_WithoutReason_Is400_AndApprovingAStepThatIsNoReview_Is409()
    {
        var (id, _) = await StartAsync();
        var head = await World.ClientAsync("kesbangpol-kepala");
        var kabid = await World.ClientAsync("kesbangpol-kabid");

        var noReason = await (await head.PostJsonAsync($"/api/runs/{id}/suspend", new { reason = " " })).ProblemAsync(HttpStatusCode.BadRequest);
        var notReview = await (await kabid.PostJsonAsync($"/api/runs/{id}/steps/{FirstStep}/approve", CompleteBody())).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("reason-required", noReason.GetProperty("code").GetString());
        Assert.Contains("wajib", noReason.GetProperty("detail").GetString());
        Assert.False(string.IsNullOrWhiteSpace(notReview.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task UnknownRun_Is404()
    {
        await StartAsync();
        var head = await World.ClientAsync("kesbangpol-kepala");

        var problem = await (await head.PostJsonAsync("/api/runs/run-tidak-ada/suspend", new { reason = "uji" })).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("tidak ditemukan", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RepeatedIdempotencyKey_GivesTheFirstAnswer_WithOneTransition_AndAnotherBodyIs422()
    {
        var (id, _) = await StartAsync();
        var kabid = await World.ClientAsync("kesbangpol-kabid");
        string url = $"/api/runs/{id}/steps/{FirstStep}/complete";

        var first = await kabid.PostJsonAsync(url, CompleteBody(), idempotencyKey: "kunci-1");
        string firstBody = await first.Content.ReadAsStringAsync();
        var again = await kabid.PostJsonAsync(url, CompleteBody(), idempotencyKey: "kunci-1");
        var other = await kabid.PostJsonAsync(url, new { output = "Lain", kelengkapan = new[] { "Indikator Sasaran" } }, idempotencyKey: "kunci-1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync());
        Assert.Equal("idempotency-key-reused", (await other.ProblemAsync((HttpStatusCode)422)).GetProperty("code").GetString());
        var read = await (await kabid.GetAsync($"/api/runs/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(read.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "step-completed");
    }

    [Fact]
    public async Task RefusedKeyedCommand_IsRefusedAgainWhenRepeated_AndACorrectedOneUnderTheSameKeyIsApplied()
    {
        var (id, _) = await StartAsync();
        var kabid = await World.ClientAsync("kesbangpol-kabid");
        string url = $"/api/runs/{id}/steps/{FirstStep}/complete";

        var refused = await (await kabid.PostJsonAsync(url, new { output = "Disposisi" }, idempotencyKey: "kunci-2")).ProblemAsync(HttpStatusCode.BadRequest);
        var again = await (await kabid.PostJsonAsync(url, new { output = "Disposisi" }, idempotencyKey: "kunci-2")).ProblemAsync(HttpStatusCode.BadRequest);
        var corrected = await (await kabid.PostJsonAsync(url, CompleteBody(), idempotencyKey: "kunci-2")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("kelengkapan-missing", refused.GetProperty("code").GetString());
        Assert.Equal(refused.GetProperty("detail").GetString(), again.GetProperty("detail").GetString());
        Assert.Equal("done", corrected.Step(FirstStep).GetProperty("status").GetString());
    }

    [Fact]
    public async Task SuspendResumeTerminate_ThenAnyCommand_Is409RunNotRunning()
    {
        var (id, _) = await StartAsync();
        var head = await World.ClientAsync("kesbangpol-kepala");
        var kabid = await World.ClientAsync("kesbangpol-kabid");

        var suspended = await (await head.PostJsonAsync($"/api/runs/{id}/suspend", new { reason = "Rapat pimpinan" })).JsonAsync(HttpStatusCode.OK);
        var resumed = await (await head.PostJsonAsync($"/api/runs/{id}/resume", new { })).JsonAsync(HttpStatusCode.OK);
        var terminated = await (await head.PostJsonAsync($"/api/runs/{id}/terminate", new { reason = "Salah periode" })).JsonAsync(HttpStatusCode.OK);
        var after = await (await kabid.PostJsonAsync($"/api/runs/{id}/steps/{FirstStep}/complete", CompleteBody())).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("suspended", suspended.GetProperty("status").GetString());
        Assert.Equal("running", resumed.GetProperty("status").GetString());
        Assert.Equal("terminated", terminated.GetProperty("status").GetString());
        Assert.Equal("run-not-running", after.GetProperty("code").GetString());
    }

    [Fact]
    public async Task EvidenceUploadedAndRead_IsRecordedOnTheRun_AndACompletionMayCiteIt()
    {
        var (id, _) = await StartAsync();
        var kabid = await World.ClientAsync("kesbangpol-kabid");

        string fileId = await kabid.UploadEvidenceAsync(id);
        (await kabid.GetAsync($"/api/runs/{id}/files/{fileId}")).EnsureSuccessStatusCode();
        var answer = await (await kabid.PostJsonAsync($"/api/runs/{id}/steps/{FirstStep}/complete",
            new { output = "Disposisi", kelengkapan = new[] { "Indikator Sasaran" }, evidenceFileIds = new[] { fileId } })).JsonAsync(HttpStatusCode.OK);
        var unknown = await (await kabid.PostJsonAsync($"/api/runs/{id}/steps/{SecondStep}/complete",
            new { output = "x", evidenceFileIds = new[] { "tidak-ada" } })).ProblemAsync(HttpStatusCode.BadRequest);

        var kinds = answer.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Contains("evidence-uploaded", kinds);
        Assert.Contains("evidence-downloaded", kinds);
        Assert.Equal("done", answer.Step(FirstStep).GetProperty("status").GetString());
        Assert.Equal("evidence-unknown", unknown.GetProperty("code").GetString());
    }

    private async Task<(string Id, System.Text.Json.JsonElement Run)> StartAsync()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");
        var run = await (await head.PostJsonAsync("/api/runs", new { opdId = TestWorld.Opd, period = "2026-Q1" })).JsonAsync(HttpStatusCode.Created);
        return (run.GetProperty("id").GetString()!, run);
    }

    private async Task<int> VersionAsync(string id) =>
        (await (await (await World.ClientAsync("kesbangpol-kepala")).GetAsync($"/api/runs/{id}")).JsonAsync(HttpStatusCode.OK)).GetProperty("version").GetInt32();

    private static object CompleteBody() => new { output = "Disposisi", kelengkapan = new[] { "Indikator Sasaran" } };
}

public sealed class EmbeddedEngineRunCommandTests : RunCommandContractTests
{
    protected override ApiFactory CreateFactory() => new();

    [Fact]
    public void Engine_IsTheEmbeddedOne_ByDefault() => Assert.IsType<EmbeddedRunEngine>(ResolveEngine(Factory));

    [Fact]
    public async Task OpenApi_SaysEveryRunCommandMayAnswer202()
    {
        var doc = await (await Factory.CreateClient().GetAsync("/api/openapi.json")).JsonAsync(HttpStatusCode.OK);
        var paths = doc.GetProperty("paths");

        foreach (string path in new[] { "/api/runs/{runId}/suspend", "/api/runs/{runId}/steps/{stepId}/complete", "/api/runs/{runId}/steps/{stepId}/units/{unitId}/submit" })
        {
            var post = paths.GetProperty(path).GetProperty("post");
            Assert.True(post.GetProperty("responses").TryGetProperty("202", out _), $"{path} does not document 202");
            Assert.Contains("Location", post.GetProperty("description").GetString());
        }
    }

    internal static IRunEngine ResolveEngine(ApiFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IRunEngine>();
    }
}

public sealed class DurableEngineRunCommandTests : RunCommandContractTests
{
    protected override ApiFactory CreateFactory() => new(engine: RunEngineKind.Durable);

    [Fact]
    public void Engine_IsTheDurableOne() => Assert.IsType<DurableRunEngine>(EmbeddedEngineRunCommandTests.ResolveEngine(Factory));
}

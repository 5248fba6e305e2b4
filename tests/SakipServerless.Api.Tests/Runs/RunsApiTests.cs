using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Sweep;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Runs;

/// <summary>
/// The runs API on both engines (subclasses below): answers without history when asked, who may do what across OPDs
/// and pemda, bad input stored nowhere. Start, conflicts and idempotency on both engines are in
/// <c>Engines/RunCommandContractTests</c>.
/// </summary>
public abstract class RunsApiTests(RunEngineKind engine) : SeededApiTest(engine)
{
    protected async Task<string> StartAsync(string period = "2026-Q1")
    {
        var head = await World.ClientAsync("kesbangpol-kepala");
        var run = await (await head.PostJsonAsync("/api/runs", new { opdId = TestWorld.Opd, period })).JsonAsync(HttpStatusCode.Created);
        return run.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task IdempotencyKey_SentForTwoRunsAtOnce_AnswersEachAsAUserError_AtWorst_AndBothRunsGoOn()
    {
        // Keys are the client's (one per pemda, not per run): two tabs may send the same one at once. Neither may break a run.
        string[] ids = [await StartAsync("2026-Q1"), await StartAsync("2026-Q2")];
        var kabid = await World.ClientAsync("kesbangpol-kabid");
        var head = await World.ClientAsync("kesbangpol-kepala");

        var answers = await Task.WhenAll(ids.Select(id =>
            kabid.PostJsonAsync($"/api/runs/{id}/steps/menugaskan-kasubag-kasubid/complete", new { output = "Disposisi", kelengkapan = new[] { "Indikator Sasaran" } }, "k-sama")));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or (HttpStatusCode)422, $"{(int)a.StatusCode}: {a.Content.ReadAsStringAsync().Result}"));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        foreach (string id in ids)
        {
            await (await head.PostJsonAsync($"/api/runs/{id}/suspend", new { reason = "Rapat pimpinan" })).JsonAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Complete_WithPreferReturnMinimal_AnswersTheNewStateWithoutHistory_AndSaysSo()
    {
        string id = await StartAsync();
        var kabid = await World.ClientAsync("kesbangpol-kabid");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/runs/{id}/steps/menugaskan-kasubag-kasubid/complete")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { output = "Disposisi", kelengkapan = new[] { "Indikator Sasaran" } }),
        };
        request.Headers.Add("Prefer", "return=minimal");

        var response = await kabid.SendAsync(request);
        var minimal = await response.JsonAsync(HttpStatusCode.OK);

        Assert.Equal("return=minimal", Assert.Single(response.Headers.GetValues("Preference-Applied")));
        Assert.False(minimal.TryGetProperty("history", out _));
        Assert.Equal("done", minimal.Step("menugaskan-kasubag-kasubid").GetProperty("status").GetString());
        var full = await (await kabid.GetAsync($"/api/runs/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(full.GetProperty("version").GetInt32(), minimal.GetProperty("version").GetInt32());
        Assert.Contains(full.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "step-completed");
    }

    [Fact]
    public async Task WrongRole_AnotherOpd_AnotherTenant_AreRefused_AndNothingChanges()
    {
        string id = await StartAsync();
        var body = new { output = "Disposisi", kelengkapan = new[] { "Indikator Sasaran" } };
        string url = $"/api/runs/{id}/steps/menugaskan-kasubag-kasubid/complete";

        var analis = await World.ClientAsync("kesbangpol-analisis-data");
        Assert.Equal("not-step-actor", (await (await analis.PostJsonAsync(url, body)).ProblemAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString());

        var otherOpd = await World.ClientAsync("bappeda-kabid");
        await (await otherOpd.PostJsonAsync(url, body)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await otherOpd.GetAsync($"/api/runs/{id}")).ProblemAsync(HttpStatusCode.Forbidden);

        var otherTenant = await World.ClientAsync("kesbangpol-kabid", TestWorld.OtherTenant);
        await (await otherTenant.PostJsonAsync(url, body)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherTenant.GetAsync($"/api/runs/{id}")).ProblemAsync(HttpStatusCode.NotFound);

        var sekda = await World.ClientAsync("sekda");
        await (await sekda.PostJsonAsync(url, body)).ProblemAsync(HttpStatusCode.Forbidden);
        var run = await (await sekda.GetAsync($"/api/runs/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, run.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("""{"opdId":"kesbangpol","period":"2026-Q5"}""", "period")]
    [InlineData("""{"period":"2026-Q1"}""", "opdId")]
    [InlineData("""{"opdId":42,"period":"2026-Q1"}""", null)]
    [InlineData("""{"opdId":"kesbangpol",""", null)]
    public async Task Start_WithBadInput_Is400_AndStoresNothing(string json, string? field)
    {
        var head = await World.ClientAsync("kesbangpol-kepala");
        var response = await head.PostAsync("/api/runs", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        }

        var list = await (await head.GetAsync("/api/runs")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task Return_WithoutReason_Is400_AndChangesNothing()
    {
        string id = await StartAsync();
        var kabid = await World.ClientAsync("kesbangpol-kabid");
        var before = await (await kabid.GetAsync($"/api/runs/{id}")).JsonAsync(HttpStatusCode.OK);

        var problem = await (await kabid.PostJsonAsync($"/api/runs/{id}/steps/memeriksa-laporan-kinerja/return", new { reason = "" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("reason-required", problem.GetProperty("code").GetString());
        var after = await (await kabid.GetAsync($"/api/runs/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
    }
}

/// <summary>
/// What concerns the app and not the engine (health, OpenAPI, sign-in, body limits), and the embedded engine's own
/// deadline sweep on a shared database and across an app restart; the durable engine's timers are tested in
/// <c>SakipServerless.Engine.Durable.Tests</c>.
/// </summary>
public sealed class EmbeddedEngineRunsApiTests() : RunsApiTests(RunEngineKind.Embedded)
{
    [Fact]
    public async Task Health_AnswersWithoutSignIn()
    {
        var response = await Factory.CreateClient().GetAsync("/api/health");
        var body = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("ok", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApiDocument_IsServed()
    {
        var doc = await (await Factory.CreateClient().GetAsync("/api/openapi.json")).JsonAsync(HttpStatusCode.OK);
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/runs", out _));
    }

    [Fact]
    public async Task Api_WithoutToken_Is401()
    {
        var response = await Factory.CreateClient().GetAsync("/api/runs");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Start_ActivatesTheFirstStep_WithItsDueTimeInTheTenantZone()
    {
        string id = await StartAsync();
        var kabid = await World.ClientAsync("kesbangpol-kabid");
        var run = await (await kabid.GetAsync($"/api/runs/{id}")).JsonAsync(HttpStatusCode.OK);

        var first = run.Step("menugaskan-kasubag-kasubid");
        Assert.Equal("active", first.GetProperty("status").GetString());
        Assert.Equal(DateTimeOffset.Parse("2026-04-06T08:45:00+08:00"), first.GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task SecondStart_ForTheSamePeriod_Is409NamingTheExistingRun()
    {
        string id = await StartAsync();
        var head = await World.ClientAsync("kesbangpol-kepala");

        var problem = await (await head.PostJsonAsync("/api/runs", new { opdId = TestWorld.Opd, period = "2026-Q1" })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(id, problem.GetProperty("existingRunId").GetString());
        Assert.Contains(id, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Complete_WithTheSameIdempotencyKey_AppliesOnce_AndReturnsTheFirstAnswer()
    {
        string id = await StartAsync();
        var kabid = await World.ClientAsync("kesbangpol-kabid");
        var body = new { output = "Disposisi", kelengkapan = new[] { "Indikator Sasaran" } };

        var first = await (await kabid.PostJsonAsync($"/api/runs/{id}/steps/menugaskan-kasubag-kasubid/complete", body, "k-1")).JsonAsync(HttpStatusCode.OK);
        var again = await (await kabid.PostJsonAsync($"/api/runs/{id}/steps/menugaskan-kasubag-kasubid/complete", body, "k-1")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(first.GetProperty("version").GetInt32(), again.GetProperty("version").GetInt32());
        var stored = await (await kabid.GetAsync($"/api/runs/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(first.GetProperty("version").GetInt32(), stored.GetProperty("version").GetInt32());
        Assert.Single(stored.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "step-completed");
    }

    [Fact]
    public async Task IdempotencyKey_ReusedWithAnotherBody_Is422()
    {
        string id = await StartAsync();
        var kabid = await World.ClientAsync("kesbangpol-kabid");
        await (await kabid.PostJsonAsync($"/api/runs/{id}/steps/menugaskan-kasubag-kasubid/complete", new { output = "Disposisi", kelengkapan = new[] { "Indikator Sasaran" } }, "k-2")).JsonAsync(HttpStatusCode.OK);

        var problem = await (await kabid.PostJsonAsync($"/api/runs/{id}/steps/menugaskan-kasubag-kasubid/complete", new { output = "Lain" }, "k-2")).ProblemAsync((HttpStatusCode)422);
        Assert.Equal("idempotency-key-reused", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task OversizedBody_Is413()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");
        var huge = new string('x', 2 * 1024 * 1024);
        var response = await head.PostJsonAsync("/api/runs", new { opdId = huge, period = "2026-Q1" });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task TwoSweepsAtOnce_OnOneDatabase_EscalateOnce()
    {
        string id = await StartAsync();
        await using var second = new ApiFactory(Factory.DatabasePath, Factory.Clock);
        _ = second.Server;
        Factory.Clock.Advance(TimeSpan.FromDays(3));

        var sweeps = new[] { Factory, second }.Select(f => f.Services.GetRequiredService<DeadlineSweep>())
            .SelectMany(s => Enumerable.Range(0, 4).Select(_ => Task.Run(() => s.RunOnceAsync())));
        int applied = (await Task.WhenAll(sweeps)).Sum();

        var kabid = await World.ClientAsync("kesbangpol-kabid");
        var run = await (await kabid.GetAsync($"/api/runs/{id}")).JsonAsync(HttpStatusCode.OK);
        var escalations = run.GetProperty("history").EnumerateArray().Count(e => e.GetProperty("type").GetString() is "step-late" or "step-escalated");
        Assert.Equal(2, escalations);
        Assert.Equal(2, applied);
        Assert.Equal(2, run.Step("menugaskan-kasubag-kasubid").GetProperty("escalationLevel").GetInt32());
    }

    [Fact]
    public async Task RestartOfTheApp_KeepsStateAndPendingTimers()
    {
        string id = await StartAsync();
        await Factory.DisposeAsync();

        await using var restarted = new ApiFactory(Factory.DatabasePath, Factory.Clock);
        var world = new TestWorld(restarted);
        var kabid = await world.ClientAsync("kesbangpol-kabid");
        var run = await (await kabid.GetAsync($"/api/runs/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("active", run.Step("menugaskan-kasubag-kasubid").GetProperty("status").GetString());

        restarted.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await restarted.Services.GetRequiredService<DeadlineSweep>().RunOnceAsync());
    }
}

public sealed class DurableEngineRunsApiTests() : RunsApiTests(RunEngineKind.Durable);

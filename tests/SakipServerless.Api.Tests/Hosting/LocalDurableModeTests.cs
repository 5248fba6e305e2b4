using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Runs.Engine;
using SakipServerless.Api.Tests.Support;
using SakipServerless.Engine.Durable.Client;
using SakipServerless.Storage.Contract.Emulators;

namespace SakipServerless.Api.Tests.Hosting;

/// <summary>
/// The local host in durable mode on its own sidecar (<c>Sakip:Engine:Sidecar</c>) over Azurite: runs are
/// orchestrations in the task hub, runs the store holds without one are adopted at start, and both survive a restart.
/// </summary>
public sealed class LocalDurableModeTests(AzuriteAccountFixture azurite) : IClassFixture<AzuriteAccountFixture>
{
    private static readonly object Disposisi = new { output = "Disposisi", kelengkapan = new[] { "Indikator Sasaran" } };

    [Fact]
    public async Task TheLocalHost_RunsOnItsSidecar_AdoptsTheRunsTheEmbeddedEngineLeftOpen_AndKeepsBothAcrossARestart()
    {
        string hub = "api" + Guid.NewGuid().ToString("N")[..12];
        string database, leftOpen;
        await using (var embedded = new ApiFactory())
        {
            database = embedded.DatabasePath;
            var world = new TestWorld(embedded);
            await world.SeedAsync();
            leftOpen = await StartAsync(world, "2026-Q1");
        }

        string started;
        await using (var durable = Durable(database, hub))
        {
            var world = new TestWorld(durable);
            var kabid = await world.ClientAsync("kesbangpol-kabid");

            // The embedded engine's run takes its next command: the start gave it an orchestration from its stored state.
            var done = await (await kabid.PostJsonAsync($"/api/runs/{leftOpen}/steps/menugaskan-kasubag-kasubid/complete", Disposisi)).JsonAsync(HttpStatusCode.OK);
            Assert.Equal("done", done.Step("menugaskan-kasubag-kasubid").GetProperty("status").GetString());
            started = await StartAsync(world, "2026-Q2");

            var client = durable.Services.GetRequiredService<DurableRunClient>();
            Assert.Equal(done.GetProperty("version").GetInt32(), (await client.ReportAsync(leftOpen))!.Version);
            Assert.NotNull(await client.ReportAsync(started));
        }

        await using (var restarted = Durable(database, hub))
        {
            var world = new TestWorld(restarted);
            var kabid = await world.ClientAsync("kesbangpol-kabid");
            var head = await world.ClientAsync("kesbangpol-kepala");

            // The task hub kept both orchestrations: nothing is left to adopt, and both take commands.
            await using (var scope = restarted.Services.CreateAsyncScope())
            {
                Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RunAdoption>().AdoptOpenRunsAsync());
            }

            await (await kabid.PostJsonAsync($"/api/runs/{started}/steps/menugaskan-kasubag-kasubid/complete", Disposisi)).JsonAsync(HttpStatusCode.OK);
            var suspended = await (await head.PostJsonAsync($"/api/runs/{leftOpen}/suspend", new { reason = "Rapat pimpinan" })).JsonAsync(HttpStatusCode.OK);
            Assert.Equal("suspended", suspended.GetProperty("status").GetString());

            var refused = await (await kabid.PostJsonAsync($"/api/runs/{started}/steps/menugaskan-kasubag-kasubid/complete", Disposisi)).ProblemAsync(HttpStatusCode.Conflict);
            Assert.False(string.IsNullOrWhiteSpace(refused.GetProperty("code").GetString())); // the same refusal as the embedded engine's
        }
    }

    [Fact]
    public async Task DurableMode_WithoutASidecarOrAHostThatProvidesTheClient_RefusesToStart_NamingTheSetting()
    {
        await using var factory = new ApiFactory(settings: new Dictionary<string, string?> { ["Sakip:Engine:Mode"] = "durable" });

        var e = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Sakip:Engine:Sidecar:StorageConnectionString", Flatten(e));
    }

    private ApiFactory Durable(string database, string hub) => new(database, settings: new Dictionary<string, string?>
    {
        ["Sakip:Engine:Mode"] = "durable",
        ["Sakip:Engine:CommandWaitMilliseconds"] = "20000",
        ["Sakip:Engine:Sidecar:StorageConnectionString"] = azurite.ConnectionString,
        ["Sakip:Engine:Sidecar:TaskHubName"] = hub,
    });

    private static async Task<string> StartAsync(TestWorld world, string period)
    {
        var head = await world.ClientAsync("kesbangpol-kepala");
        var run = await (await head.PostJsonAsync("/api/runs", new { opdId = TestWorld.Opd, period })).JsonAsync(HttpStatusCode.Created);
        return run.GetProperty("id").GetString()!;
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}

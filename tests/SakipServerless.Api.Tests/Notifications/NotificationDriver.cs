using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Notifications;
using SakipServerless.Api.Sweep;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Notifications;

/// <summary>Moves a run forward over HTTP and runs the sweep and the dispatcher when a notification test says so.</summary>
public sealed class NotificationDriver(ApiFactory factory, TestWorld world)
{
    public const string FirstStep = "menugaskan-kasubag-kasubid";
    public const string SecondStep = "memerintahkan-analis";
    public const string CollectStep = "menyerahkan-bahan-laporan";

    public NotificationDispatcher Dispatcher => factory.Services.GetRequiredService<NotificationDispatcher>();

    public Task<DispatchResult> DispatchAsync() => Dispatcher.RunOnceAsync();

    public Task<int> SweepAsync() => factory.Services.GetRequiredService<DeadlineSweep>().RunOnceAsync();

    /// <summary>The head of the OPD starts the Q1 run; its first step (Kabid) becomes active.</summary>
    public async Task<string> StartRunAsync(string tenant = TestWorld.Tenant)
    {
        var head = await world.ClientAsync("kesbangpol-kepala", tenant);
        var run = await (await head.PostJsonAsync("/api/runs", new { opdId = TestWorld.Opd, period = "2026-Q1" })).JsonAsync(HttpStatusCode.Created);
        return run.GetProperty("id").GetString()!;
    }

    /// <summary>Completes the two disposition steps, so the collect step opens one task per unit.</summary>
    public async Task OpenUnitTasksAsync(string runId)
    {
        var kabid = await world.ClientAsync("kesbangpol-kabid");
        await (await kabid.PostJsonAsync($"/api/runs/{runId}/steps/{FirstStep}/complete",
            new { output = "Disposisi", kelengkapan = new[] { "Indikator Sasaran" } })).JsonAsync(HttpStatusCode.OK);
        var kasubid = await world.ClientAsync("kesbangpol-kasubid-kasubag");
        await (await kasubid.PostJsonAsync($"/api/runs/{runId}/steps/{SecondStep}/complete",
            new { output = "Disposisi", kelengkapan = new[] { "Disposisi" } })).JsonAsync(HttpStatusCode.OK);
    }

    public async Task<JsonElement> InboxAsync(string userId, string tenant = TestWorld.Tenant, string query = "")
    {
        var client = await world.ClientAsync(userId, tenant);
        return await (await client.GetAsync("/api/me/inbox" + query)).JsonAsync(HttpStatusCode.OK);
    }

    public static IReadOnlyList<JsonElement> Items(JsonElement inbox) => [.. inbox.GetProperty("items").EnumerateArray()];

    public static IReadOnlyList<JsonElement> OfKind(JsonElement inbox, string kind) =>
        [.. Items(inbox).Where(i => i.GetProperty("kind").GetString() == kind)];
}

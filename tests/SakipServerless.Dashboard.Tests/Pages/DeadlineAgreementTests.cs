using System.Net.Http.Json;
using System.Text.Json;
using SakipServerless.Dashboard.Tests.Support;

namespace SakipServerless.Dashboard.Tests.Pages;

/// <summary>
/// The user trial's disagreement: after <c>POST /api/dev/clock {"hours":8}</c> the overview, the swimlane and the
/// holder's task list each told a different lateness. Every page now shows the backend's. A system of its own,
/// since moving the backend's clock would move it for every other test.
/// </summary>
public sealed class DeadlineAgreementTests : IAsyncLifetime
{
    private readonly SystemFixture _system = new();

    public Task InitializeAsync() => _system.InitializeAsync();

    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task AfterTheDevClockMoves_OverviewRunPageAndTheHoldersTasks_ShowTheSameLateness_CountedFromTheBackendsClock()
    {
        using var api = await _system.ApiAsAsync("bantul", "sekda");
        var moved = await (await api.PostAsJsonAsync("api/dev/clock", new { hours = 8 })).Content.ReadFromJsonAsync<JsonElement>();
        var backendNow = moved.GetProperty("now").GetDateTimeOffset();
        Assert.Equal(SystemFixture.SeedMoment.AddHours(8), backendNow);

        var answer = await api.GetAsync("api/dashboard/overdue");
        Assert.Equal(backendNow, DateTimeOffset.Parse(answer.Headers.GetValues("Sakip-Now").Single(), System.Globalization.CultureInfo.InvariantCulture));
        var item = (await answer.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().First();
        string runId = item.GetProperty("runId").GetString()!;
        string label = item.GetProperty("lateLabel").GetString()!;
        Assert.True(item.GetProperty("lateMinutes").GetInt64() >= 8 * 60 - 1, $"the overdue list ignored the moved clock: {label}");

        // The run as the API shows it says the same for the same item.
        var run = await api.GetFromJsonAsync<JsonElement>($"api/runs/{runId}");
        Assert.Equal(backendNow, run.GetProperty("asOf").GetDateTimeOffset());
        var step = run.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("stepId").GetString() == item.GetProperty("stepId").GetString());
        string? unitId = item.TryGetProperty("unitId", out var u) ? u.GetString() : null;
        var part = unitId is null ? step : step.GetProperty("unitTasks").EnumerateArray().Single(t => t.GetProperty("unitId").GetString() == unitId);
        Assert.Equal(label, part.GetProperty("lateLabel").GetString());

        using var sekda = await _system.SignInAsync("bantul", "sekda");
        var (_, overview, _) = await sekda.GetAsync("/ringkasan");
        Assert.Contains(label, overview);
        var (_, runPage, _) = await sekda.GetAsync($"/pelaksanaan/{runId}");
        Assert.Contains("terlambat " + label, runPage); // the swimlane and the step card, no longer from the dashboard's own clock

        string holder = unitId is null ? item.GetProperty("assigneeRole").GetString()! : "staf-" + unitId;
        using var staff = await _system.SignInAsync("bantul", holder);
        var (_, tasks, _) = await staff.GetAsync("/tugas");
        Assert.Contains("terlambat " + label, tasks);
        Assert.Contains($"data-now=\"{backendNow.UtcDateTime:O}\"", tasks, StringComparison.Ordinal);
        Assert.Contains(unitId is null ? "Tenggat langkah" : "Tenggat kiriman unit", tasks);
    }
}

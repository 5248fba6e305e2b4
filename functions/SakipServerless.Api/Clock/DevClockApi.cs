using Microsoft.Extensions.Options;
using SakipServerless.Api.Errors;
using SakipServerless.Api.Hosting;
using SakipServerless.Api.Runs.Engine;
using SakipServerless.Api.Scheduling;

namespace SakipServerless.Api.Clock;

/// <summary>
/// <c>POST /api/dev/clock</c> moves the application clock forward, starts the runs a schedule made due by then and runs
/// the sweep (with the durable engine, moves every running orchestration's time along), to demonstrate scheduled starts and escalations without waiting for the in-process timers.
/// 404 unless <c>Sakip:Development:EnableClockOffset</c> is on (never in Production).
/// </summary>
public static class DevClockApi
{
    public sealed record AdvanceRequest(int? Minutes, int? Hours, int? Days);

    /// <param name="Escalations">Escalations the sweep applied; with the durable engine, the runs that escalated as their time followed the clock.</param>
    /// <param name="StartedRuns">Runs the template schedules started because the clock passed their moment.</param>
    public sealed record ClockView(DateTimeOffset Now, TimeSpan Offset, int Escalations, IReadOnlyList<string>? StartedRuns = null);

    public static RouteGroupBuilder MapDevClockApi(this RouteGroupBuilder api)
    {
        api.MapGet("/dev/clock", (AppClock clock, IOptions<SakipOptions> options) =>
                options.Value.Development.EnableClockOffset
                    ? Results.Ok(new ClockView(clock.GetUtcNow(), clock.Offset, 0))
                    : Problems.NotFound("Jam pengembangan tidak diaktifkan."))
            .WithTags("Development");

        api.MapPost("/dev/clock", AdvanceAsync).WithTags("Development")
            .WithSummary("Memajukan jam aplikasi, memulai pelaksanaan terjadwal yang jatuh tempo, lalu menjalankan penyapuan tenggat (hanya mode pengembangan)");
        return api;
    }

    private static async Task<IResult> AdvanceAsync(AdvanceRequest request, AppClock clock, IRunEngine engine, ScheduledRunStarter scheduler, IOptions<SakipOptions> options,
        CancellationToken ct)
    {
        if (!options.Value.Development.EnableClockOffset)
        {
            return Problems.NotFound("Jam pengembangan tidak diaktifkan.");
        }

        var by = TimeSpan.FromMinutes(request.Minutes ?? 0) + TimeSpan.FromHours(request.Hours ?? 0) + TimeSpan.FromDays(request.Days ?? 0);
        if (by <= TimeSpan.Zero || by > TimeSpan.FromDays(366))
        {
            return Problems.BadRequest("clock-range", "Isi menit, jam atau hari yang positif (paling lama 366 hari).");
        }

        clock.Advance(by);
        var starts = await scheduler.StartDueAsync(clock.GetUtcNow(), ct); // before the sweep, which then sees the new runs
        int escalations = await engine.ClockMovedAsync(clock.GetUtcNow(), ct) + await engine.ProcessDeadlinesAsync(ct);
        return Results.Ok(new ClockView(clock.GetUtcNow(), clock.Offset, escalations, starts.Started));
    }
}

using System.Text.Json;
using SakipServerless.Core;
using SakipServerless.Core.Calendar;
using SakipServerless.Engine.Durable.Commands;

namespace SakipServerless.Engine.Durable.Orchestration;

/// <summary>
/// The input of a run's orchestration: on the first generation the start request, after each continue-as-new the run
/// as it stands. Either way it carries the pinned template, so editing the template never changes a run in flight.
/// </summary>
/// <param name="InterpreterVersion">The interpreter's behaviour this orchestration was started (or continued) under; see the versioning rule of <see cref="SopRunOrchestrator"/>.</param>
/// <param name="TemplateJson">The template version the run pinned, as <c>SopTemplateJson</c>.</param>
/// <param name="Clock">Null until the first execution fixes it from the orchestration's clock.</param>
/// <param name="RunJson">The run (<c>RunJson</c>); null before the start was applied.</param>
/// <param name="SeenCommandIds">Recent command ids, oldest first: duplicates within this window are dropped.</param>
/// <param name="RecentOutcomes">The last outcomes, which the custom status carries for the senders waiting on them.</param>
/// <param name="InputsPerGeneration">How many inputs one generation handles before it continues as new (tests make it small).</param>
public sealed record RunOrchestrationState(
    int InterpreterVersion,
    string TemplateJson,
    CalendarSpec Calendar,
    WorkDuration Level2Grace,
    StartRunRequest Start,
    RunClock? Clock = null,
    double TimeScale = 1,
    DateTimeOffset? RunOrigin = null,
    string? RunJson = null,
    IReadOnlyList<string>? SeenCommandIds = null,
    IReadOnlyList<CommandOutcome>? RecentOutcomes = null,
    int InputsPerGeneration = SopRunOrchestrator.EventsPerGeneration)
{
    /// <summary>Serialized with the Core's options: the orchestration's payloads read like the store's documents.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, CoreJson.Options);

    public static RunOrchestrationState Parse(string json) =>
        JsonSerializer.Deserialize<RunOrchestrationState>(json, CoreJson.Options) ?? throw new JsonException("Masukan orkestrasi pelaksanaan SOP kosong.");
}

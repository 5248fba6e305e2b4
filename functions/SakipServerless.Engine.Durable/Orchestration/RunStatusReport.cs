using System.Text.Json;
using SakipServerless.Core;
using SakipServerless.Core.Runs;
using SakipServerless.Engine.Durable.Commands;

namespace SakipServerless.Engine.Durable.Orchestration;

/// <summary>
/// The orchestration's custom status: the projected version and the latest outcomes. A sender finds its command's
/// outcome here once the projection has recorded it (an applied command's write is done before the status says so).
/// </summary>
public sealed record RunStatusReport(string RunId, RunStatus? Status, int Version, IReadOnlyList<CommandOutcome> Outcomes)
{
    public string ToJson() => JsonSerializer.Serialize(this, CoreJson.Options);

    public static RunStatusReport? Parse(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<RunStatusReport>(json, CoreJson.Options);

    public CommandOutcome? Find(string commandId) => Outcomes.FirstOrDefault(o => o.CommandId == commandId);
}

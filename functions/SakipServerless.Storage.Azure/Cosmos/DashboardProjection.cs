using System.Text.Json;
using System.Text.Json.Nodes;
using SakipServerless.Core;
using SakipServerless.Core.Runs;

namespace SakipServerless.Storage.Azure.Cosmos;

/// <summary>
/// The dashboard's read model of one run, kept in the run item's <c>dashboard</c> field and rewritten by every
/// transition in the same replace: the run without its history, evidence list and outbox — status, OPD, period, steps
/// with their state, due and completion times and escalation, unit tasks with their submissions.
/// </summary>
/// <remarks>
/// The dashboard reads these with one single-partition query that projects only this field, so what it reads grows
/// with the number of runs and steps of a pemda-year, not with their histories (the bulk of a run item). Being the
/// same type as a run, it feeds the existing calculator unchanged.
/// </remarks>
internal static class DashboardProjection
{
    public const string Field = "dashboard";

    public static JsonObject Of(SopRun run)
    {
        var node = JsonSerializer.SerializeToNode(run, CoreJson.Options)!.AsObject();
        node.Remove("history");
        node.Remove("evidence");
        node.Remove("outbox");
        return node;
    }
}

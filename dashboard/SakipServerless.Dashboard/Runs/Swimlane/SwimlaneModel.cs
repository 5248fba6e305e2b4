using SakipServerless.Core.Templates;
using SakipServerless.Dashboard.Api.Models;
using SakipServerless.Dashboard.Shared;

namespace SakipServerless.Dashboard.Runs.Swimlane;

/// <summary>A run's SOP as a swimlane flowchart: the Pelaksana columns (lanes) and the steps in order.</summary>
public sealed record SwimlaneModel(IReadOnlyList<string> Lanes, IReadOnlyList<SwimlaneNode> Nodes, bool Finished)
{
    /// <summary>
    /// Lanes are the template's roles in their column order (most senior first, as the SOP table has them), plus any
    /// actor the template names but does not list. A step sits in its assignee's lane (its first actor).
    /// </summary>
    public static SwimlaneModel From(RunDto run, SopTemplate? template, TimeZoneInfo zone)
    {
        var laneIds = template?.Roles.Select(r => r.Id).ToList() ?? [];
        var titles = template?.Roles.ToDictionary(r => r.Id, r => r.Title) ?? [];
        foreach (var actor in run.Steps.SelectMany(s => s.Actors))
        {
            if (!laneIds.Contains(actor))
            {
                laneIds.Add(actor);
            }
        }

        int LaneOf(string role) => laneIds.IndexOf(role);
        var nodes = run.Steps.Select(step =>
        {
            var def = template?.FindStep(step.StepId);
            string assignee = step.AssigneeRole ?? step.Actors.FirstOrDefault() ?? laneIds.FirstOrDefault() ?? "";
            var state = IndonesianText.StateOf(run, step);
            DateTimeOffset? due = step.Status == Core.Runs.StepStatus.Active ? step.DueAt : null;
            string? dueText = step.Status switch
            {
                Core.Runs.StepStatus.Done => step.CompletedAt is { } c ? "Selesai " + IndonesianText.Short(c, zone) + (step.CompletedLate ? " (terlambat)" : "") : "Selesai",
                Core.Runs.StepStatus.Active when due is not null => "Tenggat " + IndonesianText.Short(due, zone),
                _ => null,
            };
            string? lateText = state is StepState.Late or StepState.Escalated
                ? LateLabelOf(step) is { } late ? "terlambat " + late : "terlambat"
                : null;
            return new SwimlaneNode(step.StepId, step.No, step.Activity, step.Kind, Math.Max(0, LaneOf(assignee)),
                step.Actors.Skip(1).Select(LaneOf).Where(i => i >= 0).Distinct().ToList(),
                state, dueText, lateText, step.Kind == StepKind.Review ? def?.OnReturn : null, step.ReturnCount);
        }).ToList();

        return new SwimlaneModel(laneIds.Select(id => titles.GetValueOrDefault(id) ?? Humanize(id)).ToList(), nodes,
            run.Status == Core.Runs.RunStatus.Completed);
    }

    /// <summary>How late the step's late part is, as the backend said: the step itself or its most late unit.</summary>
    private static string? LateLabelOf(StepDto step) =>
        step.UnitTasks.Select(u => (u.LateMinutes, u.LateLabel)).Append((step.LateMinutes, step.LateLabel))
            .Where(l => l.LateMinutes is not null).MaxBy(l => l.LateMinutes).LateLabel;

    private static string Humanize(string roleId) =>
        string.Join(' ', roleId.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}

using SakipServerless.Core.Templates;
using SakipServerless.Dashboard.Api.Models;

namespace SakipServerless.Dashboard.Runs.Swimlane;

/// <summary>One step as the flowchart draws it: the lane of its assignee, the lanes that take part, its state and times.</summary>
/// <param name="ReturnTo">Review steps: the step redone after a return (drawn as the "Tidak" loop).</param>
/// <param name="DueText">e.g. "Tenggat 23/11 13.05"; null when the step has no due time yet.</param>
/// <param name="LateText">e.g. "terlambat 2 jam"; null when not late.</param>
public sealed record SwimlaneNode(
    string StepId,
    int No,
    string Activity,
    StepKind Kind,
    int Lane,
    IReadOnlyList<int> OtherLanes,
    StepState State,
    string? DueText,
    string? LateText,
    string? ReturnTo,
    int ReturnCount);

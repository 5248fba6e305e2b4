using System.Text.Json.Serialization;
using SakipServerless.Core.Templates;

namespace SakipServerless.Core.Runs;

/// <summary>The state of one template step within a run: status, assignee, due time, escalation and outputs.</summary>
public sealed class StepInstance
{
    [JsonConstructor]
    internal StepInstance(string stepId, int no, StepKind kind, string? assigneeRole)
    {
        StepId = stepId;
        No = no;
        Kind = kind;
        AssigneeRole = assigneeRole;
    }

    public string StepId { get; }

    public int No { get; }

    public StepKind Kind { get; }

    public string? AssigneeRole { get; }

    [JsonInclude]
    public StepStatus Status { get; internal set; }

    [JsonInclude]
    public DateTimeOffset? ActivatedAt { get; internal set; }

    [JsonInclude]
    public DateTimeOffset? DueAt { get; internal set; }

    [JsonInclude]
    public DateTimeOffset? CompletedAt { get; internal set; }

    [JsonInclude]
    public string? CompletedBy { get; internal set; }

    [JsonInclude]
    public string? Output { get; internal set; }

    [JsonInclude]
    public IReadOnlyList<string> Kelengkapan { get; internal set; } = [];

    [JsonInclude]
    public IReadOnlyList<string> EvidenceFileIds { get; internal set; } = [];

    /// <summary>0 on time, 1 late (assignee and supervisor notified), 2 escalated to the head of the OPD.</summary>
    [JsonInclude]
    public int EscalationLevel { get; internal set; }

    /// <summary>When the sweep must look at this step next; null when nothing is pending (not active, collect steps, level 2 reached).</summary>
    [JsonInclude]
    public DateTimeOffset? NextEscalationAt { get; internal set; }

    /// <summary>How many times the step was activated (1 + reworks + restarts).</summary>
    [JsonInclude]
    public int Activations { get; internal set; }

    /// <summary>Review steps: how many times this review sent the work back. Other steps: how many times they were redone after a return.</summary>
    [JsonInclude]
    public int ReturnCount { get; internal set; }

    [JsonInclude]
    public string? LastReturnReason { get; internal set; }

    /// <summary>Whether the last completion came after its due time.</summary>
    [JsonInclude]
    public bool CompletedLate { get; internal set; }

    [JsonInclude]
    public List<UnitTask> UnitTasks { get; internal set; } = [];

    public bool IsLate(DateTimeOffset now) => Status == StepStatus.Active && DueAt is { } due && now >= due;

    public UnitTask? FindUnit(string unitId) => UnitTasks.FirstOrDefault(u => u.UnitId == unitId);

    /// <summary>A copy for <see cref="SopRun.Copy"/>: its own unit tasks; the lists of ids are replaced, never changed, so they are shared.</summary>
    internal StepInstance Copy()
    {
        var copy = (StepInstance)MemberwiseClone();
        copy.UnitTasks = UnitTasks.ConvertAll(u => u.Copy());
        return copy;
    }
}

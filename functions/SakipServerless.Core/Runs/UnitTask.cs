using System.Text.Json.Serialization;

namespace SakipServerless.Core.Runs;

/// <summary>
/// One unit's part of a collect step, with its own deadline and escalation, so units submitting at the same
/// minute touch separate records (the storage keeps them as their own documents/rows).
/// </summary>
public sealed class UnitTask
{
    [JsonConstructor]
    internal UnitTask(string unitId, string unitName)
    {
        UnitId = unitId;
        UnitName = unitName;
    }

    public string UnitId { get; }

    public string UnitName { get; }

    [JsonInclude]
    public UnitTaskStatus Status { get; internal set; }

    [JsonInclude]
    public DateTimeOffset OpenedAt { get; internal set; }

    [JsonInclude]
    public DateTimeOffset DueAt { get; internal set; }

    [JsonInclude]
    public int EscalationLevel { get; internal set; }

    /// <summary>When the sweep must look at this task next (deadline, then grace end); null when nothing is pending.</summary>
    [JsonInclude]
    public DateTimeOffset? NextEscalationAt { get; internal set; }

    [JsonInclude]
    public int ReturnCount { get; internal set; }

    [JsonInclude]
    public string? LastReturnReason { get; internal set; }

    [JsonInclude]
    public UnitSubmission? Submission { get; internal set; }

    [JsonInclude]
    public DateTimeOffset? AcceptedAt { get; internal set; }

    [JsonInclude]
    public string? AcceptedBy { get; internal set; }

    /// <summary>Whether the last submission came after the due time in force when it was sent.</summary>
    [JsonInclude]
    public bool SubmittedLate { get; internal set; }

    public bool IsLate(DateTimeOffset now) => Status is UnitTaskStatus.Open or UnitTaskStatus.Returned && now >= DueAt;

    /// <summary>A copy for <see cref="SopRun.Copy"/>: every member is a value or an immutable record.</summary>
    internal UnitTask Copy() => (UnitTask)MemberwiseClone();
}

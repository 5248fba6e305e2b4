namespace SakipServerless.Core.Templates;

/// <summary>One row of the SOP's procedure table: the activity, its actors and its mutu baku.</summary>
public sealed record SopStep
{
    public required int No { get; init; }

    public required string Id { get; init; }

    /// <summary>Kegiatan / Uraian Prosedur, as written in the document.</summary>
    public required string Activity { get; init; }

    public required StepKind Kind { get; init; }

    /// <summary>Role ids; the first is the assignee who completes the step, the others take part.</summary>
    public IReadOnlyList<string> Actors { get; init; } = [];

    /// <summary>Mutu baku: required inputs that must be present to complete the step.</summary>
    public IReadOnlyList<string> Kelengkapan { get; init; } = [];

    /// <summary>
    /// Mutu baku: how many evidence files each submission of a collect step must carry; null means the default of
    /// <see cref="RequiredEvidenceFiles"/>. A template sets 0 where the SOP asks for no document.
    /// </summary>
    public int? MinEvidenceFiles { get; init; }

    /// <summary>Mutu baku: time limit; null only in importer output.</summary>
    public StepDuration? Duration { get; init; }

    /// <summary>Mutu baku: what the step produces.</summary>
    public string? Output { get; init; }

    /// <summary>Keterangan.</summary>
    public string? Note { get; init; }

    public StepWhen When { get; init; } = StepWhen.Always;

    /// <summary>The following step; null means the next one in document order.</summary>
    public string? Next { get; init; }

    /// <summary>Review steps: where an approval leads; null means <see cref="Next"/>.</summary>
    public string? OnApprove { get; init; }

    /// <summary>Review steps: the earlier step that is redone after a return.</summary>
    public string? OnReturn { get; init; }

    public string? AssigneeRole => Actors.Count > 0 ? Actors[0] : null;

    /// <summary>
    /// Evidence files a unit submission must carry: the template's number, else one for a collect step (its kelengkapan
    /// names documents: the realisasi must come with the report that proves it) and none for other kinds.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int RequiredEvidenceFiles => MinEvidenceFiles ?? (Kind == StepKind.Collect ? 1 : 0);
}

using SakipServerless.Core.Templates;

namespace SakipServerless.Importer.Steps;

/// <summary>
/// A step while the importer reads it: the row's facts (activity, mutu baku, markers, named actors) and the
/// readings the inference passes add one after another (kind, actors, decision, return target, when).
/// </summary>
internal sealed class StepDraft
{
    public required int No { get; init; }

    public required string Activity { get; init; }

    public IReadOnlyList<string> Kelengkapan { get; set; } = [];

    public StepDuration? Duration { get; init; }

    public string? Output { get; init; }

    public string? Note { get; init; }

    /// <summary>One marker per role column, in column order; empty when the table has no actor columns.</summary>
    public IReadOnlyList<ActorMarker> Markers { get; init; } = [];

    /// <summary>Roles the document names in words for this step (Pelaksana text or Keterangan).</summary>
    public IReadOnlyList<int> NamedActors { get; init; } = [];

    public IReadOnlyList<RoleMention> Mentions { get; init; } = [];

    public StepKind Kind { get; set; }

    public List<int> Actors { get; set; } = [];

    public ActorSource ActorSource { get; set; } = ActorSource.Unknown;

    /// <summary>The decision was read from Ya/Tidak markers rather than from the text.</summary>
    public bool DecisionByMarkers { get; set; }

    /// <summary>Index (in the step list) of the step redone after a return; review steps only.</summary>
    public int? ReturnTo { get; set; }

    public StepWhen When { get; set; } = StepWhen.Always;

    public string Id { get; set; } = "";

    public int? Assignee => Actors.Count > 0 ? Actors[0] : null;

    public bool IsMarked => Markers.Any(m => !m.IsEmpty);

    public IEnumerable<int> MarkedColumns => Enumerable.Range(0, Markers.Count).Where(i => !Markers[i].IsEmpty);

    public bool HasMarker(MarkerKind kind) => Markers.Any(m => m.Has(kind));

    public IEnumerable<RoleMention> MainMentions(MentionRole part) => Mentions.Where(m => m.Clause == MentionClause.Main && m.As == part);
}

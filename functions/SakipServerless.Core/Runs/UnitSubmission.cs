namespace SakipServerless.Core.Runs;

/// <summary>What a unit sent for a collect step: realisasi per indicator and the evidence file ids.</summary>
public sealed record UnitSubmission
{
    public required DateTimeOffset SubmittedAt { get; init; }

    public required string SubmittedBy { get; init; }

    public IReadOnlyList<RealisasiEntry> Realisasi { get; init; } = [];

    public IReadOnlyList<string> EvidenceFileIds { get; init; } = [];

    public string? Note { get; init; }
}

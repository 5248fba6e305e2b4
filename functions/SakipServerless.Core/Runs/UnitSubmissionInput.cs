namespace SakipServerless.Core.Runs;

/// <summary>A unit's submission command: realisasi per indicator (already validated against the indicators' satuan) and evidence file ids.</summary>
public sealed record UnitSubmissionInput(IReadOnlyList<RealisasiEntry> Realisasi, IReadOnlyList<string> EvidenceFileIds, string? Note = null);

using SakipServerless.Core.Capaian;

namespace SakipServerless.Core.MasterData;

/// <summary>
/// An indicator of an OPD's Perjanjian Kinerja with its targets for one year: the yearly target and the
/// Rencana Aksi's quarterly split. Stored as one document per indicator and year.
/// </summary>
public sealed record IndicatorRecord
{
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string OpdId { get; init; }

    public required int Year { get; init; }

    /// <summary>The pemda's own code of the indicator (e.g. "IKU 1.2"), unique within the OPD and year; null on older records.</summary>
    public string? Kode { get; init; }

    public required string Sasaran { get; init; }

    public required string Name { get; init; }

    public required string Satuan { get; init; }

    public required Polarity Polarity { get; init; }

    public required AggregationType Aggregation { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    /// <summary>How far (a ratio) a realisasi may lie from its target or previous quarter before the submitter must confirm it; null for the default.</summary>
    public decimal? OutlierFactor { get; init; }

    /// <summary>Yearly target (Perjanjian Kinerja).</summary>
    public decimal? TargetTahunan { get; init; }

    public decimal? TargetQ1 { get; init; }

    public decimal? TargetQ2 { get; init; }

    public decimal? TargetQ3 { get; init; }

    public decimal? TargetQ4 { get; init; }

    public Indicator ToIndicator() => new(Id, Name, Satuan, Polarity, Aggregation, Sasaran, Min, Max);

    public TriwulanValues Targets => new(Year, TargetQ1, TargetQ2, TargetQ3, TargetQ4);
}

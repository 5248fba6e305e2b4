using SakipServerless.Core.Capaian;
using SakipServerless.Core.MasterData;

namespace SakipServerless.Api.Seeding;

/// <summary>An indicator of the demo Perjanjian Kinerja: what it measures, its targets, and which units report it.</summary>
internal sealed record DemoIndicator
{
    public required string Id { get; init; }

    public required string Sasaran { get; init; }

    public required string Name { get; init; }

    public required string Satuan { get; init; }

    public required Polarity Polarity { get; init; }

    public required AggregationType Aggregation { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public decimal? TargetTahunan { get; init; }

    /// <summary>The Rencana Aksi split: four values, null where the quarter has no target (e.g. a yearly evaluation).</summary>
    public required IReadOnlyList<decimal?> TargetTriwulan { get; init; }

    /// <summary>True when the source had no target and the values are examples for the demo.</summary>
    public bool TargetDemo { get; init; }

    /// <summary>Units that send realisasi of this indicator in the collect step; empty when the OPD reports it itself.</summary>
    public IReadOnlyList<string> ReportedBy { get; init; } = [];

    public string? Source { get; init; }

    public string? Note { get; init; }

    /// <summary>Indicator documents are per year, so the stored id carries the year.</summary>
    public string RecordId(int year) => $"{Id}-{year}";

    public decimal? TargetFor(int quarter) => TargetTriwulan[quarter - 1];

    /// <param name="kode">The pemda's code of the indicator, e.g. "IKU 3".</param>
    public IndicatorRecord ToRecord(string tenantId, string opdId, int year, string? kode = null) => new()
    {
        Id = RecordId(year),
        TenantId = tenantId,
        OpdId = opdId,
        Year = year,
        Kode = kode,
        Sasaran = Sasaran,
        Name = Name,
        Satuan = Satuan,
        Polarity = Polarity,
        Aggregation = Aggregation,
        Min = Min,
        Max = Max,
        TargetTahunan = TargetTahunan,
        TargetQ1 = TargetTriwulan[0],
        TargetQ2 = TargetTriwulan[1],
        TargetQ3 = TargetTriwulan[2],
        TargetQ4 = TargetTriwulan[3],
    };
}

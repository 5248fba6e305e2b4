using SakipServerless.Core.Capaian;
using SakipServerless.Core.MasterData;

namespace SakipServerless.Api.MasterData.Indicators;

/// <summary>
/// An indicator with its targets as read from a JSON body or a CSV row, before it has an id: the one shape both
/// inputs are checked in, so the JSON API and the import can never disagree on what is valid.
/// </summary>
public sealed record IndicatorDraft(
    string Kode,
    string Sasaran,
    string Name,
    string Satuan,
    Polarity Polarity,
    AggregationType Aggregation,
    decimal? Min,
    decimal? Max,
    decimal? TargetTahunan,
    decimal? TargetQ1,
    decimal? TargetQ2,
    decimal? TargetQ3,
    decimal? TargetQ4,
    decimal? OutlierFactor = null)
{
    public IndicatorRecord ToRecord(string id, string tenantId, string opdId, int year) => new()
    {
        Id = id,
        TenantId = tenantId,
        OpdId = opdId,
        Year = year,
        Kode = Kode,
        Sasaran = Sasaran,
        Name = Name,
        Satuan = Satuan,
        Polarity = Polarity,
        Aggregation = Aggregation,
        Min = Min,
        Max = Max,
        TargetTahunan = TargetTahunan,
        TargetQ1 = TargetQ1,
        TargetQ2 = TargetQ2,
        TargetQ3 = TargetQ3,
        TargetQ4 = TargetQ4,
        OutlierFactor = OutlierFactor,
    };
}

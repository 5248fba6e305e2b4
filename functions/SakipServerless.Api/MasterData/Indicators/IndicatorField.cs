namespace SakipServerless.Api.MasterData.Indicators;

/// <summary>The fields of an indicator that validation can point at; JSON names them in camelCase, CSV by its column.</summary>
public enum IndicatorField
{
    Kode,
    Year,
    Sasaran,
    Name,
    Satuan,
    Polarity,
    Aggregation,
    Min,
    Max,
    TargetTahunan,
    TargetQ1,
    TargetQ2,
    TargetQ3,
    TargetQ4,
    OutlierFactor,
}

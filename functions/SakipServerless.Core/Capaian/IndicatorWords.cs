namespace SakipServerless.Core.Capaian;

/// <summary>
/// The Indonesian words people read for an indicator's polarity and aggregation. The dashboard prints them and the
/// indicator import accepts them, so a sheet copied from what the dashboard shows is read back as the same indicator.
/// </summary>
public static class IndicatorWords
{
    public static string Describe(Polarity polarity) => polarity switch
    {
        Polarity.Negative => "makin kecil makin baik",
        _ => "makin besar makin baik",
    };

    public static string Describe(AggregationType aggregation) => aggregation switch
    {
        AggregationType.NonKumulatif => "non-kumulatif",
        AggregationType.RataRata => "rata-rata",
        _ => "kumulatif",
    };
}

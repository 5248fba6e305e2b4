namespace SakipServerless.Api.Dashboard;

/// <summary>What a numeric rekap column holds; capaian columns are percent points, the others are in the indicator's satuan.</summary>
public enum RekapMeasure
{
    Target,
    Realisasi,
    Capaian,
}

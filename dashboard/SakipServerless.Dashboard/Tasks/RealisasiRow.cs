using SakipServerless.Core.Capaian;
using SakipServerless.Core.MasterData;
using SakipServerless.Dashboard.Shared;

namespace SakipServerless.Dashboard.Tasks;

/// <summary>
/// One indicator line of a unit's submission form: what the person typed, its parsed value, the field's error and
/// the capaian it would give against the triwulan's target — computed with the domain's own calculator, so the
/// preview is what the dashboard will later report.
/// </summary>
public sealed class RealisasiRow(IndicatorRecord indicator, int quarter)
{
    public IndicatorRecord Indicator { get; } = indicator;

    public decimal? Target { get; } = quarter switch
    {
        1 => indicator.TargetQ1,
        2 => indicator.TargetQ2,
        3 => indicator.TargetQ3,
        _ => indicator.TargetQ4,
    };

    public string Text { get; set; } = "";

    public string? Note { get; set; }

    public decimal? Value { get; private set; }

    public string? Error { get; private set; }

    public CapaianResult? Preview { get; private set; }

    /// <summary>Counts (whole-number satuan) from several units add up to the OPD's figure; a unit's own capaian is then only its share.</summary>
    public bool IsShare => SatuanRules.Find(Indicator.Satuan) is { WholeNumber: true };

    /// <summary>Parses and checks the typed value with the same rule the backend applies; empty means "not reported".</summary>
    public void Validate(CapaianCalculator calculator)
    {
        Value = null;
        Error = null;
        Preview = null;
        if (string.IsNullOrWhiteSpace(Text))
        {
            return;
        }

        if (!IndonesianText.TryParseNumber(Text, out decimal value))
        {
            Error = $"“{Text}” bukan angka. Tulis angka saja, desimal dengan koma, mis. 95,5.";
            return;
        }

        if (Indicator.ToIndicator().ValidateRealisasi(value) is { } problem)
        {
            Error = problem;
            return;
        }

        Value = value;
        Preview = calculator.Compute(Indicator.Polarity, Target, value);
    }

    public void Fail(string message) => Error = message;

    /// <summary>The backend's plausibility warning (far from target or the previous quarter), which the submitter must confirm.</summary>
    public string? Warning { get; private set; }

    public void Warn(string message) => Warning = message;
}

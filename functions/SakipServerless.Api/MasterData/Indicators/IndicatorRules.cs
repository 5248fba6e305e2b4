using SakipServerless.Core.Capaian;

namespace SakipServerless.Api.MasterData.Indicators;

/// <summary>
/// What makes an indicator and its targets valid: lengths, a realisasi range that the satuan allows (checked by the
/// core <see cref="Indicator"/> itself), and every target inside that range — a target nobody could ever realise is
/// a typo (e.g. 850 for 85,0 %). Quarter/year mismatches are only warnings: Rencana Aksi practice varies.
/// </summary>
public static class IndicatorRules
{
    public const int MaxKode = 50;
    public const int MaxSatuan = 50;
    public const int MaxText = 500;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static IReadOnlyList<IndicatorError> Check(IndicatorDraft draft)
    {
        var errors = new List<IndicatorError>();
        if (draft.Kode.Length > MaxKode)
        {
            errors.Add(new(IndicatorField.Kode, $"Kode paling banyak {MaxKode} karakter."));
        }
        else if (IndicatorKode.Key(draft.Kode).Length == 0)
        {
            errors.Add(new(IndicatorField.Kode, $"Kode '{draft.Kode}' harus memuat huruf atau angka."));
        }

        if (draft.Sasaran.Length > MaxText)
        {
            errors.Add(new(IndicatorField.Sasaran, $"Sasaran paling banyak {MaxText} karakter."));
        }

        if (draft.Name.Length > MaxText)
        {
            errors.Add(new(IndicatorField.Name, $"Nama indikator paling banyak {MaxText} karakter."));
        }

        if (draft.Satuan.Length > MaxSatuan)
        {
            errors.Add(new(IndicatorField.Satuan, $"Satuan paling banyak {MaxSatuan} karakter."));
            return errors;
        }

        if (draft.OutlierFactor is { } factor && (factor < RealisasiPlausibility.MinFactor || factor > 100m))
        {
            errors.Add(new(IndicatorField.OutlierFactor,
                $"Faktor kewajaran {MasterDataText.Number(factor)} tidak sah; isi {MasterDataText.Number(RealisasiPlausibility.MinFactor)} sampai 100 (mis. 2 = dua kali atau setengah dari target), atau kosongkan untuk bawaan {MasterDataText.Number(RealisasiPlausibility.DefaultFactor)}."));
        }

        Indicator indicator;
        try
        {
            indicator = new Indicator("draft", draft.Name, draft.Satuan, draft.Polarity, draft.Aggregation, draft.Sasaran, draft.Min, draft.Max);
        }
        catch (ArgumentException e)
        {
            errors.Add(new(draft.Min is null ? IndicatorField.Max : IndicatorField.Min, WithoutParameterName(e)));
            return errors;
        }

        var rule = SatuanRules.Find(indicator.Satuan);
        foreach (var (field, value) in Targets(draft))
        {
            if (value is not { } target)
            {
                continue;
            }

            if (target < indicator.RealisasiMin || target > indicator.RealisasiMax)
            {
                errors.Add(new(field, indicator.RealisasiMax is { } max
                    ? $"Target {MasterDataText.Number(target)} di luar rentang {MasterDataText.Number(indicator.RealisasiMin)}–{MasterDataText.Number(max)} {indicator.Satuan}."
                    : $"Target {MasterDataText.Number(target)} tidak boleh kurang dari {MasterDataText.Number(indicator.RealisasiMin)} {indicator.Satuan}."));
            }
            else if (rule is { WholeNumber: true } && target != decimal.Truncate(target))
            {
                errors.Add(new(field, $"Target dengan satuan {indicator.Satuan} harus bilangan bulat, bukan {MasterDataText.Number(target)}."));
            }
        }

        return errors;
    }

    /// <summary>How the quarters relate to the yearly target under the indicator's aggregation, when they disagree.</summary>
    public static IReadOnlyList<string> Warnings(IndicatorDraft draft)
    {
        if (draft is not { TargetTahunan: { } year, TargetQ1: { } q1, TargetQ2: { } q2, TargetQ3: { } q3, TargetQ4: { } q4 })
        {
            return [];
        }

        return draft.Aggregation switch
        {
            AggregationType.Kumulatif when q1 + q2 + q3 + q4 != year =>
                [$"Jumlah target TW I–IV ({MasterDataText.Number(q1 + q2 + q3 + q4)}) tidak sama dengan target tahunan ({MasterDataText.Number(year)}); rekap tahunan indikator kumulatif menjumlahkan triwulan."],
            AggregationType.NonKumulatif when q4 != year =>
                [$"Target TW IV ({MasterDataText.Number(q4)}) berbeda dengan target tahunan ({MasterDataText.Number(year)}); rekap tahunan indikator non-kumulatif memakai triwulan terakhir."],
            AggregationType.RataRata when decimal.Round((q1 + q2 + q3 + q4) / 4, 2) != decimal.Round(year, 2) =>
                [$"Rata-rata target TW I–IV ({MasterDataText.Number(decimal.Round((q1 + q2 + q3 + q4) / 4, 2))}) berbeda dengan target tahunan ({MasterDataText.Number(year)})."],
            _ => [],
        };
    }

    private static IEnumerable<(IndicatorField Field, decimal? Value)> Targets(IndicatorDraft d) =>
    [
        (IndicatorField.TargetTahunan, d.TargetTahunan),
        (IndicatorField.TargetQ1, d.TargetQ1),
        (IndicatorField.TargetQ2, d.TargetQ2),
        (IndicatorField.TargetQ3, d.TargetQ3),
        (IndicatorField.TargetQ4, d.TargetQ4),
    ];

    /// <summary>The core's message is already in Bahasa Indonesia; .NET appends "(Parameter 'min')", which users must not see.</summary>
    private static string WithoutParameterName(ArgumentException e) =>
        e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
}

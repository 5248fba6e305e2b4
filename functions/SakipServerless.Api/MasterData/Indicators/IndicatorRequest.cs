using SakipServerless.Core.Capaian;

namespace SakipServerless.Api.MasterData.Indicators;

/// <summary>An indicator with its targets as sent in JSON (the stored <c>IndicatorRecord</c> shape without ids).</summary>
public sealed record IndicatorRequest(
    string? Kode,
    int? Year,
    string? Sasaran,
    string? Name,
    string? Satuan,
    Polarity? Polarity,
    AggregationType? Aggregation,
    decimal? Min,
    decimal? Max,
    decimal? TargetTahunan,
    decimal? TargetQ1,
    decimal? TargetQ2,
    decimal? TargetQ3,
    decimal? TargetQ4,
    decimal? OutlierFactor = null)
{
    /// <summary>The draft, or null after adding an error for every required field that is missing.</summary>
    public IndicatorDraft? ToDraft(ValidationErrors errors)
    {
        string? kode = MasterDataText.Clean(Kode);
        string? sasaran = MasterDataText.Clean(Sasaran);
        string? name = MasterDataText.Clean(Name);
        string? satuan = MasterDataText.Clean(Satuan);
        Require(errors, kode, IndicatorField.Kode, "Kode indikator wajib diisi (mis. IKU 1).");
        Require(errors, sasaran, IndicatorField.Sasaran, "Sasaran wajib diisi.");
        Require(errors, name, IndicatorField.Name, "Nama indikator wajib diisi.");
        Require(errors, satuan, IndicatorField.Satuan, "Satuan wajib diisi (mis. %, dokumen, orang).");
        Require(errors, Polarity, IndicatorField.Polarity, "Polaritas wajib dipilih: positive (makin tinggi makin baik) atau negative (makin rendah makin baik).");
        Require(errors, Aggregation, IndicatorField.Aggregation, "Agregasi wajib dipilih: kumulatif, non-kumulatif atau rata-rata.");
        if (kode is null || sasaran is null || name is null || satuan is null || Polarity is null || Aggregation is null)
        {
            return null;
        }

        var draft = new IndicatorDraft(kode, sasaran, name, satuan, Polarity.Value, Aggregation.Value, Min, Max, TargetTahunan, TargetQ1, TargetQ2, TargetQ3, TargetQ4, OutlierFactor);
        foreach (var error in IndicatorRules.Check(draft))
        {
            errors.Add(FieldName(error.Field), error.Message);
        }

        return errors.Any ? null : draft;
    }

    /// <summary>The JSON name of a field, as the request spells it.</summary>
    public static string FieldName(IndicatorField field) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field.ToString());

    private static void Require(ValidationErrors errors, object? value, IndicatorField field, string message)
    {
        if (value is null)
        {
            errors.Add(FieldName(field), message);
        }
    }
}

using SakipServerless.Core.Capaian;

namespace SakipServerless.Core.Tests.Capaian;

public sealed class IndicatorTests
{
    private static Indicator WithSatuan(string satuan, decimal? min = null, decimal? max = null) =>
        new("uji", "Indikator uji", satuan, Polarity.Positive, AggregationType.NonKumulatif, min: min, max: max);

    public static TheoryData<string, decimal?, decimal?, decimal, string?> RealisasiCases => new()
    {
        // "%" is 0..100 unless the indicator's range says otherwise.
        { "%", null, null, 0m, null },
        { "%", null, null, 100m, null },
        { "%", null, null, 87.25m, null },
        { "%", null, null, 100.5m, "Realisasi harus antara 0 dan 100 %." },
        { "%", null, null, -1m, "Realisasi harus antara 0 dan 100 %." },
        { "persen", null, null, 101m, "Realisasi harus antara 0 dan 100 persen." },
        { " Persen ", null, null, 101m, "Realisasi harus antara 0 dan 100 Persen." },
        { "%", null, 150m, 120m, null },
        { "%", -100m, null, -20m, null },
        { "%", -100m, null, -150m, "Realisasi harus antara -100 dan 100 %." },
        { "%", null, 99.5m, 99.75m, "Realisasi harus antara 0 dan 99,5 %." },
        // Counts must be whole numbers and not negative.
        { "kejadian", null, null, 2m, null },
        { "kejadian", null, null, 2.5m, "Realisasi dengan satuan kejadian harus berupa bilangan bulat." },
        { "kejadian", null, null, -1m, "Realisasi tidak boleh bernilai negatif." },
        { "dokumen", null, null, 3.0m, null },
        { "dokumen", null, null, 0.5m, "Realisasi dengan satuan dokumen harus berupa bilangan bulat." },
        { "orang", null, null, 1.5m, "Realisasi dengan satuan orang harus berupa bilangan bulat." },
        { "kali", null, null, 1.5m, "Realisasi dengan satuan kali harus berupa bilangan bulat." },
        { "laporan", null, null, 12m, null },
        { "laporan", null, null, 1.5m, "Realisasi dengan satuan laporan harus berupa bilangan bulat." },
        // A satuan without a rule: only the default lower bound 0 applies.
        { "nilai", null, null, 87.5m, null },
        { "nilai", null, null, 1250m, null },
        { "nilai", null, null, -3m, "Realisasi tidak boleh bernilai negatif." },
        { "nilai", 60m, null, 59.5m, "Realisasi tidak boleh kurang dari 60 nilai." },
        { "nilai", -10m, null, -5m, null },
    };

    [Theory]
    [MemberData(nameof(RealisasiCases))]
    public void Realisasi_is_checked_against_the_satuan_and_the_indicator_range(string satuan, decimal? min, decimal? max, decimal value, string? error)
    {
        Assert.Equal(error, WithSatuan(satuan, min, max).ValidateRealisasi(value));
    }

    [Theory]
    [InlineData(0, "Realisasi harus antara 1 dan 5 Level.")]
    [InlineData(6, "Realisasi harus antara 1 dan 5 Level.")]
    [InlineData(3, null)]
    [InlineData(5, null)]
    public void The_apip_capability_level_must_lie_between_1_and_5(int level, string? error)
    {
        Assert.Equal(error, SampleIndicators.KapabilitasApip.ValidateRealisasi(level));
    }

    [Fact]
    public void Konflik_sosial_takes_whole_incidents_only()
    {
        Assert.Null(SampleIndicators.KonflikSosial.ValidateRealisasi(0m));
        Assert.Equal(
            "Realisasi dengan satuan kejadian harus berupa bilangan bulat.",
            SampleIndicators.KonflikSosial.ValidateRealisasi(0.5m));
    }

    [Fact]
    public void A_penurunan_percentage_may_go_negative_because_its_range_allows_it()
    {
        Assert.Null(SampleIndicators.PenurunanKonflikSosial.ValidateRealisasi(-25m));
        Assert.NotNull(SampleIndicators.PenyelesaianKonflikSosial.ValidateRealisasi(-25m));
    }

    [Fact]
    public void The_effective_range_combines_the_indicator_range_with_the_satuan_rule()
    {
        Assert.Equal(0m, WithSatuan("%").RealisasiMin);
        Assert.Equal(100m, WithSatuan("%").RealisasiMax);
        Assert.Equal(150m, WithSatuan("%", max: 150m).RealisasiMax);
        Assert.Null(WithSatuan("orang").RealisasiMax);
    }

    [Theory]
    [InlineData("nilai", 10, 5)]
    [InlineData("%", 150, null)]
    [InlineData("nilai", null, -1)]
    public void An_empty_realisasi_range_is_rejected_when_the_indicator_is_configured(string satuan, int? min, int? max)
    {
        var error = Assert.Throws<ArgumentException>(() => WithSatuan(satuan, min, max));

        Assert.StartsWith("Rentang realisasi indikator 'Indikator uji' tidak valid", error.Message);
    }

    [Theory]
    [InlineData("", "Nama", "%")]
    [InlineData("id", " ", "%")]
    [InlineData("id", "Nama", "")]
    public void An_indicator_needs_an_id_a_name_and_a_satuan(string id, string name, string satuan)
    {
        Assert.Throws<ArgumentException>(() => new Indicator(id, name, satuan, Polarity.Positive, AggregationType.Kumulatif));
    }
}

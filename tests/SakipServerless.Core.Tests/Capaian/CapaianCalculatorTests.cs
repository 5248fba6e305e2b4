using SakipServerless.Core.Capaian;

namespace SakipServerless.Core.Tests.Capaian;

public sealed class CapaianCalculatorTests
{
    private static readonly CapaianCalculator Calculator = new(CapaianSettings.Default);

    public static TheoryData<Polarity, decimal, decimal, decimal> ComputableCases => new()
    {
        // Positive: R / T × 100.
        { Polarity.Positive, 100m, 80m, 80m },
        { Polarity.Positive, 55m, 55m, 100m },
        { Polarity.Positive, 55m, 60.5m, 110m },
        { Polarity.Positive, 100m, 0m, 0m },
        { Polarity.Positive, 8m, 7.21m, 90.125m },
        // Negative: (2T − R) / T × 100.
        { Polarity.Negative, 10m, 8m, 120m },
        { Polarity.Negative, 10m, 10m, 100m },
        { Polarity.Negative, 10m, 15m, 50m },
        { Polarity.Negative, 2.5m, 3m, 80m },
        { Polarity.Negative, 10m, 20m, 0m },
        // Negative, realisasi beyond twice the target: the formula gives −50, floored at 0.
        { Polarity.Negative, 10m, 25m, 0m },
        // Negative with target 0: 0 is met in full, anything above is not met at all.
        { Polarity.Negative, 0m, 0m, 100m },
        { Polarity.Negative, 0m, 1m, 0m },
        { Polarity.Negative, 0m, 3m, 0m },
        // Positive with a negative realisasi (only where the range allows it): floored at 0 as well.
        { Polarity.Positive, 50m, -10m, 0m },
    };

    [Theory]
    [MemberData(nameof(ComputableCases))]
    public void Capaian_follows_the_formula_of_the_indicator_polarity(Polarity polarity, decimal target, decimal realisasi, decimal expected)
    {
        var result = Calculator.Compute(polarity, target, realisasi);

        Assert.True(result.IsComputable);
        Assert.Null(result.Reason);
        Assert.Equal(expected, result.RawValue);
        Assert.Equal(expected, result.CappedValue);
        Assert.False(result.IsCapped);
        Assert.NotNull(result.Predicate);
    }

    public static TheoryData<Polarity, decimal?, decimal?, string> NotComputableCases => new()
    {
        { Polarity.Positive, 0m, 5m, "Target bernilai 0, capaian tidak dapat dihitung" },
        { Polarity.Positive, 0m, 0m, "Target bernilai 0, capaian tidak dapat dihitung" },
        // A zero target is the configuration problem to fix first, even before realisasi arrives.
        { Polarity.Positive, 0m, null, "Target bernilai 0, capaian tidak dapat dihitung" },
        { Polarity.Positive, null, 5m, "Target belum ditetapkan, capaian tidak dapat dihitung" },
        { Polarity.Negative, null, 0m, "Target belum ditetapkan, capaian tidak dapat dihitung" },
        { Polarity.Positive, null, null, "Target belum ditetapkan, capaian tidak dapat dihitung" },
        { Polarity.Positive, 100m, null, "Realisasi belum diisi, capaian tidak dapat dihitung" },
        { Polarity.Negative, 10m, null, "Realisasi belum diisi, capaian tidak dapat dihitung" },
        { Polarity.Negative, 0m, null, "Realisasi belum diisi, capaian tidak dapat dihitung" },
        { Polarity.Positive, -5m, 3m, "Target bernilai negatif, capaian tidak dapat dihitung" },
        { Polarity.Negative, -5m, 3m, "Target bernilai negatif, capaian tidak dapat dihitung" },
    };

    [Theory]
    [MemberData(nameof(NotComputableCases))]
    public void Capaian_that_cannot_be_computed_says_why_instead_of_dividing(Polarity polarity, decimal? target, decimal? realisasi, string reason)
    {
        var result = Calculator.Compute(polarity, target, realisasi);

        Assert.False(result.IsComputable);
        Assert.Equal(reason, result.Reason);
        Assert.Null(result.RawValue);
        Assert.Null(result.CappedValue);
        Assert.Null(result.DisplayValue);
        Assert.False(result.IsCapped);
        Assert.Null(result.Predicate);
        Assert.Null(result.Band);
    }

    public static TheoryData<decimal?, decimal, decimal, bool, string> CapCases => new()
    {
        { null, 130m, 130m, false, "Sangat Tinggi" },
        { 100m, 130m, 100m, true, "Sangat Tinggi" },
        { 120m, 130m, 120m, true, "Sangat Tinggi" },
        { 120m, 110m, 110m, false, "Sangat Tinggi" },
        { 100m, 100m, 100m, false, "Sangat Tinggi" },
        { 100m, 80m, 80m, false, "Tinggi" },
    };

    [Theory]
    [MemberData(nameof(CapCases))]
    public void The_cap_limits_the_reported_capaian_but_keeps_the_raw_value(decimal? cap, decimal raw, decimal capped, bool isCapped, string predicate)
    {
        var calculator = new CapaianCalculator(new CapaianSettings(cap));

        var result = calculator.Compute(Polarity.Positive, 100m, raw);

        Assert.Equal(raw, result.RawValue);
        Assert.Equal(capped, result.CappedValue);
        Assert.Equal(isCapped, result.IsCapped);
        Assert.Equal(predicate, result.Predicate);
    }

    [Fact]
    public void The_cap_also_applies_to_negative_indicators()
    {
        var calculator = new CapaianCalculator(new CapaianSettings(100m));

        var result = calculator.Compute(SampleIndicators.AngkaKriminalitas, 2.5m, 2m);

        Assert.Equal(120m, result.RawValue);
        Assert.Equal(100m, result.CappedValue);
        Assert.True(result.IsCapped);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_cap_below_100_percent_is_rejected(int cap)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CapaianSettings(cap));
    }

    [Fact]
    public void Display_rounds_half_away_from_zero_but_the_raw_value_keeps_every_digit()
    {
        // 7.21 / 8 × 100 = 90.125 exactly; banker's rounding would show 90.12.
        var result = Calculator.Compute(Polarity.Positive, 8m, 7.21m);

        Assert.Equal(90.125m, result.RawValue);
        Assert.Equal(90.13m, result.DisplayValue);
        Assert.Equal(90.13m, result.DisplayRawValue);
    }

    [Fact]
    public void A_repeating_fraction_is_kept_exact_and_shown_with_two_decimals()
    {
        var result = Calculator.Compute(Polarity.Positive, 3m, 2m);

        Assert.Equal(200m / 3m, result.RawValue);
        Assert.Equal(66.67m, result.DisplayValue);
        Assert.Equal("Sedang", result.Predicate);
    }

    [Fact]
    public void Konflik_sosial_with_target_0_and_no_incident_is_100_percent_as_Wonogiri_reported_it()
    {
        var result = Calculator.Compute(SampleIndicators.KonflikSosial, target: 0m, realisasi: 0m);

        Assert.Equal(100m, result.CappedValue);
        Assert.Equal("Sangat Tinggi", result.Predicate);
    }

    [Fact]
    public void Konflik_sosial_with_target_0_and_any_incident_is_0_percent()
    {
        var result = Calculator.Compute(SampleIndicators.KonflikSosial, target: 0m, realisasi: 2m);

        Assert.Equal(0m, result.CappedValue);
        Assert.Equal("Sangat Rendah", result.Predicate);
    }

    [Fact]
    public void Sampang_temuan_keuangan_with_realisasi_na_is_not_computable()
    {
        var result = Calculator.Compute(SampleIndicators.PenurunanTemuanKeuangan, target: 55m, realisasi: null);

        Assert.False(result.IsComputable);
        Assert.Equal("Realisasi belum diisi, capaian tidak dapat dihitung", result.Reason);
    }

    [Fact]
    public void Computing_for_an_indicator_uses_its_polarity()
    {
        // Same numbers, opposite polarities: 3 against 2.5 is 120 % when higher is better, 80 % when lower is.
        var negative = Calculator.Compute(SampleIndicators.AngkaKriminalitas, 2.5m, 3m);
        var positive = Calculator.Compute(SampleIndicators.PenyelesaianKonflikSosial, 2.5m, 3m);

        Assert.Equal(80m, negative.CappedValue);
        Assert.Equal(120m, positive.CappedValue);
    }
}

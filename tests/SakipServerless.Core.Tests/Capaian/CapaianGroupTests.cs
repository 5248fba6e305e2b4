using SakipServerless.Core.Capaian;

namespace SakipServerless.Core.Tests.Capaian;

public sealed class CapaianGroupTests
{
    private static readonly CapaianCalculator Calculator = new(CapaianSettings.Default);

    // Target 100 on a positive indicator: the capaian equals the realisasi; null realisasi is not computable.
    private static CapaianResult Capaian(CapaianCalculator calculator, decimal? realisasi) =>
        calculator.Compute(Polarity.Positive, 100m, realisasi);

    [Fact]
    public void A_group_averages_the_capaian_of_its_indicators()
    {
        var group = Calculator.Average([Capaian(Calculator, 80m), Capaian(Calculator, 100m), Capaian(Calculator, 120m)]);

        Assert.Equal(100m, group.Capaian.CappedValue);
        Assert.Equal("Sangat Tinggi", group.Capaian.Predicate);
        Assert.Equal(3, group.IncludedCount);
        Assert.Equal(0, group.ExcludedCount);
    }

    [Fact]
    public void A_group_averages_capped_values_not_raw_ones()
    {
        var calculator = new CapaianCalculator(new CapaianSettings(100m));

        // Raw 150 and 60 would average 105; capped, they are 100 and 60.
        var group = calculator.Average([Capaian(calculator, 150m), Capaian(calculator, 60m)]);

        Assert.Equal(80m, group.Capaian.CappedValue);
        Assert.Equal("Tinggi", group.Capaian.Predicate);
    }

    [Fact]
    public void Indicators_that_cannot_be_computed_are_left_out_and_counted_not_averaged_as_zero()
    {
        var group = Calculator.Average([Capaian(Calculator, 80m), Capaian(Calculator, null), Capaian(Calculator, 90m), Capaian(Calculator, null)]);

        Assert.Equal(85m, group.Capaian.CappedValue);
        Assert.Equal(2, group.IncludedCount);
        Assert.Equal(2, group.ExcludedCount);
        Assert.Equal(4, group.TotalCount);
    }

    [Fact]
    public void A_group_with_no_computable_indicator_is_itself_not_computable()
    {
        var group = Calculator.Average([Capaian(Calculator, null), Calculator.Compute(Polarity.Positive, 0m, 5m)]);

        Assert.False(group.Capaian.IsComputable);
        Assert.Equal("Tidak ada indikator yang capaiannya dapat dihitung", group.Capaian.Reason);
        Assert.Null(group.Capaian.Predicate);
        Assert.Equal(0, group.IncludedCount);
        Assert.Equal(2, group.ExcludedCount);
    }

    [Fact]
    public void An_empty_group_is_not_computable()
    {
        var group = Calculator.Average([]);

        Assert.False(group.Capaian.IsComputable);
        Assert.Equal("Kelompok ini tidak memiliki indikator, capaian tidak dapat dihitung", group.Capaian.Reason);
        Assert.Equal(0, group.TotalCount);
    }

    [Fact]
    public void A_kesbangpol_opd_averages_konflik_sosial_and_angka_kriminalitas_and_leaves_out_the_missing_target()
    {
        var results = new[]
        {
            Calculator.Compute(SampleIndicators.KonflikSosial, 0m, 0m),               // 100
            Calculator.Compute(SampleIndicators.AngkaKriminalitas, 2.5m, 3m),         // (5 − 3) / 2.5 = 80
            Calculator.Compute(SampleIndicators.PenyelesaianKonflikSosial, null, 75m), // no target
        };

        var opd = Calculator.Average(results);

        Assert.Equal(90m, opd.Capaian.CappedValue);
        Assert.Equal("Tinggi", opd.Capaian.Predicate);
        Assert.Equal(1, opd.ExcludedCount);
    }

    [Fact]
    public void Indicators_grouped_by_sasaran_each_get_their_own_average()
    {
        var rows = new (Indicator Indicator, decimal Target, decimal Realisasi)[]
        {
            (SampleIndicators.PkptDilaksanakan, 100m, 90m),
            (SampleIndicators.PengaduanDitangani, 80m, 80m),
            (SampleIndicators.PenurunanTemuanKeuangan, 55m, 33m),
        };

        var bySasaran = rows
            .GroupBy(r => r.Indicator.Sasaran)
            .ToDictionary(g => g.Key!, g => Calculator.Average(g.Select(r => Calculator.Compute(r.Indicator, r.Target, r.Realisasi))));

        Assert.Equal(95m, bySasaran[SampleIndicators.PkptDilaksanakan.Sasaran!].Capaian.CappedValue);
        Assert.Equal(60m, bySasaran[SampleIndicators.PenurunanTemuanKeuangan.Sasaran!].Capaian.CappedValue);
        Assert.Equal("Rendah", bySasaran[SampleIndicators.PenurunanTemuanKeuangan.Sasaran!].Capaian.Predicate);
    }
}

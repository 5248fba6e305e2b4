using SakipServerless.Core.Capaian;

using SakipServerless.Core.Periods;

namespace SakipServerless.Core.Tests.Capaian;

public sealed class RekapTests
{
    private const int Year = 2026;
    private static readonly TriwulanValues Full = new(Year, 10m, 20m, 30m, 40m);
    private static readonly TriwulanValues Gaps = new(Year, 10m, null, 30m, null);
    private static readonly CapaianCalculator Calculator = new(CapaianSettings.Default);

    public static TheoryData<AggregationType, PeriodKind, int, decimal> FullYearCases => new()
    {
        { AggregationType.Kumulatif, PeriodKind.Triwulan, 1, 10m },
        { AggregationType.Kumulatif, PeriodKind.Triwulan, 3, 30m },
        { AggregationType.Kumulatif, PeriodKind.Semester, 1, 30m },
        { AggregationType.Kumulatif, PeriodKind.Semester, 2, 70m },
        { AggregationType.Kumulatif, PeriodKind.Tahunan, 1, 100m },
        { AggregationType.NonKumulatif, PeriodKind.Triwulan, 2, 20m },
        { AggregationType.NonKumulatif, PeriodKind.Semester, 1, 20m },
        { AggregationType.NonKumulatif, PeriodKind.Semester, 2, 40m },
        { AggregationType.NonKumulatif, PeriodKind.Tahunan, 1, 40m },
        { AggregationType.RataRata, PeriodKind.Triwulan, 4, 40m },
        { AggregationType.RataRata, PeriodKind.Semester, 1, 15m },
        { AggregationType.RataRata, PeriodKind.Semester, 2, 35m },
        { AggregationType.RataRata, PeriodKind.Tahunan, 1, 25m },
    };

    [Theory]
    [MemberData(nameof(FullYearCases))]
    public void Full_quarters_aggregate_by_the_indicator_aggregation_type(AggregationType aggregation, PeriodKind kind, int index, decimal expected)
    {
        var period = new RekapPeriod(Year, kind, index);

        var rekap = Rekap.Aggregate(aggregation, Full, period);

        Assert.Equal(expected, rekap.Value);
        Assert.Equal(period.Triwulans.Count, rekap.QuartersWithData);
        Assert.True(rekap.IsComplete);
        Assert.Equal(period, rekap.Period);
        Assert.Equal(aggregation, rekap.Aggregation);
    }

    public static TheoryData<AggregationType, PeriodKind, int, decimal?, int> MissingQuarterCases => new()
    {
        // Q1 = 10, Q2 missing, Q3 = 30, Q4 missing.
        { AggregationType.Kumulatif, PeriodKind.Semester, 1, 10m, 1 },
        { AggregationType.Kumulatif, PeriodKind.Semester, 2, 30m, 1 },
        { AggregationType.Kumulatif, PeriodKind.Tahunan, 1, 40m, 2 },
        { AggregationType.Kumulatif, PeriodKind.Triwulan, 2, null, 0 },
        // The latest quarter that has a value, not the (missing) last quarter of the period.
        { AggregationType.NonKumulatif, PeriodKind.Semester, 1, 10m, 1 },
        { AggregationType.NonKumulatif, PeriodKind.Tahunan, 1, 30m, 2 },
        { AggregationType.NonKumulatif, PeriodKind.Triwulan, 4, null, 0 },
        // Averaged over the 2 quarters with data: 20, not 40 / 4 = 10.
        { AggregationType.RataRata, PeriodKind.Tahunan, 1, 20m, 2 },
        { AggregationType.RataRata, PeriodKind.Semester, 2, 30m, 1 },
        { AggregationType.RataRata, PeriodKind.Triwulan, 2, null, 0 },
    };

    [Theory]
    [MemberData(nameof(MissingQuarterCases))]
    public void Missing_quarters_are_skipped_never_counted_as_zero_and_reported(
        AggregationType aggregation, PeriodKind kind, int index, decimal? expected, int quartersWithData)
    {
        var rekap = Rekap.Aggregate(aggregation, Gaps, new RekapPeriod(Year, kind, index));

        Assert.Equal(expected, rekap.Value);
        Assert.Equal(quartersWithData, rekap.QuartersWithData);
        Assert.False(rekap.IsComplete);
    }

    [Theory]
    [InlineData(AggregationType.Kumulatif)]
    [InlineData(AggregationType.NonKumulatif)]
    [InlineData(AggregationType.RataRata)]
    public void A_year_without_any_data_aggregates_to_null_not_zero(AggregationType aggregation)
    {
        var rekap = Rekap.Aggregate(aggregation, new TriwulanValues(Year, null, null, null, null), RekapPeriod.Tahunan(Year));

        Assert.Null(rekap.Value);
        Assert.Equal(0, rekap.QuartersWithData);
        Assert.Equal(4, rekap.QuartersInPeriod);
    }

    [Fact]
    public void A_recorded_zero_is_data_unlike_a_missing_quarter()
    {
        var rekap = Rekap.Aggregate(AggregationType.RataRata, new TriwulanValues(Year, 0m, null, 60m, null), RekapPeriod.Tahunan(Year));

        Assert.Equal(30m, rekap.Value);
        Assert.Equal(2, rekap.QuartersWithData);
    }

    [Fact]
    public void Values_of_another_year_cannot_be_aggregated_for_a_period()
    {
        Assert.Throws<ArgumentException>(() => Rekap.Aggregate(AggregationType.Kumulatif, Full, RekapPeriod.Tahunan(2025)));
    }

    [Fact]
    public void Kumulatif_targets_and_realisasi_are_both_summed_before_comparing()
    {
        var target = new TriwulanValues(Year, 25m, 25m, 25m, 25m);
        var realisasi = new TriwulanValues(Year, 20m, 30m, 25m, 30m);

        var semesterI = Calculator.ComputeRekap(SampleIndicators.PkptDilaksanakan, target, realisasi, RekapPeriod.Semester(Year, 1));
        var tahunan = Calculator.ComputeRekap(SampleIndicators.PkptDilaksanakan, target, realisasi, RekapPeriod.Tahunan(Year));

        Assert.Equal(50m, semesterI.Target.Value);
        Assert.Equal(50m, semesterI.Realisasi.Value);
        Assert.Equal(100m, semesterI.Capaian.CappedValue);
        Assert.Equal(100m, tahunan.Target.Value);
        Assert.Equal(105m, tahunan.Realisasi.Value);
        Assert.Equal(105m, tahunan.Capaian.CappedValue);
        Assert.True(tahunan.IsComplete);
    }

    [Fact]
    public void Non_kumulatif_targets_and_realisasi_both_take_their_latest_quarter()
    {
        var target = new TriwulanValues(Year, 40m, 50m, 60m, 70m);
        var realisasi = new TriwulanValues(Year, 45m, 55m, 63m, 77m);

        var semesterII = Calculator.ComputeRekap(SampleIndicators.PenyelesaianKonflikSosial, target, realisasi, RekapPeriod.Semester(Year, 2));

        Assert.Equal(70m, semesterII.Target.Value);
        Assert.Equal(77m, semesterII.Realisasi.Value);
        Assert.Equal(110m, semesterII.Capaian.CappedValue);
    }

    [Fact]
    public void Rata_rata_targets_and_realisasi_are_both_averaged_for_kehadiran_pns()
    {
        var target = new TriwulanValues(Year, 95m, 95m, 95m, 95m);
        var realisasi = new TriwulanValues(Year, 96m, 94m, 97m, 93m);

        var tahunan = Calculator.ComputeRekap(SampleIndicators.KehadiranPns, target, realisasi, RekapPeriod.Tahunan(Year));

        Assert.Equal(95m, tahunan.Target.Value);
        Assert.Equal(95m, tahunan.Realisasi.Value);
        Assert.Equal(100m, tahunan.Capaian.CappedValue);
    }

    [Fact]
    public void Konflik_sosial_is_summed_per_period_so_one_incident_spoils_only_the_periods_that_contain_it()
    {
        var target = new TriwulanValues(Year, 0m, 0m, 0m, 0m);
        var realisasi = new TriwulanValues(Year, 0m, 0m, 1m, 0m);

        CapaianResult For(RekapPeriod period) =>
            Calculator.ComputeRekap(SampleIndicators.KonflikSosial, target, realisasi, period).Capaian;

        Assert.Equal(100m, For(RekapPeriod.Semester(Year, 1)).CappedValue);
        Assert.Equal(0m, For(RekapPeriod.Semester(Year, 2)).CappedValue);
        Assert.Equal(0m, For(RekapPeriod.Tahunan(Year)).CappedValue);
        Assert.Equal(100m, For(RekapPeriod.Triwulan(Year, 4)).CappedValue);
    }

    [Fact]
    public void A_period_without_realisasi_has_no_capaian_and_says_so()
    {
        var target = new TriwulanValues(Year, 25m, 25m, 25m, 25m);
        var realisasi = new TriwulanValues(Year, 20m, 30m, null, null);

        var triwulanIii = Calculator.ComputeRekap(SampleIndicators.PkptDilaksanakan, target, realisasi, RekapPeriod.Triwulan(Year, 3));

        Assert.False(triwulanIii.Capaian.IsComputable);
        Assert.Equal("Realisasi belum diisi, capaian tidak dapat dihitung", triwulanIii.Capaian.Reason);
        Assert.Equal(0, triwulanIii.Realisasi.QuartersWithData);
    }

    [Fact]
    public void A_partly_filled_period_still_has_a_capaian_but_is_flagged_incomplete()
    {
        var target = new TriwulanValues(Year, 25m, 25m, 25m, 25m);
        var realisasi = new TriwulanValues(Year, 20m, 30m, 25m, null);

        var tahunan = Calculator.ComputeRekap(SampleIndicators.PkptDilaksanakan, target, realisasi, RekapPeriod.Tahunan(Year));

        Assert.Equal(75m, tahunan.Capaian.CappedValue);
        Assert.Equal(3, tahunan.Realisasi.QuartersWithData);
        Assert.True(tahunan.Target.IsComplete);
        Assert.False(tahunan.IsComplete);
    }

    [Fact]
    public void A_period_without_targets_has_no_capaian()
    {
        var target = new TriwulanValues(Year, null, null, null, null);
        var realisasi = new TriwulanValues(Year, 20m, 30m, 25m, 30m);

        var tahunan = Calculator.ComputeRekap(SampleIndicators.PkptDilaksanakan, target, realisasi, RekapPeriod.Tahunan(Year));

        Assert.Equal("Target belum ditetapkan, capaian tidak dapat dihitung", tahunan.Capaian.Reason);
    }
}

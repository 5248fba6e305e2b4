using SakipServerless.Core.Capaian;

namespace SakipServerless.Core.Tests.Capaian;

public sealed class RealisasiPlausibilityTests
{
    private static readonly Indicator Share = new("iku-1", "Persentase dokumen perencanaan tepat waktu", "%", Polarity.Positive, AggregationType.NonKumulatif);

    [Fact]
    public void ValueFourTimesTheTarget_IsFlagged_WithTheRatioAndTheTarget()
    {
        string? warning = RealisasiPlausibility.Check(Share, 97m, target: 25m, previous: null);

        Assert.NotNull(warning);
        Assert.Contains("Realisasi 97 %", warning);
        Assert.Contains("3,9× target triwulan (25 %)", warning);
        Assert.Contains("salah ketik", warning);
    }

    [Theory]
    [InlineData(25, 25)]
    [InlineData(49.9, 25)]
    [InlineData(12.6, 25)]
    public void ValueWithinTheFactor_IsPlausible(decimal value, decimal target) =>
        Assert.Null(RealisasiPlausibility.Check(Share, value, target, previous: null));

    [Fact]
    public void ValueFarBelowThePreviousQuarter_IsFlagged_EvenOnTarget()
    {
        string? warning = RealisasiPlausibility.Check(Share, 9.7m, target: 10m, previous: 88m);

        Assert.NotNull(warning);
        Assert.DoesNotContain("target", warning);
        Assert.Contains("1/9,1 dari realisasi triwulan sebelumnya (88 %)", warning);
    }

    [Fact]
    public void ZeroOrMissingReferences_SayNothingAboutScale()
    {
        Assert.Null(RealisasiPlausibility.Check(Share, 50m, target: 0m, previous: null));
        Assert.Null(RealisasiPlausibility.Check(Share, 50m, target: null, previous: 0m));
    }

    [Fact]
    public void Zero_IsNeverFlagged()
    {
        Assert.Null(RealisasiPlausibility.Check(Share, 0m, target: 25m, previous: 80m));
    }

    [Fact]
    public void AUnitsCount_IsComparedWithItsPreviousQuarter_NotWithTheOpdsTarget()
    {
        var kegiatan = new Indicator("iku-3", "Jumlah kegiatan sosialisasi", "kegiatan", Polarity.Positive, AggregationType.Kumulatif);

        Assert.Null(RealisasiPlausibility.Check(kegiatan, 2m, target: 12m, previous: 3m));
        Assert.NotNull(RealisasiPlausibility.Check(kegiatan, 20m, target: 12m, previous: 3m));
    }

    [Fact]
    public void TheIndicatorsFactor_ReplacesTheDefault()
    {
        Assert.NotNull(RealisasiPlausibility.Check(Share, 60m, target: 40m, previous: null, factor: 1.2m));
        Assert.Null(RealisasiPlausibility.Check(Share, 97m, target: 25m, previous: null, factor: 5m));
    }
}

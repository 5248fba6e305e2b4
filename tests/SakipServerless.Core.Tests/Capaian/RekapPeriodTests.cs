using SakipServerless.Core.Capaian;

using SakipServerless.Core.Periods;

namespace SakipServerless.Core.Tests.Capaian;

public sealed class RekapPeriodTests
{
    [Theory]
    [InlineData(PeriodKind.Triwulan, 1, "Triwulan I 2026", new[] { 1 })]
    [InlineData(PeriodKind.Triwulan, 3, "Triwulan III 2026", new[] { 3 })]
    [InlineData(PeriodKind.Triwulan, 4, "Triwulan IV 2026", new[] { 4 })]
    [InlineData(PeriodKind.Semester, 1, "Semester I 2026", new[] { 1, 2 })]
    [InlineData(PeriodKind.Semester, 2, "Semester II 2026", new[] { 3, 4 })]
    [InlineData(PeriodKind.Tahunan, 1, "Tahunan 2026", new[] { 1, 2, 3, 4 })]
    public void A_period_has_an_indonesian_label_and_covers_its_quarters(PeriodKind kind, int index, string label, int[] triwulans)
    {
        var period = new RekapPeriod(2026, kind, index);

        Assert.Equal(label, period.Label);
        Assert.Equal(label, period.ToString());
        Assert.Equal(triwulans, period.Triwulans);
    }

    [Fact]
    public void Factory_methods_build_the_same_periods_as_the_constructor()
    {
        Assert.Equal(new RekapPeriod(2026, PeriodKind.Triwulan, 2), RekapPeriod.Triwulan(2026, 2));
        Assert.Equal(new RekapPeriod(2026, PeriodKind.Semester, 2), RekapPeriod.Semester(2026, 2));
        Assert.Equal(new RekapPeriod(2026, PeriodKind.Tahunan, 1), RekapPeriod.Tahunan(2026));
    }

    [Theory]
    [InlineData(2026, PeriodKind.Triwulan, 0)]
    [InlineData(2026, PeriodKind.Triwulan, 5)]
    [InlineData(2026, PeriodKind.Semester, 3)]
    [InlineData(2026, PeriodKind.Tahunan, 2)]
    [InlineData(0, PeriodKind.Tahunan, 1)]
    [InlineData(2026, (PeriodKind)7, 1)]
    public void A_period_outside_its_kind_is_rejected(int year, PeriodKind kind, int index)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RekapPeriod(year, kind, index));
    }
}

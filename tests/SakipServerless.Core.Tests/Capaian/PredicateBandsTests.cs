using SakipServerless.Core.Capaian;

namespace SakipServerless.Core.Tests.Capaian;

public sealed class PredicateBandsTests
{
    [Theory]
    [InlineData("0", "Sangat Rendah")]
    [InlineData("50", "Sangat Rendah")]
    [InlineData("50.99", "Sangat Rendah")]
    [InlineData("51", "Rendah")]
    [InlineData("65", "Rendah")]
    [InlineData("66", "Sedang")]
    [InlineData("75", "Sedang")]
    [InlineData("76", "Tinggi")]
    [InlineData("90", "Tinggi")]
    [InlineData("90.5", "Tinggi")]
    [InlineData("90.99", "Tinggi")]
    [InlineData("91", "Sangat Tinggi")]
    [InlineData("100", "Sangat Tinggi")]
    [InlineData("130", "Sangat Tinggi")]
    public void Default_bands_give_each_capaian_the_predikat_of_the_highest_lower_bound_it_reaches(string capaian, string predicate)
    {
        var calculator = new CapaianCalculator(CapaianSettings.Default);

        // Target 100 on a positive indicator makes the capaian equal to the realisasi.
        var result = calculator.Compute(Polarity.Positive, 100m, decimal.Parse(capaian, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(predicate, result.Predicate);
    }

    [Theory]
    [InlineData(95, "Sangat Tinggi", "#1B5E20")]
    [InlineData(80, "Tinggi", "#43A047")]
    [InlineData(70, "Sedang", "#FDD835")]
    [InlineData(60, "Rendah", "#FB8C00")]
    [InlineData(10, "Sangat Rendah", "#E53935")]
    public void Default_bands_carry_dashboard_colours_from_dark_green_to_red(int capaian, string label, string colour)
    {
        var band = PredicateBands.Default.Classify(capaian);

        Assert.Equal(label, band.Label);
        Assert.Equal(colour, band.Color);
    }

    private static readonly PredicateBands ThreeBands = new(
    [
        new("Tercapai", 100m),
        new("Hampir Tercapai", 80m),
        new("Belum Tercapai", null),
    ]);

    [Theory]
    [InlineData(120, "Tercapai")]
    [InlineData(100, "Tercapai")]
    [InlineData(99, "Hampir Tercapai")]
    [InlineData(80, "Hampir Tercapai")]
    [InlineData(79, "Belum Tercapai")]
    [InlineData(0, "Belum Tercapai")]
    public void A_tenant_can_use_its_own_bands(int capaian, string predicate)
    {
        var calculator = new CapaianCalculator(new CapaianSettings(bands: ThreeBands));

        var result = calculator.Compute(Polarity.Positive, 100m, capaian);

        Assert.Equal(predicate, result.Predicate);
        Assert.Null(result.Band!.Color);
    }

    [Fact]
    public void A_single_open_band_is_a_valid_scale_that_takes_every_value()
    {
        var bands = new PredicateBands([new PredicateBand("Dinilai", null)]);

        Assert.Equal("Dinilai", bands.Classify(0m).Label);
        Assert.Equal("Dinilai", bands.Classify(250m).Label);
    }

    private static readonly Dictionary<string, PredicateBand[]> InvalidScales = new()
    {
        ["no band"] = [],
        ["no open bottom band"] = [new("Tinggi", 76m), new("Rendah", 0m)],
        ["open band above the bottom"] = [new("Tinggi", null), new("Sedang", 66m), new("Rendah", null)],
        ["ascending order"] = [new("Rendah", 51m), new("Tinggi", 76m), new("Sangat Rendah", null)],
        ["duplicate lower bound"] = [new("Tinggi", 76m), new("Baik", 76m), new("Rendah", null)],
        ["duplicate label"] = [new("Tinggi", 91m), new("tinggi", 76m), new("Rendah", null)],
        ["blank label"] = [new("Tinggi", 76m), new(" ", null)],
        ["colour not #RRGGBB"] = [new("Tinggi", 76m, "green"), new("Rendah", null)],
        ["short colour"] = [new("Tinggi", 76m, "#0F0"), new("Rendah", null)],
    };

    [Theory]
    [InlineData("no band")]
    [InlineData("no open bottom band")]
    [InlineData("open band above the bottom")]
    [InlineData("ascending order")]
    [InlineData("duplicate lower bound")]
    [InlineData("duplicate label")]
    [InlineData("blank label")]
    [InlineData("colour not #RRGGBB")]
    [InlineData("short colour")]
    public void Invalid_bands_are_rejected_when_the_scale_is_built(string scale)
    {
        var error = Assert.Throws<ArgumentException>(() => new PredicateBands(InvalidScales[scale]));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Bands_out_of_order_are_reported_by_name_in_Bahasa_Indonesia()
    {
        var error = Assert.Throws<ArgumentException>(() => new PredicateBands(InvalidScales["ascending order"]));

        Assert.StartsWith("Batas bawah predikat harus urut menurun tanpa duplikat: 'Rendah' (51) lalu 'Tinggi' (76).", error.Message);
    }

    [Fact]
    public void Two_scales_with_the_same_bands_are_equal_so_settings_compare_by_value()
    {
        PredicateBand[] bands = [new("Tercapai", 100m), new("Belum Tercapai", null)];

        Assert.Equal(new PredicateBands(bands), new PredicateBands([.. bands]));
        Assert.Equal(new PredicateBands(bands).GetHashCode(), new PredicateBands([.. bands]).GetHashCode());
        Assert.Equal(new CapaianSettings(120m, new PredicateBands(bands)), new CapaianSettings(120m, new PredicateBands(bands)));
        Assert.NotEqual(new PredicateBands(bands), PredicateBands.Default);
    }
}

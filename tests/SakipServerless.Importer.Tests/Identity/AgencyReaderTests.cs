using SakipServerless.Core.Templates;
using SakipServerless.Importer.Identity;

namespace SakipServerless.Importer.Tests.Identity;

public sealed class AgencyReaderTests
{
    [Fact]
    public void RegionOpdAndUnit_AreRead_AndAddressesAndOtherScriptsSkipped()
    {
        var agency = AgencyReader.Read(
            ["SOP MEKANISME", "PEMERINTAH KABUPATEN BANTUL", "INSPEKTORAT DAERAH", "ꦲꦶꦤ꧀ꦱ꧀ꦥꦺꦏ꧀ꦠꦺꦴꦫꦠ꧀", "Jln. Prof. Dr. Soepomo, SH. No. 202", "Laman: <http://x> Posel : a@b", "SEKRETARIAT"],
            out bool found);

        Assert.True(found);
        Assert.Equal(new SopAgency("Inspektorat Daerah", "Sekretariat", "Kabupaten Bantul"), agency);
    }

    [Fact]
    public void AnAcronymOpd_IsKeptAsWritten()
    {
        var agency = AgencyReader.Read(["BAPPEDA", "Kabupaten Balangan"], out _);

        Assert.Equal(new SopAgency("BAPPEDA", null, "Kabupaten Balangan"), agency);
    }

    [Fact]
    public void WithoutAnyLetterhead_TheNameIsAPlaceholder()
    {
        var agency = AgencyReader.Read([], out bool found);

        Assert.False(found);
        Assert.False(string.IsNullOrWhiteSpace(agency.Name));
    }
}

using SakipServerless.Importer.Steps;

namespace SakipServerless.Importer.Tests.Steps;

public sealed class RoleCatalogTests
{
    [Fact]
    public void Ids_AreSlugsOfTheTitles_AndUnique()
    {
        var roles = new RoleCatalog(["Kasubid/ Kasubag", "Kepala Seksi/ Lurah", "Staf", "Staf"]);

        Assert.Equal(["kasubid-kasubag", "kepala-seksi-lurah", "staf", "staf-2"], roles.Roles.Select(r => r.Id));
    }

    [Fact]
    public void Traits_AreReadFromTheTitles()
    {
        var roles = new RoleCatalog(["Sekretaris", "Kepala Bidang", "Kasubbag Perencanaan dan Pelaporan", "Kepala Seksi", "Staf Penyusun Evaluasi Kinerja"]);

        Assert.Equal(2, roles.Coordinator);
        Assert.Equal(4, roles.Worker);
        Assert.Equal([1, 3], roles.UnitHeads);
        Assert.Equal(0, roles.Leader);
        Assert.Equal(1, roles.SupervisorOf(2));
        Assert.Null(roles.SupervisorOf(0));
    }

    [Fact]
    public void HeadOfTheOpd_LeadsEvenWhenNotLeftmost()
    {
        var roles = new RoleCatalog(["Sekretaris", "Camat", "Staf"]);

        Assert.Equal(1, roles.Leader);
    }
}

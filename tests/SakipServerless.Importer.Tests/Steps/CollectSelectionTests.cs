using SakipServerless.Core.Templates;
using SakipServerless.Importer.Tests.Support;

namespace SakipServerless.Importer.Tests.Steps;

/// <summary>Which steps collect data from the units, and that the import always says which it chose.</summary>
public sealed class CollectSelectionTests
{
    private const string Check = "<input type=\"checkbox\"/>";

    [Fact]
    public void GatheringFromUnits_IsCollect_AndTheUnitHeadsTakePart()
    {
        var result = new SopDocumentBuilder().Actors("Sekretaris", "Kepala Bidang", "Kasubag Perencanaan", "Kepala Seksi", "Staf")
            .Row(1, "Mengumpulkan data kinerja triwulan dari masing-masing bidang")
            .Import();

        Assert.Equal(StepKind.Collect, result.Step(1).Kind);
        Assert.Equal(["Kasubag Perencanaan", "Kepala Bidang", "Kepala Seksi"], result.ActorTitles(1));
        Assert.Contains(result.Warnings, w => w.StartsWith("Langkah pengumpulan data per unit (collect) ditetapkan pada langkah 1", StringComparison.Ordinal));
    }

    [Fact]
    public void UnitHeadsHandingDataOver_IsCollect_AcceptedByTheReceiver()
    {
        var result = new SopDocumentBuilder().Actors("Camat", "Kepala Seksi/ Lurah", "Kasubag Evlap")
            .Row(1, "Menyampaikan data kinerja kepada Kasubag Evlap", ["", "→", "→"])
            .Import();

        Assert.Equal(StepKind.Collect, result.Step(1).Kind);
        Assert.Equal(["Kasubag Evlap", "Kepala Seksi/ Lurah"], result.ActorTitles(1));
    }

    [Fact]
    public void WithoutAGatheringStep_TheHandoverAfterAnOrderToGather_IsCollect()
    {
        var result = new SopDocumentBuilder()
            .Row(1, "Memerintahkan Staf mengumpulkan bahan laporan")
            .Row(2, "Menyerahkan bahan laporan kepada Kasubag Perencanaan")
            .Import();

        Assert.Equal(StepKind.Collect, result.Step(2).Kind);
        Assert.Contains(result.WarningsFor(2), w => w.Contains("collect", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutAnyCollectStep_TheImportSaysSo()
    {
        var result = new SopDocumentBuilder().Row(1, "Menyusun laporan", ["", Check, "", ""]).Import();

        Assert.DoesNotContain(result.Template.Steps, s => s.Kind == StepKind.Collect);
        Assert.Contains(result.Warnings, w => w.StartsWith("Tidak ada langkah yang jelas mengumpulkan data", StringComparison.Ordinal));
    }
}

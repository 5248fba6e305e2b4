using SakipServerless.Importer.Tests.Support;

namespace SakipServerless.Importer.Tests.Steps;

/// <summary>Who performs a step, read from marks, from the activity text, from the flow, or guessed — and said when not marked.</summary>
public sealed class ActorInferenceTests
{
    private const string Check = "<input type=\"checkbox\"/>";

    [Fact]
    public void MarkedColumns_AreTheActors_WithoutAWarning()
    {
        var result = new SopDocumentBuilder().Row(1, "Menyusun laporan", ["", Check, "", ""]).Import();

        Assert.Equal(["Sekretaris"], result.ActorTitles(1));
        Assert.Equal(ActorSource.Marked, result.Steps[0].Actors);
        Assert.DoesNotContain(result.WarningsFor(1), w => w.Contains("Pelaksana", StringComparison.Ordinal));
    }

    [Fact]
    public void ACommand_IsGivenByTheColumnLeftOfTheOneCommanded()
    {
        var result = new SopDocumentBuilder().Row(1, "Memerintahkan Kasubag Perencanaan menyiapkan format").Import();

        Assert.Equal(["Sekretaris", "Kasubag Perencanaan"], result.ActorTitles(1));
        Assert.Equal(ActorSource.FromText, result.Steps[0].Actors);
        Assert.Contains(result.WarningsFor(1), w => w.Contains("disimpulkan dari uraian", StringComparison.Ordinal));
    }

    [Fact]
    public void AHandoverAfterACommand_IsMadeByTheOneCommanded_AndItsRecipientActsNext()
    {
        var result = new SopDocumentBuilder()
            .Row(1, "Memerintahkan Staf menyiapkan bahan")
            .Row(2, "Menyerahkan bahan kepada Kasubag Perencanaan")
            .Row(3, "Membuat laporan data kinerja")
            .Import();

        Assert.Equal(["Staf", "Kasubag Perencanaan"], result.ActorTitles(2));
        Assert.Equal(["Kasubag Perencanaan"], result.ActorTitles(3));
        Assert.Equal(ActorSource.FromFlow, result.Steps[2].Actors);
        Assert.Contains(result.WarningsFor(3), w => w.Contains("ditebak dari langkah sebelumnya", StringComparison.Ordinal));
    }

    [Fact]
    public void NothingMarkedOrNamed_IsGuessedFromTheKindOfWork_AndSaidSo()
    {
        var result = new SopDocumentBuilder()
            .Row(1, "Merekap data kinerja")
            .Row(2, "Menyusun laporan kinerja")
            .Row(3, "Mensosialisasikan laporan kepada pejabat terkait")
            .Import();

        Assert.Equal(["Staf"], result.ActorTitles(1));
        Assert.Equal(["Kasubag Perencanaan", "Staf"], result.ActorTitles(2));
        Assert.Equal(["Kasubag Perencanaan", "Kepala Dinas", "Sekretaris"], result.ActorTitles(3));
        Assert.All(result.Steps, s => Assert.Equal(ActorSource.Guessed, s.Actors));
        Assert.All(new[] { 1, 2, 3 }, no => Assert.Contains(result.WarningsFor(no), w => w.Contains("ditebak dari jenis kegiatan", StringComparison.Ordinal)));
    }

    [Fact]
    public void ArrowsRunFromThePerformerToTheReceiver_AndCrossedColumnsAreDropped()
    {
        var result = new SopDocumentBuilder()
            .Row(1, "Menyampaikan format", ["→ Mulai", "→", "→", ""])
            .Row(2, "Mengembalikan data", ["", "←", "←", "↑"])
            .Import();

        Assert.Equal(["Kepala Dinas", "Kasubag Perencanaan"], result.ActorTitles(1));
        Assert.Equal(["Staf", "Sekretaris"], result.ActorTitles(2));
    }

    [Fact]
    public void ArrowsBothWays_LetTheTextSayWhoReceives()
    {
        var result = new SopDocumentBuilder().Row(1, "Menyampaikan format kepada Sekretaris", ["", "→", "←", ""]).Import();

        Assert.Equal(["Kasubag Perencanaan", "Sekretaris"], result.ActorTitles(1));
    }

    [Fact]
    public void AnArrowOnlyPassingThroughAColumnTheTextDoesNotName_IsAConnector()
    {
        var result = new SopDocumentBuilder().Row(1, "Rapat Sekretaris dengan Kasubag Perencanaan", ["→", "", "", ""]).Import();

        Assert.Equal(["Kasubag Perencanaan", "Sekretaris"], result.ActorTitles(1));
        Assert.Contains(result.WarningsFor(1), w => w.Contains("garis penghubung", StringComparison.Ordinal));
    }

    [Fact]
    public void AVerticalArrow_MarksThePerformerEvenWhenTheTextNamesOthers()
    {
        var result = new SopDocumentBuilder().Row(1, "Melakukan rekapitulasi data masing-masing Sekretaris", ["", "", "", "↓"]).Import();

        Assert.Equal(["Staf"], result.ActorTitles(1));
    }

    [Fact]
    public void TwoMarkedColumns_TheCompanionFollows()
    {
        var result = new SopDocumentBuilder().Row(1, "Melakukan rapat intern dengan Staf", ["", Check, "", Check]).Import();

        Assert.Equal(["Sekretaris", "Staf"], result.ActorTitles(1));
    }

    [Fact]
    public void TwoMarkedColumns_WithoutACue_ThePreviousPerformerCarriesOn()
    {
        var result = new SopDocumentBuilder()
            .Row(1, "Menyusun rencana", ["", "", Check, ""])
            .Row(2, "Menghimpun data kinerja", ["", Check, Check, ""])
            .Import();

        Assert.Equal(["Kasubag Perencanaan", "Sekretaris"], result.ActorTitles(2));
    }

    [Fact]
    public void TextInAnActorCell_CountsAsAMark_WithAWarning()
    {
        var result = new SopDocumentBuilder().Row(1, "Menyusun laporan", ["", "", "Kasubag", ""]).Import();

        Assert.Equal(["Kasubag Perencanaan"], result.ActorTitles(1));
        Assert.Contains(result.WarningsFor(1), w => w.Contains("bukan tanda", StringComparison.Ordinal));
    }
}

using SakipServerless.Core.Templates;
using SakipServerless.Importer.Tests.Support;

namespace SakipServerless.Importer.Tests.Steps;

/// <summary>Review steps: read from "jika disetujui … jika tidak dikembalikan", from Ya/Tidak marks, or from a report to the marked recipient.</summary>
public sealed class DecisionTests
{
    private const string Check = "<input type=\"checkbox\"/>";

    [Fact]
    public void ApprovalText_MakesAReview_ThatReturnsToTheStepOfTheRoleItReturnsTo()
    {
        var result = new SopDocumentBuilder()
            .Row(1, "Menyusun laporan", ["", "", Check, ""])
            .Row(2, "Merapikan lampiran", ["", "", "", Check])
            .Row(3, "Memeriksa laporan, jika disetujui diserahkan kepada Kepala Dinas, jika tidak dikembalikan kepada Kasubag Perencanaan untuk diperbaiki")
            .Import();

        var review = result.Step(3);
        Assert.Equal(StepKind.Review, review.Kind);
        Assert.Equal(1, result.ReturnNo(3));
        Assert.Equal(["Sekretaris", "Kasubag Perencanaan"], result.ActorTitles(3));
        result.AssertValidDraft();
    }

    [Fact]
    public void YaTidakMarks_MakeTheRowWithOnlyATidakAReview_ReturningWhereTheTidakLands()
    {
        var result = new SopDocumentBuilder()
            .Row(1, "Menyusun laporan semester", ["", "Ya", "", "tidak"])
            .Row(2, "Mensosialisasikan laporan semester", ["", "Tidak", "", ""])
            .Row(3, "Menyusun laporan tahunan", ["Ya", "", "", ""])
            .Import();

        Assert.Equal([StepKind.Task, StepKind.Review, StepKind.Task], result.Template.Steps.Select(s => s.Kind));
        Assert.Equal(["Staf", "Sekretaris"], result.ActorTitles(1));
        Assert.Equal(["Sekretaris", "Staf"], result.ActorTitles(2));
        Assert.Equal(1, result.ReturnNo(2));
        Assert.Contains(result.WarningsFor(2), w => w.Contains("Ya/Tidak", StringComparison.Ordinal));
    }

    [Fact]
    public void AReportToTheMarkedRecipient_IsTheirCheck()
    {
        var result = new SopDocumentBuilder()
            .Row(1, "Menghimpun data kinerja", ["", Check, "", ""])
            .Row(2, "Laporan Sekretaris terkait data kinerja kepada Kepala Dinas", [Check, "", "", ""])
            .Import();

        Assert.Equal(StepKind.Review, result.Step(2).Kind);
        Assert.Equal(["Kepala Dinas", "Sekretaris"], result.ActorTitles(2));
        Assert.Equal(1, result.ReturnNo(2));
    }

    [Fact]
    public void AReviewThatChecksWhatTheStepsBeforeProduced_ReturnsToTheFirstOfThem()
    {
        var result = new SopDocumentBuilder()
            .Row(1, "Menyusun format", ["", "", Check, ""], output: "Format")
            .Row(2, "Menyusun data kinerja", ["", "", "", Check], output: "Data kinerja")
            .Row(3, "Merekap data kinerja", ["", "", "", Check], output: "Data kinerja")
            .Row(4, "Memvalidasi data kinerja", ["", "", Check, ""], output: "Data kinerja")
            .Import();

        Assert.Equal(2, result.ReturnNo(4));
    }

    [Fact]
    public void AReviewAsTheFirstStep_HasNothingToReturnTo_AndBecomesATask()
    {
        var result = new SopDocumentBuilder().Row(1, "Memeriksa surat masuk", [Check, "", "", ""]).Row(2, "Menyusun laporan", ["", Check, "", ""]).Import();

        Assert.Equal(StepKind.Task, result.Step(1).Kind);
        Assert.Contains(result.WarningsFor(1), w => w.Contains("langkah pertama", StringComparison.Ordinal));
        result.AssertValidDraft();
    }

    [Fact]
    public void AReviewReturningToASemesterStep_RunsOnlyAtSemesterEnd()
    {
        var result = new SopDocumentBuilder()
            .Row(1, "Menyusun laporan semesteran", ["", "", Check, ""])
            .Row(2, "Memeriksa laporan", ["", Check, "", ""])
            .Import();

        Assert.Equal(StepWhen.SemesterEnd, result.Step(2).When);
        Assert.Contains(result.WarningsFor(2), w => w.Contains("disamakan jadwalnya", StringComparison.Ordinal));
        result.AssertValidDraft();
    }
}

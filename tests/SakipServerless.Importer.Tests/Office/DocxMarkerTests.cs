using System.Text.Json;
using SakipServerless.Core.Templates;
using SakipServerless.Importer.Tests.Support;
using SakipServerless.Importer.Tests.Support.Docx;

namespace SakipServerless.Importer.Tests.Office;

/// <summary>
/// The ways a Word SOP marks who does a step — a typed glyph, a Wingdings symbol, a drawn shape (DrawingML or
/// VML), an arrow, or the words Mulai/Selesai/Ya/Tidak — are read as the same marks the text export carries, so a
/// .docx imports to the template its text would.
/// </summary>
public sealed class DocxMarkerTests
{
    private static readonly SopDocxOptions Glyphs = new() { CheckboxesAsShapes = false };

    /// <summary>Four steps, each marked in another actor column with <paramref name="mark"/>.</summary>
    private static SopDocumentBuilder Marked(string mark) => new SopDocumentBuilder()
        .Row(1, "Menugaskan penyusunan laporan kinerja", [mark, "", "", ""], waktu: "15 Menit")
        .Row(2, "Meneruskan penugasan penyusunan laporan", ["", mark, "", ""], waktu: "15 Menit")
        .Row(3, "Mengoordinasikan penyusunan laporan", ["", "", mark, ""], waktu: "1 Hari")
        .Row(4, "Menyusun laporan kinerja", ["", "", "", mark], waktu: "2 Hari");

    [Theory]
    [InlineData("☑")]
    [InlineData("✓")]
    [InlineData("√")]
    [InlineData("■")]
    [InlineData("→")]
    [InlineData("Mulai")]
    public void ATypedMark_ImportsAsInTheText(string mark)
    {
        var builder = Marked(mark);
        var fromText = builder.Import();

        var fromDocx = SopImporter.Import(SopDocxWriter.FromExport(builder.Build(), Glyphs), "uji.docx");

        AssertSameSteps(fromText.Template, fromDocx.Template);
        Assert.Equal(["kepala-dinas", "sekretaris", "kasubag-perencanaan", "staf"], fromDocx.Template.Steps.Select(s => s.Actors.Single()));
    }

    [Theory]
    [InlineData("F0FE")] // ☑ boxed tick
    [InlineData("F0FC")] // ✓ tick
    [InlineData("F06E")] // ■ filled square
    public void AWingdingsSymbol_IsAMark(string code)
    {
        var builder = Marked("☑");
        var docx = DocxEditing.ReplaceGlyph(SopDocxWriter.FromExport(builder.Build(), Glyphs), "☑", () => DocxEditing.WingdingsSymbol(code));
        Assert.DoesNotContain("☑", DocxEditing.DocumentXml(docx));

        var fromDocx = SopImporter.Import(docx, "uji.docx");

        AssertSameSteps(builder.Import().Template, fromDocx.Template);
        Assert.All(fromDocx.Steps, s => Assert.Equal(ActorSource.Marked, s.Actors));
    }

    [Theory]
    [InlineData("flowChartProcess")]
    [InlineData("flowChartTerminator")]
    [InlineData("rect")]
    [InlineData("ellipse")]
    public void ADrawnShape_IsAMark(string preset)
    {
        var builder = Marked("☑");
        int id = 100;
        var docx = DocxEditing.ReplaceGlyph(SopDocxWriter.FromExport(builder.Build(), Glyphs), "☑", () => new DocumentFormat.OpenXml.Wordprocessing.Run(SopDocxWriter.Shape(id++, preset)));
        Assert.DoesNotContain("☑", DocxEditing.DocumentXml(docx));
        Assert.Contains($"prst=\"{preset}\"", DocxEditing.DocumentXml(docx));

        var fromDocx = SopImporter.Import(docx, "uji.docx");

        AssertSameSteps(builder.Import().Template, fromDocx.Template);
    }

    [Fact]
    public void AVmlBox_OfOlderWordVersions_IsAMark()
    {
        var builder = Marked("☑");
        var docx = DocxEditing.ReplaceGlyph(SopDocxWriter.FromExport(builder.Build(), Glyphs), "☑", DocxEditing.VmlBox);
        Assert.DoesNotContain("☑", DocxEditing.DocumentXml(docx));

        AssertSameSteps(builder.Import().Template, SopImporter.Import(docx, "uji.docx").Template);
    }

    [Fact]
    public void ADrawnDiamond_IsADecision_AsTheDiamondGlyphIs()
    {
        var builder = new SopDocumentBuilder()
            .Row(1, "Menyusun laporan kinerja", ["", "", "", "☑"])
            .Row(2, "Memeriksa laporan kinerja", ["", "", "◆", ""], waktu: "1 Hari")
            .Row(3, "Menandatangani laporan kinerja", ["☑", "", "", ""]);
        var fromText = builder.Import();
        var docx = DocxEditing.ReplaceGlyph(SopDocxWriter.FromExport(builder.Build(), Glyphs), "◆", () => new DocumentFormat.OpenXml.Wordprocessing.Run(SopDocxWriter.Shape(7, "flowChartDecision")));
        Assert.DoesNotContain("◆", DocxEditing.DocumentXml(docx));

        var fromDocx = SopImporter.Import(docx, "uji.docx");

        Assert.Equal(StepKind.Review, fromText.Step(2).Kind);
        AssertSameSteps(fromText.Template, fromDocx.Template);
    }

    [Fact]
    public void YaAndTidak_MakeTheSameReviewLoopAsInTheText()
    {
        var builder = new SopDocumentBuilder()
            .Row(1, "Menyusun laporan kinerja", ["", "", "", "☑"])
            .Row(2, "Memeriksa laporan kinerja", ["", "", "Ya", "Tidak"], waktu: "1 Hari")
            .Row(3, "Menandatangani laporan kinerja", ["Selesai", "", "", ""]);
        var fromText = builder.Import();

        var fromDocx = SopImporter.Import(SopDocxWriter.FromExport(builder.Build(), Glyphs), "uji.docx");

        Assert.NotNull(fromText.Step(2).OnReturn);
        AssertSameSteps(fromText.Template, fromDocx.Template);
    }

    [Fact]
    public void ACellMergedDown_IsReadOnItsFirstRow_WithAWarningNamingTheCell()
    {
        var builder = Marked("☑");
        // Table 1 is the identity block; in the procedure table rows 1–2 are the titles, row 3 is step 1. Column 6 is Kelengkapan.
        var docx = DocxEditing.MergeDown(SopDocxWriter.FromExport(builder.Build(), Glyphs), table: 1, row: 3, column: 6);

        var result = SopImporter.Import(docx, "uji.docx");

        Assert.Equal(["Dokumen"], result.Step(2).Kelengkapan);
        Assert.Empty(result.Step(3).Kelengkapan);
        var merged = Assert.Single(result.Findings, f => f.Message.Contains("digabung vertikal", StringComparison.Ordinal));
        Assert.Equal("tabel 2 baris 5, kolom 7", merged.Location);
        Assert.Contains("langkah 3", merged.Message);
    }

    private static void AssertSameSteps(SopTemplate expected, SopTemplate actual)
    {
        Assert.Equal(expected.Roles.Select(r => r.Id), actual.Roles.Select(r => r.Id));
        Assert.Equal(expected.Steps.Select(Json), actual.Steps.Select(Json));
    }

    private static string Json(SopStep step) => JsonSerializer.Serialize(step, SopTemplateJson.Options);
}

using System.Text.Json;
using SakipServerless.Core.Templates;
using SakipServerless.Importer.Tests.Support;
using SakipServerless.Importer.Tests.Support.Docx;

namespace SakipServerless.Importer.Tests.Office;

/// <summary>
/// Each seed laid out as a Word document, and that document exported to PDF by LibreOffice, imports to the same
/// template as the seed's text: roles, and per step number, activity, kind, actors, kelengkapan, duration,
/// output, when and where a review returns. Anything else would mean inference depends on the file format.
/// </summary>
[Collection(SeedOfficeCollection.Name)]
public sealed class SeedOfficeImportTests(SeedOfficeFiles files)
{
    public static TheoryData<string> Seeds() => CuratedSeed.SeedFiles();

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Docx_ImportsToTheSameTemplateAsTheText(string seed)
    {
        var fromText = CuratedSeed.For(seed).Import();
        var fromDocx = SopImporter.Import(File.ReadAllBytes(files.Docx(seed)), Path.GetFileName(files.Docx(seed)));

        Assert.Equal(SopFileFormat.Docx, fromDocx.Format);
        AssertSameTemplate(fromText.Template, fromDocx.Template);
        AssertSameIdentity(fromText.Template, fromDocx.Template);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Pdf_ExportedByLibreOffice_ImportsToTheSameTemplateAsTheText(string seed)
    {
        var fromText = CuratedSeed.For(seed).Import();
        var fromPdf = SopImporter.Import(File.ReadAllBytes(files.Pdf(seed)), Path.GetFileName(files.Pdf(seed)));

        Assert.Equal(SopFileFormat.Pdf, fromPdf.Format);
        AssertSameTemplate(fromText.Template, fromPdf.Template);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Pdf_ReadsTheTitleAgencyAndHeaderBlocksAsTheText(string seed)
    {
        var expected = CuratedSeed.For(seed).Import().Template;
        var actual = SopImporter.Import(File.ReadAllBytes(files.Pdf(seed))).Template;

        // A PDF keeps the lines the word processor wrapped; where a wrapped line can be told from a new item only
        // by the cell it sits in, an item's text may differ. What must hold: the template's identity, and every
        // block present with its items' beginnings.
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Agency, actual.Agency);
        Assert.Equal(expected.Document!.CreatedAt, actual.Document!.CreatedAt);
        Assert.Equal(expected.Document.EffectiveAt, actual.Document.EffectiveAt);
        foreach (var (want, got) in new[] { (expected.LegalBasis, actual.LegalBasis), (expected.Qualifications, actual.Qualifications), (expected.RelatedSops, actual.RelatedSops), (expected.Equipment, actual.Equipment), (expected.Warnings, actual.Warnings), (expected.Records, actual.Records) })
        {
            Assert.Equal(want.Count > 0, got.Count > 0);
            Assert.StartsWith(Begin(want.FirstOrDefault()), got.FirstOrDefault() ?? "");
        }
    }

    private static string Begin(string? item) => item is null ? "" : string.Join(' ', item.Split(' ').Take(3));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PlainDocx_WithGlyphCheckboxesAndNoBorders_ImportsToTheSameTemplateAsTheText(string seed)
    {
        var fromText = CuratedSeed.For(seed).Import();
        var fromDocx = SopImporter.Import(File.ReadAllBytes(files.PlainDocx(seed)));

        AssertSameTemplate(fromText.Template, fromDocx.Template);
        AssertSameIdentity(fromText.Template, fromDocx.Template);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PlainPdf_WithoutTableBorders_IsRebuiltFromWordPositions_ToTheSameTemplate(string seed)
    {
        var fromText = CuratedSeed.For(seed).Import();
        var fromPdf = SopImporter.Import(File.ReadAllBytes(files.PlainPdf(seed)));

        AssertSameTemplate(fromText.Template, fromPdf.Template);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void CentredPdf_WithNumbersMidRow_SplitsRowsAtTheBorders_ToTheSameTemplate(string seed)
    {
        var fromText = CuratedSeed.For(seed).Import();
        var fromPdf = SopImporter.Import(File.ReadAllBytes(files.CentredPdf(seed)));

        AssertSameTemplate(fromText.Template, fromPdf.Template);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void StepWarnings_OfAnOfficeFile_NameWhereTheRowIs(string seed)
    {
        var fromDocx = SopImporter.Import(File.ReadAllBytes(files.Docx(seed)));
        var fromPdf = SopImporter.Import(File.ReadAllBytes(files.Pdf(seed)));

        foreach (var step in fromDocx.Findings.Where(f => System.Text.RegularExpressions.Regex.IsMatch(f.Message, @"^Langkah \d+:")))
        {
            Assert.Matches(@"^tabel \d+ baris \d+", step.Location);
        }

        foreach (var step in fromPdf.Findings.Where(f => System.Text.RegularExpressions.Regex.IsMatch(f.Message, @"^Langkah \d+:")))
        {
            Assert.Matches(@"^halaman \d+, baris \d+ tabel prosedur", step.Location);
        }
    }

    [Fact]
    public void TheCheckboxSeed_IsMarkedByDrawnShapes_InTheDocxAndInThePdf()
    {
        const string seed = "003_7086ca8ce71826dd.txt";
        var docx = File.ReadAllBytes(files.Docx(seed));
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx)))
        using (var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open()))
        {
            string xml = reader.ReadToEnd();
            Assert.Contains("flowChartProcess", xml);
            Assert.DoesNotContain("☐", xml);
        }

        Assert.All(SopImporter.Import(docx).Steps, s => Assert.Equal(ActorSource.Marked, s.Actors));
        Assert.All(SopImporter.Import(File.ReadAllBytes(files.Pdf(seed))).Steps, s => Assert.Equal(ActorSource.Marked, s.Actors));
    }

    /// <summary>Everything but the procedure: id, title, agency, identity fields and the header blocks.</summary>
    private static void AssertSameIdentity(SopTemplate expected, SopTemplate actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Agency, actual.Agency);
        Assert.Equal(expected.Document! with { Source = null }, actual.Document! with { Source = null });
        Assert.Equal(expected.LegalBasis, actual.LegalBasis);
        Assert.Equal(expected.Qualifications, actual.Qualifications);
        Assert.Equal(expected.RelatedSops, actual.RelatedSops);
        Assert.Equal(expected.Equipment, actual.Equipment);
        Assert.Equal(expected.Warnings, actual.Warnings);
        Assert.Equal(expected.Records, actual.Records);
    }

    private static void AssertSameTemplate(SopTemplate expected, SopTemplate actual)
    {
        Assert.Equal(expected.Roles.Select(r => (r.Id, r.Title)), actual.Roles.Select(r => (r.Id, r.Title)));
        Assert.Equal(expected.Steps.Count, actual.Steps.Count);
        foreach (var (e, a) in expected.Steps.Zip(actual.Steps))
        {
            Assert.Equal(Json(e), Json(a));
        }
    }

    private static string Json(SopStep step) => JsonSerializer.Serialize(step, SopTemplateJson.Options);
}

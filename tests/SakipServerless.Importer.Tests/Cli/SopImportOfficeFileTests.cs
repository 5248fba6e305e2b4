using System.Text.Json.Nodes;
using SakipServerless.Importer.Tests.Support.Docx;
using SakipServerless.Importer.Tests.Support.Pdf;

namespace SakipServerless.Importer.Tests.Cli;

/// <summary><c>sop import</c> of Word and PDF files: the format comes from the bytes, so a misnamed file imports too.</summary>
[Collection(SeedOfficeCollection.Name)]
public sealed class SopImportOfficeFileTests(SeedOfficeFiles files) : IDisposable
{
    private const string Seed = "004_56724ad1e592ab86.txt";
    private readonly string _folder = Directory.CreateTempSubdirectory("sop-import-office-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Of(args);

    [Fact]
    public void ADocx_PrintsTheDraft_WithWarningsThatNameTheTableRow()
    {
        var (exit, output, errors) = Run("sop", "import", files.Docx(Seed));

        Assert.Equal(0, exit);
        var json = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(9, json["steps"]!.AsArray().Count);
        Assert.Equal("PT480M", (string?)json["steps"]![4]!["duration"]);
        Assert.Contains(json["importWarnings"]!.AsArray(), w => ((string?)w!["location"])?.StartsWith("tabel ", StringComparison.Ordinal) == true);
        Assert.Contains("9 langkah", errors);
    }

    [Fact]
    public void APdf_PrintsTheSameStepsAsTheDocx()
    {
        var docx = JsonNode.Parse(Run("sop", "import", files.Docx(Seed)).Out)!["steps"]!.ToJsonString();

        var (exit, output, _) = Run("sop", "import", files.Pdf(Seed));

        Assert.Equal(0, exit);
        Assert.Equal(docx, JsonNode.Parse(output)!["steps"]!.ToJsonString());
    }

    [Fact]
    public void APdfNamedTxt_IsStillReadAsAPdf()
    {
        string misnamed = Path.Combine(_folder, "sop.txt");
        File.Copy(files.Pdf(Seed), misnamed);

        var (exit, output, _) = Run("sop", "import", misnamed);

        Assert.Equal(0, exit);
        Assert.Equal(9, JsonNode.Parse(output)!["steps"]!.AsArray().Count);
    }

    [Fact]
    public void AScannedPdf_ExitsTwo_SayingItNeedsATextLayer()
    {
        string scanned = Path.Combine(_folder, "pindaian.pdf");
        File.WriteAllBytes(scanned, ScannedPdf.PagesOfImages(2));

        var (exit, output, errors) = Run("sop", "import", scanned);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("lapisan teks", errors);
        Assert.Contains("OCR", errors);
    }

    [Fact]
    public void AZipBombNamedDocx_ExitsTwo()
    {
        string bomb = Path.Combine(_folder, "sop.docx");
        File.WriteAllBytes(bomb, CraftedPackages.ZipBomb());

        var (exit, _, errors) = Run("sop", "import", bomb);

        Assert.Equal(2, exit);
        Assert.Contains("zip bomb", errors);
    }
}

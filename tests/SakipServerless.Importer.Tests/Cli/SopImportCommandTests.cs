using System.Text.Json.Nodes;
using SakipServerless.Importer.Tests.Support;

namespace SakipServerless.Importer.Tests.Cli;

/// <summary>The command line contract: <c>sop import &lt;file&gt; [--out &lt;file&gt;]</c>, JSON on stdout, exit 0; a clear message and exit 2 otherwise.</summary>
public sealed class SopImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sop-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Of(args);

    [Fact]
    public void ASeedDocument_PrintsTheDraftJson_AndExitsZero()
    {
        var (exit, output, _) = Run("sop", "import", RepositoryFiles.Seed("003_7086ca8ce71826dd.txt"));

        Assert.Equal(0, exit);
        var json = JsonNode.Parse(output)!.AsObject();
        Assert.Equal("SOP PENGUMPULAN DATA KINERJA", (string?)json["title"]);
        Assert.Equal(7, json["steps"]!.AsArray().Count);
        Assert.Equal("003_7086ca8ce71826dd.txt", (string?)json["document"]!["source"]);
        Assert.NotNull(json["importWarnings"]);
    }

    [Fact]
    public void OutOption_WritesTheFileInstead_AndKeepsStdoutEmpty()
    {
        string target = Path.Combine(_folder, "draf.json");

        var (exit, output, errors) = Run("sop", "import", RepositoryFiles.Seed("004_56724ad1e592ab86.txt"), "--out", target);

        Assert.Equal(0, exit);
        Assert.Equal("", output);
        Assert.Contains(target, errors);
        var json = JsonNode.Parse(File.ReadAllText(target))!.AsObject();
        Assert.Equal("PT480M", (string?)json["steps"]![4]!["duration"]);
    }

    [Fact]
    public void AMissingFile_ExitsTwo_WithAMessage()
    {
        var (exit, output, errors) = Run("sop", "import", Path.Combine(_folder, "tidak-ada.txt"));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("Berkas tidak ditemukan", errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Notulen rapat tanpa tabel prosedur")]
    public void AFileThatIsNoSopDocument_ExitsTwo_WithAMessage(string content)
    {
        string path = Path.Combine(_folder, "bukan-sop.txt");
        File.WriteAllText(path, content);

        var (exit, output, errors) = Run("sop", "import", path);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("bukan-sop.txt", errors);
    }

    [Fact]
    public void ABinaryFile_ExitsTwo()
    {
        string path = Path.Combine(_folder, "gambar.png");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]);

        Assert.Equal(2, Run("sop", "import", path).Exit);
    }

    [Fact]
    public void AFileAboveTheSizeLimit_ExitsTwo_WithoutBeingRead()
    {
        string path = Path.Combine(_folder, "besar.pdf");
        using (var file = File.Create(path))
        {
            file.SetLength(SopImporter.MaxFileBytes + 1L);
        }

        var (exit, output, errors) = Run("sop", "import", path);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("melebihi batas 20 MB", errors);
    }

    [Theory]
    [InlineData]
    [InlineData("--out")]
    [InlineData("a.txt", "b.txt")]
    [InlineData("a.txt", "--format", "yaml")]
    public void WrongArguments_ExitTwo_WithUsage(params string[] args)
    {
        var (exit, _, errors) = Run(["sop", "import", .. args]);

        Assert.Equal(2, exit);
        Assert.Contains("Penggunaan", errors);
    }

    [Fact]
    public void AnUnwritableOutFile_ExitsTwo()
    {
        var (exit, _, errors) = Run("sop", "import", RepositoryFiles.Seed("000_f86be33a7e42c90b.txt"), "--out", Path.Combine(_folder, "tidak", "ada", "draf.json"));

        Assert.Equal(2, exit);
        Assert.Contains("tidak dapat ditulis", errors);
    }
}

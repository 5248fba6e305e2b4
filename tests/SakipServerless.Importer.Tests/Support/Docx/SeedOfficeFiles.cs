namespace SakipServerless.Importer.Tests.Support.Docx;

/// <summary>
/// The five seed SOPs as Word documents (<see cref="SopDocxWriter"/>) and as PDFs exported from those by
/// LibreOffice, written once per test run into a temporary folder.
/// </summary>
public sealed class SeedOfficeFiles : IDisposable
{
    public SeedOfficeFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "sakip-seed-office-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        foreach (var seed in Directory.GetFiles(SeedFolder, "*.txt"))
        {
            File.WriteAllBytes(Path.Combine(Folder, Path.ChangeExtension(Path.GetFileName(seed), ".docx")), SopDocxWriter.FromExport(File.ReadAllText(seed)));
        }

        LibreOffice.ConvertAllToPdf(Folder);
    }

    public static string SeedFolder => Path.Combine(AppContext.BaseDirectory, "sop", "seeds");

    public string Folder { get; }

    public string Docx(string seedFile) => Path.Combine(Folder, Path.ChangeExtension(seedFile, ".docx"));

    public string Pdf(string seedFile) => Path.Combine(Folder, Path.ChangeExtension(seedFile, ".pdf"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; nothing depends on it.
        }
    }
}

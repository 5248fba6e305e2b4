namespace SakipServerless.Importer.Tests.Support;

/// <summary>Test inputs as the test project copies them to its output folder (see the csproj).</summary>
internal static class RepositoryFiles
{
    public static string SopFolder => Path.Combine(AppContext.BaseDirectory, "sop");

    public static string SeedFolder => Path.Combine(SopFolder, "seeds");

    public static string DocumentsFolder => Path.Combine(AppContext.BaseDirectory, "Documents");

    public static string Seed(string fileName) => Path.Combine(SeedFolder, fileName);

    public static string Document(string fileName) => Path.Combine(DocumentsFolder, fileName);

    public static IReadOnlyList<string> SeedFileNames() =>
        [.. Directory.GetFiles(SeedFolder, "*.txt").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> DocumentFileNames() =>
        [.. Directory.GetFiles(DocumentsFolder, "*.txt").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
}

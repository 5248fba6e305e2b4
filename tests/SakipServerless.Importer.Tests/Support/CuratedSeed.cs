using SakipServerless.Core.Templates;

namespace SakipServerless.Importer.Tests.Support;

/// <summary>A seed document and the curated template that names it as its source (document.source).</summary>
public sealed record CuratedSeed(string SeedFile, string TemplateFile)
{
    private static readonly Lazy<IReadOnlyList<CuratedSeed>> All = new(Load);

    public static IReadOnlyList<CuratedSeed> Pairs => All.Value;

    public static TheoryData<string> SeedFiles() => new(Pairs.Select(p => p.SeedFile));

    public static CuratedSeed For(string seedFile) => Pairs.Single(p => p.SeedFile == seedFile);

    public SopTemplate Curated() => SopTemplateJson.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.SopFolder, TemplateFile)));

    public ImportResult Import() => SopImporter.Import(File.ReadAllBytes(RepositoryFiles.Seed(SeedFile)), SeedFile);

    public override string ToString() => SeedFile;

    private static List<CuratedSeed> Load()
    {
        var pairs = new List<CuratedSeed>();
        foreach (var path in Directory.GetFiles(RepositoryFiles.SopFolder, "*.json", SearchOption.TopDirectoryOnly))
        {
            var template = SopTemplateJson.Parse(File.ReadAllText(path));
            if (template.Document?.Source is { } source && File.Exists(RepositoryFiles.Seed(source)))
            {
                pairs.Add(new CuratedSeed(source, Path.GetFileName(path)));
            }
        }

        return [.. pairs.OrderBy(p => p.SeedFile, StringComparer.Ordinal)];
    }
}

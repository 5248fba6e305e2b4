using SakipServerless.Importer.Tests.Support;

namespace SakipServerless.Importer.Tests.Seeds;

/// <summary>
/// Damaged copies of the real documents — cut short, missing a line, with cells dropped or noise inserted —
/// either import to a valid draft or are refused with <see cref="SopImportException"/>; nothing else may escape.
/// </summary>
public sealed class SeedRobustnessTests
{
    public static TheoryData<string> Seeds() => CuratedSeed.SeedFiles();

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryPrefixOfTheDocument_ImportsOrIsRefused(string seed)
    {
        var lines = Lines(seed);
        for (int n = 0; n <= lines.Length; n++)
        {
            AssertImportsOrIsRefused(string.Join('\n', lines[..n]), $"first {n} lines");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TheDocumentWithoutAnyOneLine_ImportsOrIsRefused(string seed)
    {
        var lines = Lines(seed);
        for (int skip = 0; skip < lines.Length; skip++)
        {
            AssertImportsOrIsRefused(string.Join('\n', lines.Where((_, i) => i != skip)), $"without line {skip + 1}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void CellsDroppedOrNoiseInserted_ImportsOrIsRefused(string seed)
    {
        var lines = Lines(seed);
        var random = new Random(seed.GetHashCode(StringComparison.Ordinal) & 0x7fff);
        string[] noise = ["", "\t", "Ya", "→", "<li>", "</ol>", "1.", "99\t", "Tidak\tTidak", "\u00a0", "<input type=\"checkbox\"/>", "jika tidak dikembalikan", "2 (dua)"];
        for (int round = 0; round < 200; round++)
        {
            var mangled = lines.Select(line =>
            {
                if (random.Next(6) != 0)
                {
                    return line;
                }

                var cells = line.Split('\t').ToList();
                int at = random.Next(cells.Count);
                if (random.Next(2) == 0 && cells.Count > 1)
                {
                    cells.RemoveAt(at);
                }
                else
                {
                    cells.Insert(at, noise[random.Next(noise.Length)]);
                }

                return string.Join('\t', cells);
            });

            AssertImportsOrIsRefused(string.Join('\n', mangled), $"round {round}");
        }
    }

    private static string[] Lines(string seed) => File.ReadAllText(RepositoryFiles.Seed(seed)).Split('\n');

    private static void AssertImportsOrIsRefused(string text, string what)
    {
        ImportResult result;
        try
        {
            result = SopImporter.Import(text, "rusak.txt");
        }
        catch (SopImportException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Message), what);
            return;
        }

        Assert.True(result.Template.Steps.Count > 0, what);
        Assert.True(
            Core.Templates.TemplateValidator.Validate(result.Template, Core.Templates.TemplateValidationMode.Draft).Count == 0,
            $"{what}: {string.Join("; ", Core.Templates.TemplateValidator.Validate(result.Template, Core.Templates.TemplateValidationMode.Draft))}");
        _ = DraftTemplateJson.Serialize(result);
    }
}

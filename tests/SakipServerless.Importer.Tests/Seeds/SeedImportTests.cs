using SakipServerless.Core.Calendar;
using SakipServerless.Core.Templates;
using SakipServerless.Importer.Tests.Support;

namespace SakipServerless.Importer.Tests.Seeds;

/// <summary>
/// Each seed document imports to a template that matches its curated template in sop/: steps, durations,
/// outputs and kelengkapan exactly (after normalising spacing, case and equivalent ISO forms); actors where the
/// document marks them; and where the curated template made a choice the document cannot show, the import says so.
/// </summary>
public sealed class SeedImportTests
{
    public static TheoryData<string> Seeds() => CuratedSeed.SeedFiles();

    [Fact]
    public void EverySeedDocument_HasACuratedTemplate()
    {
        Assert.Equal(RepositoryFiles.SeedFileNames(), CuratedSeed.Pairs.Select(p => p.SeedFile));
        Assert.Equal(5, CuratedSeed.Pairs.Count);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Steps_MatchInCountOrderNumberAndActivity(string seed)
    {
        var (imported, curated) = Both(seed);

        Assert.Equal(curated.Steps.Select(s => (s.No, Text(s.Activity))), imported.Template.Steps.Select(s => (s.No, Text(s.Activity))));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Durations_Match(string seed)
    {
        var (imported, curated) = Both(seed);

        foreach (var (mine, theirs) in imported.Template.Steps.Zip(curated.Steps))
        {
            Assert.True(mine.Duration is not null, $"step {mine.No}: no duration");
            Assert.Equal(Parts(theirs.Duration!), Parts(mine.Duration!));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Outputs_Match(string seed)
    {
        var (imported, curated) = Both(seed);

        Assert.Equal(curated.Steps.Select(s => Text(s.Output)), imported.Template.Steps.Select(s => Text(s.Output)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Kelengkapan_Match_AndItemsJoinedWithoutCommaAreWarned(string seed)
    {
        var (imported, curated) = Both(seed);

        foreach (var (mine, theirs) in imported.Template.Steps.Zip(curated.Steps))
        {
            Assert.Equal(theirs.Kelengkapan.Select(Key), mine.Kelengkapan.Select(Key));
        }

        // Where the import split an item the document wrote as one cell part, it says so for that step.
        var document = File.ReadAllText(RepositoryFiles.Seed(seed));
        foreach (var step in imported.Template.Steps)
        {
            foreach (var item in step.Kelengkapan.Where(i => !ReadsAsWrittenIn(document, step, i, step.Kelengkapan)))
            {
                Assert.Contains(imported.WarningsFor(step.No), w => w.Contains("tanpa koma", StringComparison.Ordinal) && w.Contains(item, StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Actors_MatchWhereTheDocumentMarksThem_OtherwiseAWarningSaysTheyWereInferred(string seed)
    {
        var (imported, curated) = Both(seed);

        foreach (var evidence in imported.Steps)
        {
            var mine = imported.Step(evidence.No);
            var theirs = curated.Steps.Single(s => s.No == evidence.No);
            if (evidence.Actors is ActorSource.Marked or ActorSource.Named)
            {
                Assert.Equal(theirs.AssigneeRole, mine.AssigneeRole);
                Assert.All(mine.Actors, a => Assert.Contains(a, theirs.Actors));
            }
            else
            {
                Assert.Contains(imported.WarningsFor(evidence.No), w => w.Contains("Pelaksana", StringComparison.Ordinal) && (w.Contains("ditebak", StringComparison.Ordinal) || w.Contains("disimpulkan", StringComparison.Ordinal)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Kinds_Match_OrTheChoiceOfCollectStepIsWarned(string seed)
    {
        var (imported, curated) = Both(seed);

        foreach (var (mine, theirs) in imported.Template.Steps.Zip(curated.Steps))
        {
            if (mine.Kind == theirs.Kind)
            {
                continue;
            }

            // Which step collects from the units is a reading of the document; the import must say it chose.
            Assert.True(mine.Kind == StepKind.Collect || theirs.Kind == StepKind.Collect, $"step {mine.No}: {mine.Kind} vs {theirs.Kind}");
            Assert.Contains(imported.Warnings, w => w.StartsWith("Langkah pengumpulan data per unit (collect)", StringComparison.Ordinal) && w.Contains("tafsiran", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void WhenAndReturnTargets_Match(string seed)
    {
        var (imported, curated) = Both(seed);

        Assert.Equal(curated.Steps.Select(s => s.When), imported.Template.Steps.Select(s => s.When));
        Assert.Equal(
            curated.Steps.Select(s => s.OnReturn is { } r ? curated.FindStep(r)!.No : (int?)null),
            imported.Template.Steps.Select(s => imported.ReturnNo(s.No)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Roles_AreTheActorColumnsInOrder(string seed)
    {
        var (imported, curated) = Both(seed);

        Assert.Equal(curated.Roles, imported.Template.Roles);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void IdentityBlock_MatchesAsWritten(string seed)
    {
        var (imported, curated) = Both(seed);
        var mine = imported.Template.Document!;
        var theirs = curated.Document!;

        Assert.Equal(theirs.Number, mine.Number);
        Assert.Equal(theirs.CreatedAt, mine.CreatedAt);
        Assert.Equal(theirs.RevisedAt, mine.RevisedAt);
        Assert.Equal(theirs.EffectiveAt, mine.EffectiveAt);
        Assert.Equal(theirs.ApprovedBy, mine.ApprovedBy);
        Assert.Equal(seed, mine.Source);
        Assert.Equal(curated.Title, imported.Template.Title);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void HeaderBlocks_Match_OrARunOnItemIsWarned(string seed)
    {
        var (imported, curated) = Both(seed);
        var t = imported.Template;

        Assert.Equal(curated.LegalBasis, t.LegalBasis);
        Assert.Equal(curated.Qualifications, t.Qualifications);
        Assert.Equal(curated.RelatedSops, t.RelatedSops);
        Assert.Equal(curated.Warnings, t.Warnings);
        foreach (var (mine, theirs) in new[] { (t.Equipment, curated.Equipment), (t.Records, curated.Records) })
        {
            if (!mine.SequenceEqual(theirs))
            {
                var item = Assert.Single(mine);
                Assert.Equal(string.Join(' ', theirs), item);
                Assert.Contains(imported.Warnings, w => w.Contains(item, StringComparison.Ordinal) && w.Contains("bersambung", StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Import_ValidatesInDraftMode_AndEveryStepWarningNamesAStep(string seed)
    {
        var imported = CuratedSeed.For(seed).Import();

        imported.AssertValidDraft();
        Assert.Equal(imported.Findings, imported.Template.ImportWarnings);
        var numbers = imported.Template.Steps.Select(s => s.No).ToHashSet();
        foreach (var warning in imported.Warnings.Where(w => w.StartsWith("Langkah ", StringComparison.Ordinal) && char.IsDigit(w["Langkah ".Length])))
        {
            int no = int.Parse(warning["Langkah ".Length..warning.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(no, numbers);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void StartSchedule_MatchesTheCuratedTemplate_AndItsReadingIsWarned(string seed)
    {
        var (imported, curated) = Both(seed);

        Assert.Equal(curated.Schedule, imported.Template.Schedule);
        if (curated.Schedule is not null)
        {
            Assert.Contains(imported.Findings, w => w.Severity == ImportWarningSeverity.Advisory && w.Message.Contains("jadwal mulai (schedule)", StringComparison.Ordinal));
        }
    }

    private static (ImportResult Imported, SopTemplate Curated) Both(string seed)
    {
        var pair = CuratedSeed.For(seed);
        return (pair.Import(), pair.Curated());
    }

    private static string Text(string? text) => string.Join(' ', (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Key(string text) => Text(text).ToLowerInvariant();

    private static List<(string Field, WorkDuration Value)> Parts(StepDuration duration) =>
        [.. duration.Parts().Select(p => (p.Field, WorkDuration.Parse(p.Text)))];

    /// <summary>Whether an item appears in the document as a whole comma-separated part of the step's kelengkapan.</summary>
    private static bool ReadsAsWrittenIn(string document, SopStep step, string item, IReadOnlyList<string> items)
    {
        var row = document.Split('\n').First(l => l.StartsWith($"{step.No}\t", StringComparison.Ordinal) || l.StartsWith($"{step.No}.\t", StringComparison.Ordinal));
        return row.Split('\t').SelectMany(c => c.Split(',')).Any(part => Key(part) == Key(item));
    }
}

using SakipServerless.Core.Templates;

namespace SakipServerless.Importer.Steps;

/// <summary>
/// Decides which earlier step a review returns to, in this order: the step last done by the role the text
/// returns to ("dikembalikan pada kasubag/kasubid"); for a Ya/Tidak decision, the row where the "Tidak" line
/// lands; the first of the steps just before that produced the same output the review passes on; the step last
/// done by the one who reported; otherwise the previous step. Whoever gets the work back takes part in the review.
/// </summary>
internal static class ReturnTargetResolver
{
    public static void Apply(IReadOnlyList<StepDraft> steps, RoleCatalog roles, ImportWarnings warnings)
    {
        for (int i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Kind != StepKind.Review)
            {
                continue;
            }

            if (i == 0)
            {
                step.Kind = StepKind.Task;
                warnings.ForStep(step.No, "pemeriksaan pada langkah pertama tidak punya langkah untuk diperbaiki; dibaca sebagai tugas biasa.");
                continue;
            }

            var (target, reason) = Find(steps, i);
            step.ReturnTo = target;
            if (reason is not null)
            {
                warnings.ForStep(step.No, $"bila dikembalikan, langkah {steps[target].No} dikerjakan ulang ({reason}).");
            }

            if (Returnee(step, steps[target]) is { } returnee && !step.Actors.Contains(returnee) && step.Actors.Count > 0)
            {
                step.Actors.Add(returnee);
            }
        }
    }

    private static (int Target, string? Reason) Find(IReadOnlyList<StepDraft> steps, int at)
    {
        var step = steps[at];
        if (step.Mentions.FirstOrDefault(m => m.Clause == MentionClause.Return) is { } back)
        {
            int done = LastBefore(steps, at, s => s.Assignee == back.Role);
            if (done < 0)
            {
                done = LastBefore(steps, at, s => s.Actors.Contains(back.Role));
            }

            if (done >= 0)
            {
                return (done, null);
            }
        }

        if (step.DecisionByMarkers)
        {
            int landing = LastBefore(steps, at, s => s.HasMarker(MarkerKind.No));
            if (landing >= 0)
            {
                return (landing, "tempat tanda \"Tidak\" kembali");
            }
        }

        if (step.Output is { Length: > 0 } output && Same(steps[at - 1].Output, output))
        {
            int first = at - 1;
            while (first > 0 && Same(steps[first - 1].Output, output) && steps[first - 1].Kind != StepKind.Review)
            {
                first--;
            }

            return (first, $"langkah pertama yang menghasilkan \"{output}\" sebelum pemeriksaan");
        }

        var reporter = step.MainMentions(MentionRole.Subject).Select(m => (int?)m.Role).FirstOrDefault(r => r != step.Assignee);
        if (reporter is { } from)
        {
            int done = LastBefore(steps, at, s => s.Actors.Contains(from));
            if (done >= 0)
            {
                return (done, "langkah terakhir yang dikerjakan pelapor");
            }
        }

        return (at - 1, "langkah tepat sebelum pemeriksaan");
    }

    /// <summary>Who gets the work back: the role the text returns it to, else the one who reported, else the rework step's performer.</summary>
    private static int? Returnee(StepDraft review, StepDraft rework) =>
        review.Mentions.Where(m => m.Clause == MentionClause.Return).Select(m => (int?)m.Role).FirstOrDefault()
        ?? review.MainMentions(MentionRole.Subject).Select(m => (int?)m.Role).FirstOrDefault(r => r != review.Assignee)
        ?? rework.Assignee;

    private static int LastBefore(IReadOnlyList<StepDraft> steps, int at, Func<StepDraft, bool> match)
    {
        for (int j = at - 1; j >= 0; j--)
        {
            if (match(steps[j]))
            {
                return j;
            }
        }

        return -1;
    }

    private static bool Same(string? a, string? b) =>
        a is not null && b is not null && KelengkapanSplitter.Normalise(a) == KelengkapanSplitter.Normalise(b);
}

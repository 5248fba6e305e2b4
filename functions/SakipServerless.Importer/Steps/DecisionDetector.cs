using SakipServerless.Core.Templates;

namespace SakipServerless.Importer.Steps;

/// <summary>
/// Finds decision steps the text alone does not show. A flowchart exported as text leaves its decision as
/// "Ya"/"Tidak" labels in the actor columns: the row with a "Tidak" and no "Ya" is the decision (its "Ya"
/// branch continues on the next row); if every "Tidak" row also has a "Ya", the last one is.
/// A report addressed to the one whose column is marked ("Laporan Sekretaris … kepada Camat", ticked under Camat)
/// is read as that person checking the report.
/// </summary>
internal static class DecisionDetector
{
    public static void Apply(IReadOnlyList<StepDraft> steps, RoleCatalog roles, ImportWarnings warnings)
    {
        var withNo = steps.Where(s => s.HasMarker(MarkerKind.No)).ToList();
        var decisions = withNo.Where(s => !s.HasMarker(MarkerKind.Yes)).ToList();
        if (decisions.Count == 0 && withNo.Count > 0)
        {
            decisions.Add(withNo[^1]);
        }

        decisions.AddRange(steps.Where(s => s.HasMarker(MarkerKind.Decision) && !decisions.Contains(s)));
        foreach (var step in decisions)
        {
            step.DecisionByMarkers = true;
            if (step.Kind != StepKind.Review)
            {
                step.Kind = StepKind.Review;
                warnings.ForStep(step.No, "tanda Ya/Tidak di kolom Pelaksana dibaca sebagai keputusan (review): disetujui lanjut ke langkah berikutnya, tidak disetujui dikembalikan untuk diperbaiki.");
            }
        }

        foreach (var step in steps)
        {
            if (step.Kind != StepKind.Task || step.ActorSource != ActorSource.Marked || !StepKindInference.IsReport(step.Activity) || step.Assignee is not { } marked)
            {
                continue;
            }

            bool addressedToMarked = step.MainMentions(MentionRole.Recipient).Any(m => m.Role == marked);
            var reporter = step.MainMentions(MentionRole.Subject).Select(m => (int?)m.Role).FirstOrDefault(r => r != marked);
            if (addressedToMarked && reporter is { } from)
            {
                step.Kind = StepKind.Review;
                if (!step.Actors.Contains(from))
                {
                    step.Actors.Add(from);
                }

                warnings.ForStep(step.No, $"laporan {roles[from].Title} kepada {roles[marked].Title} yang bertanda di kolom {roles[marked].Title} dibaca sebagai pemeriksaan (review) oleh {roles[marked].Title}.");
            }
        }
    }
}

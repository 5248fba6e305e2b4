using SakipServerless.Core.Templates;

namespace SakipServerless.Importer.Steps;

/// <summary>
/// Chooses the collect steps — where every unit submits its data and the collector accepts or returns each
/// submission. Which step that is, is a reading of the document, so it is always reported.
/// Beyond steps whose text gathers data (mengumpulkan, menghimpun): a unit head handing data to someone
/// ("Menyampaikan data kinerja kepada Kasubag Evlap", marked under Kepala Seksi/Lurah) is the units submitting;
/// and with no such step, the handover right after a command to gather data is where the data arrives.
/// </summary>
internal static class CollectStepSelector
{
    public static void Apply(IReadOnlyList<StepDraft> steps, RoleCatalog roles, ImportWarnings warnings)
    {
        foreach (var step in steps.Where(s => s.Kind == StepKind.Task && StepKindInference.IsHandover(s.Activity)))
        {
            if (step.Assignee is { } giver && roles[giver].IsUnitHead && step.Actors.Skip(1).FirstOrDefault(a => !roles[a].IsUnitHead, -1) is var receiver and >= 0)
            {
                step.Kind = StepKind.Collect;
                step.Actors.Remove(receiver);
                step.Actors.Insert(0, receiver);
                warnings.ForStep(step.No, $"{roles[giver].Title} menyerahkan data kepada {roles[receiver].Title}: dibaca sebagai pengumpulan data per unit (collect) yang diterima atau dikembalikan oleh {roles[receiver].Title}.");
            }
        }

        if (!steps.Any(s => s.Kind == StepKind.Collect))
        {
            for (int i = 0; i + 1 < steps.Count; i++)
            {
                if (steps[i].Kind != StepKind.Disposition || !StepKindInference.OrdersCollecting(steps[i].Activity))
                {
                    continue;
                }

                var arrival = steps.Skip(i + 1).FirstOrDefault(s => s.Kind != StepKind.Disposition);
                if (arrival is { Kind: StepKind.Task } && StepKindInference.IsHandover(arrival.Activity))
                {
                    arrival.Kind = StepKind.Collect;
                    warnings.ForStep(arrival.No, $"dijadikan langkah pengumpulan data per unit (collect) karena menyerahkan bahan yang diperintahkan untuk dikumpulkan pada langkah {steps[i].No}.");
                    break;
                }
            }
        }

        foreach (var step in steps.Where(s => s.Kind == StepKind.Collect && StepKindInference.NamesUnits(s.Activity)))
        {
            var added = roles.UnitHeads.Where(u => !step.Actors.Contains(u)).ToList();
            if (added.Count > 0 && step.Actors.Count > 0)
            {
                step.Actors.AddRange(added);
                warnings.ForStep(step.No, $"uraian menyebut unit pengirim data; {roles.Titles(added)} diikutkan sebagai pelaksana pengumpulan.");
            }
        }

        var collects = steps.Where(s => s.Kind == StepKind.Collect).Select(s => s.No).ToList();
        warnings.Add(collects.Count > 0
            ? $"Langkah pengumpulan data per unit (collect) ditetapkan pada langkah {string.Join(", ", collects)}. Ini tafsiran importer: periksa apakah langkah lain juga menerima data dari unit dan apakah waktunya cukup bagi setiap unit."
            : "Tidak ada langkah yang jelas mengumpulkan data dari unit (collect); tandai langkah pengumpulan secara manual bila ada.",
            location: collects.Count == 1 ? warnings.PlaceOfStep(collects[0]) : null);
    }
}

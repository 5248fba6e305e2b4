using System.Text.RegularExpressions;
using SakipServerless.Core.Calendar;

namespace SakipServerless.Core.Templates;

/// <summary>
/// Checks that a template is executable: ids unique and well-formed, actors declared, links resolvable,
/// durations readable, review steps able to return, and no loop in the flow that a review step does not close.
/// Every error names the step and field, so a reviewer can fix a document without guessing.
/// </summary>
public static partial class TemplateValidator
{
    public static IReadOnlyList<TemplateError> Validate(SopTemplate template, TemplateValidationMode mode = TemplateValidationMode.Publish)
    {
        var errors = new List<TemplateError>();
        CheckHeader(template, errors);
        var roleIds = CheckRoles(template, errors);
        var stepIds = CheckStepIdentity(template, errors);
        for (int i = 0; i < template.Steps.Count; i++)
        {
            CheckStep(template, i, roleIds, stepIds, mode, errors);
        }

        // Flow checks need unambiguous ids and resolvable links; otherwise they would only repeat those complaints.
        bool linksResolve = template.Steps?.All(s => (s.Next is null || stepIds.Contains(s.Next)) && (s.OnApprove is null || stepIds.Contains(s.OnApprove))) ?? false;
        if (stepIds.Count == template.Steps!.Count && template.Steps.Count > 0 && linksResolve)
        {
            CheckFlow(template, errors);
        }

        return errors;
    }

    /// <summary>Validates and throws <see cref="TemplateValidationException"/> listing every error.</summary>
    public static SopTemplate EnsureValid(SopTemplate template, TemplateValidationMode mode = TemplateValidationMode.Publish)
    {
        var errors = Validate(template, mode);
        return errors.Count == 0 ? template : throw new TemplateValidationException(errors);
    }

    private static void CheckHeader(SopTemplate t, List<TemplateError> errors)
    {
        if (t.SchemaVersion != 1)
        {
            errors.Add(new("schemaVersion", $"schemaVersion {t.SchemaVersion} tidak didukung; gunakan 1."));
        }

        if (!Slug().IsMatch(t.Id ?? ""))
        {
            errors.Add(new("id", $"id '{t.Id}' harus huruf kecil, angka dan tanda '-' (mis. jeneponto-kesbangpol-pengumpulan-data-kinerja)."));
        }

        if (t.Version < 1)
        {
            errors.Add(new("version", "version harus 1 atau lebih."));
        }

        if (string.IsNullOrWhiteSpace(t.Title))
        {
            errors.Add(new("title", "Judul SOP wajib diisi."));
        }

        if (t.Agency is null || string.IsNullOrWhiteSpace(t.Agency.Name))
        {
            errors.Add(new("agency.name", "Nama instansi (agency.name) wajib diisi."));
        }

        if (t.Steps is null || t.Steps.Count == 0)
        {
            errors.Add(new("steps", "Template harus memiliki paling sedikit satu langkah."));
        }

        CheckSchedule(t.Schedule, errors);
    }

    private static void CheckSchedule(StartSchedule? schedule, List<TemplateError> errors)
    {
        if (schedule is null)
        {
            return;
        }

        if (!Enum.IsDefined(schedule.Every))
        {
            errors.Add(new("schedule.every", "schedule.every harus triwulan, semester atau tahunan."));
        }

        if (schedule.Day is < 1 or > 28)
        {
            errors.Add(new("schedule.day", $"Tanggal mulai {schedule.Day} tidak sah; isi 1 sampai 28 agar ada di setiap bulan."));
        }

        if (!schedule.TryGetTime(out _))
        {
            errors.Add(new("schedule.time", $"Jam mulai '{schedule.Time}' tidak dapat dibaca; gunakan format JJ:mm, mis. 07:30."));
        }
    }

    private static HashSet<string> CheckRoles(SopTemplate t, List<TemplateError> errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (t.Roles is null || t.Roles.Count == 0)
        {
            errors.Add(new("roles", "Template harus memiliki paling sedikit satu pelaksana (roles)."));
            return ids;
        }

        for (int i = 0; i < t.Roles.Count; i++)
        {
            var role = t.Roles[i];
            if (!Slug().IsMatch(role.Id ?? ""))
            {
                errors.Add(new($"roles[{i}].id", $"id pelaksana '{role.Id}' harus huruf kecil, angka dan tanda '-'."));
            }
            else if (!ids.Add(role.Id!))
            {
                errors.Add(new($"roles[{i}].id", $"id pelaksana '{role.Id}' dipakai lebih dari sekali."));
            }

            if (string.IsNullOrWhiteSpace(role.Title))
            {
                errors.Add(new($"roles[{i}].title", $"Nama pelaksana '{role.Id}' wajib diisi."));
            }
        }

        return ids;
    }

    private static HashSet<string> CheckStepIdentity(SopTemplate t, List<TemplateError> errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new HashSet<int>();
        for (int i = 0; i < (t.Steps?.Count ?? 0); i++)
        {
            var step = t.Steps![i];
            string path = StepPath(i, step);
            if (!Slug().IsMatch(step.Id ?? ""))
            {
                errors.Add(new($"{path}.id", $"id langkah '{step.Id}' harus huruf kecil, angka dan tanda '-'.", step.Id, "id"));
            }
            else if (!ids.Add(step.Id!))
            {
                errors.Add(new($"{path}.id", $"id langkah '{step.Id}' dipakai lebih dari sekali.", step.Id, "id"));
            }

            if (step.No < 1 || !numbers.Add(step.No))
            {
                errors.Add(new($"{path}.no", $"Nomor langkah {step.No} tidak sah atau dipakai lebih dari sekali.", step.Id, "no"));
            }
        }

        return ids;
    }

    private static void CheckStep(SopTemplate t, int index, HashSet<string> roles, HashSet<string> steps, TemplateValidationMode mode, List<TemplateError> errors)
    {
        var step = t.Steps[index];
        string path = StepPath(index, step);
        void Add(string field, string message) => errors.Add(new($"{path}.{field}", message, step.Id, field));

        if (string.IsNullOrWhiteSpace(step.Activity))
        {
            Add("activity", "Uraian kegiatan wajib diisi.");
        }

        if (step.Actors.Count == 0 && mode == TemplateValidationMode.Publish)
        {
            Add("actors", "Langkah belum memiliki pelaksana.");
        }

        for (int a = 0; a < step.Actors.Count; a++)
        {
            if (!roles.Contains(step.Actors[a]))
            {
                Add($"actors[{a}]", $"Pelaksana '{step.Actors[a]}' tidak terdaftar di roles.");
            }
        }

        CheckDuration(step, mode, Add);

        if (step.MinEvidenceFiles is { } minFiles && (minFiles < 0 || minFiles > 20))
        {
            Add("minEvidenceFiles", $"minEvidenceFiles {minFiles} tidak sah; isi 0 sampai 20 berkas per kiriman.");
        }
        else if (step.MinEvidenceFiles is not null && step.Kind != StepKind.Collect)
        {
            Add("minEvidenceFiles", "minEvidenceFiles hanya berlaku untuk langkah collect (kiriman unit).");
        }

        if (step.Next is not null && !steps.Contains(step.Next))
        {
            Add("next", $"next menunjuk langkah '{step.Next}' yang tidak ada.");
        }

        if (step.Kind == StepKind.Review)
        {
            CheckReviewLinks(t, index, steps, Add);
        }
        else
        {
            if (step.OnApprove is not null)
            {
                Add("onApprove", "onApprove hanya berlaku untuk langkah review.");
            }

            if (step.OnReturn is not null)
            {
                Add("onReturn", "onReturn hanya berlaku untuk langkah review.");
            }
        }
    }

    private static void CheckDuration(SopStep step, TemplateValidationMode mode, Action<string, string> add)
    {
        if (step.Duration is null)
        {
            if (mode == TemplateValidationMode.Publish)
            {
                add("duration", "Waktu (mutu baku) wajib diisi, mis. PT15M, PT1H atau P1D.");
            }

            return;
        }

        foreach (var (field, text) in step.Duration.Parts())
        {
            string where = step.Duration.IsPerPeriod ? $"duration.{field}" : "duration";
            if (!WorkDuration.TryParse(text, out var d))
            {
                add(where, $"Waktu '{text}' tidak dapat dibaca; gunakan durasi ISO 8601 seperti PT15M, PT1H atau P1D.");
            }
            else if (d.IsZero)
            {
                add(where, "Waktu harus lebih dari nol.");
            }
        }
    }

    private static void CheckReviewLinks(SopTemplate t, int index, HashSet<string> steps, Action<string, string> add)
    {
        var step = t.Steps[index];
        if (step.OnApprove is not null && !steps.Contains(step.OnApprove))
        {
            add("onApprove", $"onApprove menunjuk langkah '{step.OnApprove}' yang tidak ada.");
        }

        if (step.OnReturn is null)
        {
            add("onReturn", "Langkah review wajib menyebut langkah yang diperbaiki bila dikembalikan (onReturn).");
            return;
        }

        int target = t.IndexOf(step.OnReturn);
        if (target < 0)
        {
            add("onReturn", $"onReturn menunjuk langkah '{step.OnReturn}' yang tidak ada.");
        }
        else if (target >= index)
        {
            add("onReturn", $"onReturn harus menunjuk langkah sebelum review ini, bukan '{step.OnReturn}'.");
        }
        else if (!Covers(t.Steps[target].When, step.When))
        {
            add("onReturn", $"Langkah '{step.OnReturn}' tidak berjalan di semua periode review ini (when), sehingga pengembalian tidak selalu punya tujuan.");
        }
    }

    /// <summary>Whether a step with <paramref name="outer"/> runs in every period a step with <paramref name="inner"/> runs in.</summary>
    private static bool Covers(StepWhen outer, StepWhen inner) => (outer, inner) switch
    {
        (StepWhen.Always, _) => true,
        (StepWhen.SemesterEnd, StepWhen.SemesterEnd or StepWhen.YearEnd) => true,
        (StepWhen.YearEnd, StepWhen.YearEnd) => true,
        _ => false,
    };

    /// <summary>
    /// Forward flow (next and approvals) must be acyclic: only a review's return may lead back, because only
    /// a review decides when the loop ends. Every step must also be reachable from the first.
    /// </summary>
    private static void CheckFlow(SopTemplate t, List<TemplateError> errors)
    {
        var forward = new Dictionary<string, List<string>>();
        for (int i = 0; i < t.Steps.Count; i++)
        {
            var step = t.Steps[i];
            string? following = i + 1 < t.Steps.Count ? t.Steps[i + 1].Id : null;
            var targets = new List<string>();
            string? next = step.Next ?? following;
            if (step.Kind == StepKind.Review && step.OnApprove is not null)
            {
                next = step.OnApprove;
            }

            if (next is not null && t.IndexOf(next) >= 0)
            {
                targets.Add(next);
            }

            forward[step.Id] = targets;
        }

        var state = new Dictionary<string, int>();
        var stack = new List<string>();
        foreach (var step in t.Steps)
        {
            if (FindCycle(step.Id, forward, state, stack) is { } cycle)
            {
                int at = t.IndexOf(cycle[0]);
                errors.Add(new(
                    StepPath(at, t.Steps[at]) + ".next",
                    $"Alur berputar ({string.Join(" → ", cycle)}) tanpa langkah review yang menutupnya; hanya review (onReturn) yang boleh kembali ke langkah sebelumnya.",
                    cycle[0],
                    "next"));
                return;
            }
        }

        var reached = new HashSet<string>();
        var queue = new Queue<string>([t.Steps[0].Id]);
        while (queue.TryDequeue(out var id))
        {
            if (!reached.Add(id))
            {
                continue;
            }

            foreach (var n in forward[id])
            {
                queue.Enqueue(n);
            }
        }

        for (int i = 0; i < t.Steps.Count; i++)
        {
            if (!reached.Contains(t.Steps[i].Id))
            {
                errors.Add(new(StepPath(i, t.Steps[i]), "Langkah ini tidak pernah dicapai oleh alur (periksa next/onApprove sebelumnya).", t.Steps[i].Id));
            }
        }
    }

    private static List<string>? FindCycle(string id, Dictionary<string, List<string>> edges, Dictionary<string, int> state, List<string> stack)
    {
        // 0 = unseen, 1 = on the current path, 2 = finished.
        if (state.GetValueOrDefault(id) == 2)
        {
            return null;
        }

        if (state.GetValueOrDefault(id) == 1)
        {
            return [.. stack.Skip(stack.IndexOf(id)), id];
        }

        state[id] = 1;
        stack.Add(id);
        foreach (var n in edges[id])
        {
            if (FindCycle(n, edges, state, stack) is { } cycle)
            {
                return cycle;
            }
        }

        stack.RemoveAt(stack.Count - 1);
        state[id] = 2;
        return null;
    }

    private static string StepPath(int index, SopStep step) => $"steps[{index}]" + (string.IsNullOrEmpty(step.Id) ? "" : $"('{step.Id}')");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();
}

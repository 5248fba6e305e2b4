using SakipServerless.Core.Templates;

namespace SakipServerless.Importer.Steps;

/// <summary>
/// Decides who performs each step, in this order of trust:
/// actors the document names in words; the columns a row marks; roles the activity text names (a command is
/// given by the superior — the column to the left — of the one commanded; a handover is made by whoever was
/// dispatched before); the recipient of the previous step's handover; and last, a guess from the kind of work
/// and the role titles. Every reading below the marked columns is reported in the warnings.
/// </summary>
internal static class ActorInference
{
    public static void Resolve(IReadOnlyList<StepDraft> steps, RoleCatalog roles, ImportWarnings warnings)
    {
        for (int i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var previous = i > 0 ? steps[i - 1] : null;
            if (step.NamedActors.Count > 0)
            {
                Set(step, step.NamedActors, ActorSource.Named);
                continue;
            }

            if (step.IsMarked && FromMarkers(step, previous) is { } marked)
            {
                Set(step, marked, ActorSource.Marked);
                if (step.Markers.Any(m => m.Has(MarkerKind.Text)))
                {
                    warnings.ForStep(step.No, $"kolom Pelaksana berisi teks yang bukan tanda ({string.Join("; ", step.Markers.Where(m => m.Has(MarkerKind.Text)).Select(m => m.Raw))}); dibaca sebagai tanda pelaksana.");
                }

                continue;
            }

            if (step.IsMarked)
            {
                warnings.ForStep(step.No, $"tanda panah di kolom {roles.Titles(step.MarkedColumns)} dibaca sebagai garis penghubung karena uraian menyebut pelaksana lain; pelaksana diambil dari uraian.");
            }

            var (actors, source) = FromText(step, previous, roles);
            Set(step, actors, source);
            if (step.Kind == StepKind.Meeting && roles.Coordinator is { } lead && step.Actors.Remove(lead))
            {
                // A meeting on SAKIP data is led by the planning/reporting coordinator when they take part.
                step.Actors.Insert(0, lead);
            }

            Report(step, roles, warnings);
        }
    }

    private static void Set(StepDraft step, IEnumerable<int> actors, ActorSource source)
    {
        step.Actors = [.. actors.Distinct()];
        step.ActorSource = step.Actors.Count == 0 ? ActorSource.Unknown : source;
    }

    private static void Report(StepDraft step, RoleCatalog roles, ImportWarnings warnings)
    {
        string who = roles.Titles(step.Actors);
        switch (step.ActorSource)
        {
            case ActorSource.FromText:
                warnings.ForStep(step.No, $"kolom Pelaksana tidak bertanda; pelaksana disimpulkan dari uraian kegiatan: {who}.");
                break;
            case ActorSource.FromFlow:
                warnings.ForStep(step.No, $"kolom Pelaksana tidak bertanda; pelaksana ditebak dari langkah sebelumnya: {who}.");
                break;
            case ActorSource.Guessed:
                warnings.ForStep(step.No, $"kolom Pelaksana tidak bertanda dan uraian tidak menyebut pelaksana; pelaksana ditebak dari jenis kegiatan: {who}.");
                break;
            case ActorSource.Unknown:
                warnings.ForStep(step.No, "pelaksana tidak dapat ditentukan dari dokumen; isi secara manual.", "Pelaksana", Core.Templates.ImportWarningSeverity.Blocking);
                break;
        }
    }

    /// <summary>
    /// Reads the marked columns of a row. "Tidak" marks where a return lands, so that column performs.
    /// Horizontal arrows run from the performer to the receiver: columns an arrow only crosses are dropped.
    /// Horizontal arrows alone in columns the text does not name, while the text names others, are connector lines (null).
    /// </summary>
    private static List<int>? FromMarkers(StepDraft step, StepDraft? previous)
    {
        var markers = step.Markers;
        var marked = step.MarkedColumns.ToList();
        var named = step.Mentions.Select(m => m.Role).ToHashSet();
        // Only a horizontal arrow can be a line passing through; a vertical one marks the column the step sits in.
        if (marked.All(c => markers[c].IsHorizontalOnly) && named.Count > 0 && !marked.Any(named.Contains))
        {
            return null;
        }

        var ordered = marked.Where(c => markers[c].Has(MarkerKind.No)).ToList();
        var horizontal = marked.Where(c => markers[c].IsHorizontal).ToList();
        if (horizontal.Count > 0 && marked.Count > 1)
        {
            bool right = horizontal.All(c => markers[c].Has(MarkerKind.ArrowRight) && !markers[c].Has(MarkerKind.ArrowLeft));
            bool left = horizontal.All(c => markers[c].Has(MarkerKind.ArrowLeft) && !markers[c].Has(MarkerKind.ArrowRight));
            int origin, destination;
            if (right || left)
            {
                origin = right ? marked.Min() : marked.Max();
                destination = right ? marked.Max() : marked.Min();
            }
            else
            {
                // Arrows both ways: the text says who receives ("kepada masing-masing Seksi, Lurah").
                var receiver = step.Mentions.FirstOrDefault(m => m.As is MentionRole.Recipient or MentionRole.Object && marked.Contains(m.Role));
                destination = receiver?.Role ?? marked.Max();
                origin = marked.Where(c => c != destination).DefaultIfEmpty(destination).First();
            }

            ordered.Add(origin);
            ordered.Add(destination);
            // Columns with other marks than a crossing arrow still take part.
            ordered.AddRange(marked.Where(c => !markers[c].IsHorizontalOnly && c != origin && c != destination));
            return ordered;
        }

        var rest = marked.Where(c => !ordered.Contains(c)).ToList();
        var followers = step.Mentions.Where(m => m.Clause == MentionClause.Main && m.As is MentionRole.Companion or MentionRole.Recipient or MentionRole.Object)
            .Select(m => m.Role).Where(rest.Contains).ToList();
        if (followers.Count > 0 && followers.Count < rest.Count)
        {
            rest = [.. rest.Where(c => !followers.Contains(c)), .. followers];
        }
        else if (previous?.Assignee is { } carried && rest.Remove(carried))
        {
            // Several columns and no word on who leads: the one who did the previous step carries on.
            rest.Insert(0, carried);
        }

        ordered.AddRange(rest);
        return ordered;
    }

    private static (List<int> Actors, ActorSource Source) FromText(StepDraft step, StepDraft? previous, RoleCatalog roles)
    {
        int? subject = step.MainMentions(MentionRole.Subject).Select(m => (int?)m.Role).FirstOrDefault();
        var objects = step.MainMentions(MentionRole.Object).Select(m => m.Role).ToList();
        var recipients = step.MainMentions(MentionRole.Recipient).Select(m => m.Role).ToList();
        var companions = step.MainMentions(MentionRole.Companion).Select(m => m.Role).ToList();

        if (step.Kind == StepKind.Disposition && objects.Concat(recipients).Any())
        {
            var commanded = objects.Concat(recipients).Distinct().ToList();
            int? commander = subject ?? roles.SupervisorOf(commanded[0]);
            return ([.. Maybe(commander), .. commanded], ActorSource.FromText);
        }

        if (step.Kind == StepKind.Review)
        {
            int? rework = step.Mentions.Where(m => m.Clause == MentionClause.Return).Select(m => (int?)m.Role).FirstOrDefault()
                ?? previous?.Assignee;
            int? reviewer = subject ?? (rework is { } r ? roles.SupervisorOf(r) : null) ?? roles.Leader;
            return ([.. Maybe(reviewer), .. Maybe(rework)], subject is not null || step.Mentions.Count > 0 ? ActorSource.FromText : ActorSource.FromFlow);
        }

        if (subject is { } s)
        {
            return ([s, .. companions, .. objects, .. recipients], ActorSource.FromText);
        }

        if (recipients.Count > 0)
        {
            int? giver = Dispatched(previous);
            if (giver is { } g && recipients.Contains(g))
            {
                giver = previous?.Assignee is { } a && !recipients.Contains(a) ? a : null;
            }

            if (giver is null && Guess(step, roles).Where(c => !recipients.Contains(c)).ToList() is [var guess, ..])
            {
                giver = guess;
            }

            return ([.. Maybe(giver), .. recipients], ActorSource.FromFlow);
        }

        if (companions.Count > 0 || objects.Count > 0)
        {
            int? lead = previous?.Assignee ?? roles.Coordinator;
            return ([.. Maybe(lead), .. companions, .. objects], ActorSource.FromText);
        }

        if (previous is not null && ForwardRecipient(previous) is { } next)
        {
            return ([next], ActorSource.FromFlow);
        }

        return (Guess(step, roles), ActorSource.Guessed);
    }

    /// <summary>The role the previous step sent off to work: the one a command went to, otherwise its performer.</summary>
    private static int? Dispatched(StepDraft? previous) =>
        previous is null ? null
        : previous.Kind == StepKind.Disposition && previous.Actors.Count > 1 ? previous.Actors[1]
        : previous.Assignee;

    /// <summary>
    /// Who the previous step handed its result to: the last recipient of its approval branch, else of its
    /// handover ("… diserahkan kepada kasubag perencanaan"), else the role a command went to.
    /// </summary>
    private static int? ForwardRecipient(StepDraft previous)
    {
        var approve = previous.Mentions.Where(m => m.Clause == MentionClause.Approve && m.As == MentionRole.Recipient).ToList();
        if (approve.Count > 0)
        {
            return approve[^1].Role;
        }

        if (StepKindInference.IsHandover(previous.Activity) && previous.MainMentions(MentionRole.Recipient).LastOrDefault() is { } to)
        {
            return to.Role;
        }

        return previous.Kind == StepKind.Disposition && previous.Actors.Count > 1 ? previous.Actors[1] : null;
    }

    /// <summary>Domain defaults when nothing names the actor: staff process and recap, the planning head compiles and gathers, meetings involve the officials.</summary>
    private static List<int> Guess(StepDraft step, RoleCatalog roles)
    {
        int? worker = roles.Worker, coordinator = roles.Coordinator, leader = roles.Leader;
        int? fallback = worker ?? coordinator ?? (roles.Count > 0 ? roles.Count - 1 : null);
        return step.Kind switch
        {
            StepKind.Disposition => [.. Maybe(leader)],
            StepKind.Collect => [.. Maybe(coordinator ?? fallback)],
            StepKind.Rekap => [.. Maybe(worker ?? coordinator ?? fallback)],
            StepKind.Meeting => [.. Maybe(coordinator ?? leader), .. roles.Officials],
            StepKind.Review => [.. Maybe(leader)],
            _ when StepKindInference.IsDrafting(step.Activity) => [.. Maybe(coordinator ?? fallback), .. Maybe(worker)],
            _ => [.. Maybe(fallback)],
        };
    }

    private static IEnumerable<int> Maybe(int? role) => role is { } r ? [r] : [];
}

using System.Text.Json.Serialization;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Templates;

namespace SakipServerless.Core.Runs;

/// <summary>
/// One execution of an SOP template for one OPD and one period: the run aggregate.
/// </summary>
/// <remarks>
/// <para>Rules a reader must know about the engine:</para>
/// <list type="bullet">
/// <item>Every public command either applies completely or throws a <see cref="DomainException"/> having changed
/// nothing: all checks (state via <see cref="TransitionTable"/>, actor, inputs) run before the first mutation.</item>
/// <item>Every applied command appends to <see cref="History"/> and may append to <see cref="Outbox"/>, and increments
/// <see cref="Version"/> once. Storage writes the run, its history and its outbox in one guarded write keyed on
/// <see cref="Version"/> (optimistic concurrency), so a transition and its notifications are atomic.</item>
/// <item>The run pins the template version it started with; commands are given the same version in <see cref="RunContext"/>.</item>
/// <item>Deadlines race human answers: whichever command is applied first wins and the other becomes a no-op
/// (<see cref="ProcessDeadlines"/> ignores what is no longer active) or a conflict (a command on a step that moved on).</item>
/// <item><see cref="NextDeadline"/> is the due-index key: the sweep loads only runs whose key has passed, and
/// <see cref="ProcessDeadlines"/> escalates with the original due times, so a sweeper that was down catches up.</item>
/// </list>
/// </remarks>
public sealed class SopRun
{
    [JsonConstructor]
    internal SopRun(string id, string tenantId, string opdId, string templateId, int templateVersion, Period period)
    {
        Id = id;
        TenantId = tenantId;
        OpdId = opdId;
        TemplateId = templateId;
        TemplateVersion = templateVersion;
        Period = period;
    }

    public string Id { get; }

    public string TenantId { get; }

    public string OpdId { get; }

    public string TemplateId { get; }

    public int TemplateVersion { get; }

    public Period Period { get; }

    [JsonInclude]
    public RunStatus Status { get; internal set; }

    [JsonInclude]
    public DateTimeOffset StartedAt { get; internal set; }

    [JsonInclude]
    public string StartedBy { get; internal set; } = "";

    [JsonInclude]
    public DateTimeOffset? CompletedAt { get; internal set; }

    [JsonInclude]
    public DateTimeOffset? SuspendedAt { get; internal set; }

    [JsonInclude]
    public DateTimeOffset? TerminatedAt { get; internal set; }

    /// <summary>Incremented once per applied command; the optimistic-concurrency token of the stored run.</summary>
    [JsonInclude]
    public int Version { get; internal set; }

    [JsonInclude]
    public List<OrgUnit> Units { get; internal set; } = [];

    [JsonInclude]
    public List<StepInstance> Steps { get; internal set; } = [];

    [JsonInclude]
    public List<RunEvent> History { get; internal set; } = [];

    /// <summary>Evidence files stored for this run, in upload order: what the API lists and what submissions may refer to.</summary>
    [JsonInclude]
    public List<EvidenceFile> Evidence { get; internal set; } = [];

    /// <summary>Notifications produced by transitions and not yet handed to the dispatcher.</summary>
    [JsonInclude]
    public List<Notification> Outbox { get; internal set; } = [];

    /// <summary>The earliest moment the sweep has work on this run; null when it has none (not running, or nothing pending).</summary>
    [JsonIgnore]
    public DateTimeOffset? NextDeadline
    {
        get
        {
            if (Status != RunStatus.Running)
            {
                return null;
            }

            DateTimeOffset? min = null;
            foreach (var step in Steps)
            {
                if (step.Status != StepStatus.Active)
                {
                    continue;
                }

                min = Min(min, step.NextEscalationAt);
                foreach (var unit in step.UnitTasks)
                {
                    min = Min(min, unit.NextEscalationAt);
                }
            }

            return min;
        }
    }

    [JsonIgnore]
    public StepInstance? ActiveStep => Steps.FirstOrDefault(s => s.Status == StepStatus.Active);

    /// <summary>The natural key of a run: one per tenant, OPD, template and period.</summary>
    public static string KeyFor(string tenantId, string opdId, string templateId, Period period) =>
        $"{tenantId}:{opdId}:{templateId}:{period.Key}";

    public StepInstance? FindStep(string stepId) => Steps.FirstOrDefault(s => s.StepId == stepId);

    /// <summary>
    /// An independent copy: commands applied to it leave this run unchanged. The records it holds (events, units,
    /// evidence, submissions, notifications) are immutable and shared; lists, steps and unit tasks are copied.
    /// Cheaper than a round trip through JSON, for stores that keep the last state they read or wrote.
    /// </summary>
    public SopRun Copy()
    {
        var copy = (SopRun)MemberwiseClone();
        copy.Units = [.. Units];
        copy.Steps = Steps.ConvertAll(s => s.Copy());
        copy.History = [.. History];
        copy.Evidence = [.. Evidence];
        copy.Outbox = [.. Outbox];
        return copy;
    }

    public EvidenceFile? FindEvidence(string fileId) => Evidence.FirstOrDefault(f => f.Id == fileId);

    // ------------------------------------------------------------------ commands

    /// <summary>Starts a run: decides which steps belong to the period and activates the first one.</summary>
    /// <param name="reason">Why the run starts when it is not by hand: the schedule's wording, recorded with the start.</param>
    public static SopRun Start(string id, string tenantId, string opdId, Period period, IReadOnlyList<OrgUnit> units, Actor by, RunContext ctx,
        string? reason = null)
    {
        var template = ctx.Template;
        TemplateValidator.EnsureValid(template);
        bool needsUnits = template.Steps.Any(s => s.Kind == StepKind.Collect && AppliesTo(s.When, period));
        if (needsUnits && units.Count == 0)
        {
            throw DomainException.Invalid("units-required", "OPD belum memiliki unit kerja, padahal SOP ini memiliki langkah pengumpulan data dari unit.");
        }

        var duplicate = units.GroupBy(u => u.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw DomainException.Invalid("units-duplicate", $"Unit '{duplicate.Key}' tercantum lebih dari sekali.");
        }

        var run = new SopRun(id, tenantId, opdId, template.Id, template.Version, period)
        {
            Status = RunStatus.Running,
            StartedAt = ctx.Now,
            StartedBy = by.UserId,
            Units = [.. units],
            Steps = [.. template.Steps.Select(s => new StepInstance(s.Id, s.No, s.Kind, s.AssigneeRole) { Status = StepStatus.Pending })],
        };

        string how = reason is null ? "" : $" otomatis sesuai jadwal: {reason}";
        run.Record(ctx, RunEventType.RunStarted, by, $"Pelaksanaan {template.Title} untuk {period.Label} dimulai{how} (SOP versi {template.Version}).", reason: reason);
        foreach (var step in run.Steps)
        {
            var def = template.Steps[run.Steps.IndexOf(step)];
            if (!AppliesTo(def.When, period))
            {
                step.Status = TransitionTable.Next(step.Status, StepTrigger.Skip, step.Kind, step.StepId);
                run.Record(ctx, RunEventType.StepSkipped, by, $"{Describe(def)} tidak berlaku untuk {period.Label}.", step.StepId);
            }
        }

        run.MoveTo(run.ResolveIncluded(template.Steps[0].Id, ctx), by, ctx);
        run.Version = 1;
        return run;
    }

    /// <summary>The assignee completes a disposition, task, rekap or meeting step with its kelengkapan and output.</summary>
    public void CompleteStep(string stepId, Actor by, StepCompletion input, RunContext ctx)
    {
        var (step, def) = PrepareStepCommand(stepId, by, ctx);
        var to = TransitionTable.Next(step.Status, StepTrigger.Complete, step.Kind, step.StepId);
        EnsureKelengkapan(def, input.Kelengkapan);
        if (def.Output is not null && string.IsNullOrWhiteSpace(input.Output))
        {
            throw DomainException.Invalid("output-required", $"Output '{def.Output}' wajib dicatat sebelum {Describe(def)} diselesaikan.");
        }

        Finish(step, to, by, input, ctx);
        Record(ctx, RunEventType.StepCompleted, by, $"{Describe(def)} diselesaikan{LateSuffix(step)}.", step.StepId, reason: input.Output);
        Advance(def, def.Next, by, ctx);
        Version++;
    }

    /// <summary>The reviewer approves: the flow goes to <c>onApprove</c> (or the next step).</summary>
    public void Approve(string stepId, Actor by, StepCompletion input, RunContext ctx)
    {
        var (step, def) = PrepareStepCommand(stepId, by, ctx);
        var to = TransitionTable.Next(step.Status, StepTrigger.Approve, step.Kind, step.StepId);
        EnsureKelengkapan(def, input.Kelengkapan);

        Finish(step, to, by, input, ctx);
        Record(ctx, RunEventType.StepApproved, by, $"{Describe(def)} disetujui{LateSuffix(step)}.", step.StepId, reason: input.Output);
        Advance(def, def.OnApprove ?? def.Next, by, ctx);
        Version++;
    }

    /// <summary>
    /// The reviewer returns the work with a reason: the <c>onReturn</c> step is redone with a fresh due time,
    /// and every step between it and the review goes back to pending.
    /// </summary>
    public void Return(string stepId, Actor by, string? reason, RunContext ctx)
    {
        string why = RequireReason(reason, "Alasan pengembalian wajib diisi agar unit tahu apa yang harus diperbaiki.");
        var (step, def) = PrepareStepCommand(stepId, by, ctx);
        var to = TransitionTable.Next(step.Status, StepTrigger.Return, step.Kind, step.StepId);

        int reviewIndex = Steps.IndexOf(step);
        int targetIndex = ctx.Template.IndexOf(def.OnReturn!);
        var target = Steps[targetIndex];
        TransitionTable.Next(target.Status, StepTrigger.Rework, target.Kind, target.StepId);
        var between = Steps.Skip(targetIndex + 1).Take(reviewIndex - targetIndex - 1).Where(s => s.Status != StepStatus.Skipped).ToList();
        foreach (var s in between)
        {
            TransitionTable.Next(s.Status, StepTrigger.Reset, s.Kind, s.StepId);
        }

        step.Status = to;
        step.ReturnCount++;
        step.LastReturnReason = why;
        step.NextEscalationAt = null;
        step.CompletedAt = ctx.Now;
        step.CompletedBy = by.UserId;
        Record(ctx, RunEventType.StepReturned, by, $"{Describe(def)} mengembalikan pekerjaan ke langkah {target.No} untuk diperbaiki (pengembalian ke-{step.ReturnCount}).", step.StepId, reason: why);
        foreach (var s in between)
        {
            Reset(s);
        }

        target.ReturnCount++;
        target.LastReturnReason = why;
        Activate(target, StepTrigger.Rework, by, ctx);
        Notify(ctx, NotificationKind.StepReturned, [target.AssigneeRole!], null, target.StepId, null,
            $"Langkah {target.No} dikembalikan untuk diperbaiki: {why}", target.DueAt, null);
        Version++;
    }

    /// <summary>A unit submits its realisasi and evidence for an active collect step.</summary>
    public void SubmitUnit(string stepId, string unitId, Actor by, UnitSubmissionInput input, RunContext ctx)
    {
        var (step, def, task) = PrepareUnitCommand(stepId, unitId, ctx);
        if (!by.IsAdmin && by.UnitId != unitId)
        {
            throw DomainException.Forbidden("not-unit-member", $"Hanya pegawai {task.UnitName} yang dapat mengirim data unit ini.");
        }

        var to = TransitionTable.Next(task.Status, UnitTaskTrigger.Submit, task.UnitName);
        if (input.Realisasi.Count == 0 && input.EvidenceFileIds.Count == 0)
        {
            throw DomainException.Invalid("submission-empty", "Kiriman kosong: isi realisasi indikator atau lampirkan bukti dukung.");
        }

        int required = def.RequiredEvidenceFiles;
        int attached = input.EvidenceFileIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).Count();
        if (attached < required)
        {
            string documents = def.Kelengkapan.Count > 0 ? $" ({string.Join("; ", def.Kelengkapan)})" : "";
            throw DomainException.Invalid("evidence-required",
                $"Bukti dukung wajib dilampirkan: {Describe(def)} meminta sedikitnya {required} berkas bukti{documents} pada setiap kiriman, " +
                $"kiriman ini membawa {attached}. Unggah berkasnya lalu kirim lagi; tidak ada yang disimpan.");
        }

        var repeated = input.Realisasi.GroupBy(r => r.IndicatorId).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw DomainException.Invalid("realisasi-duplicate", $"Indikator '{repeated.Key}' diisi lebih dari sekali dalam satu kiriman.");
        }

        task.Status = to;
        // Escalated means late, even when the host clock has since moved back before the due time.
        task.SubmittedLate = task.EscalationLevel > 0 || ctx.Now > task.DueAt;
        task.NextEscalationAt = null;
        task.Submission = new UnitSubmission
        {
            SubmittedAt = ctx.Now,
            SubmittedBy = by.UserId,
            Realisasi = [.. input.Realisasi],
            EvidenceFileIds = [.. input.EvidenceFileIds],
            Note = input.Note,
        };
        Record(ctx, RunEventType.UnitTaskSubmitted, by,
            $"{task.UnitName} mengirim {input.Realisasi.Count} realisasi dan {input.EvidenceFileIds.Count} bukti untuk {Describe(def)}{(task.SubmittedLate ? " (terlambat)" : "")}.",
            step.StepId, unitId, input.Note);
        Version++;
    }

    /// <summary>The collect step's assignee accepts a unit's submission; when all are accepted the step completes (fan-in).</summary>
    public void AcceptUnit(string stepId, string unitId, Actor by, RunContext ctx)
    {
        var (step, def, task) = PrepareUnitCommand(stepId, unitId, ctx);
        EnsureActor(def, by, ctx.Template);
        var to = TransitionTable.Next(task.Status, UnitTaskTrigger.Accept, task.UnitName);
        bool last = step.UnitTasks.All(u => u == task || u.Status == UnitTaskStatus.Accepted);
        StepStatus fanIn = last ? TransitionTable.Next(step.Status, StepTrigger.FanIn, step.Kind, step.StepId) : step.Status;

        task.Status = to;
        task.AcceptedAt = ctx.Now;
        task.AcceptedBy = by.UserId;
        Record(ctx, RunEventType.UnitTaskAccepted, by, $"Kiriman {task.UnitName} diterima.", step.StepId, unitId);
        if (last)
        {
            Finish(step, fanIn, by, new StepCompletion(def.Output), ctx);
            step.CompletedLate = step.UnitTasks.Any(u => u.SubmittedLate);
            Record(ctx, RunEventType.StepCompleted, by, $"{Describe(def)} selesai: semua {step.UnitTasks.Count} unit telah diterima.", step.StepId);
            Advance(def, def.Next, by, ctx);
        }

        Version++;
    }

    /// <summary>The collect step's assignee returns a unit's submission with a reason and a fresh due time.</summary>
    public void ReturnUnit(string stepId, string unitId, Actor by, string? reason, RunContext ctx)
    {
        string why = RequireReason(reason, "Alasan pengembalian kiriman wajib diisi.");
        var (step, def, task) = PrepareUnitCommand(stepId, unitId, ctx);
        EnsureActor(def, by, ctx.Template);
        var to = TransitionTable.Next(task.Status, UnitTaskTrigger.Return, task.UnitName);

        task.Status = to;
        task.ReturnCount++;
        task.LastReturnReason = why;
        task.OpenedAt = ctx.Now;
        task.DueAt = ctx.Add(ctx.Now, def.Duration!.For(Period.Kind));
        task.EscalationLevel = 0;
        task.NextEscalationAt = task.DueAt;
        Record(ctx, RunEventType.UnitTaskReturned, by, $"Kiriman {task.UnitName} dikembalikan untuk diperbaiki, batas baru {IndonesianFormat.DateTime(task.DueAt)}.",
            step.StepId, unitId, why, task.DueAt);
        Notify(ctx, NotificationKind.UnitTaskReturned, [], unitId, step.StepId, unitId,
            $"Kiriman {task.UnitName} untuk {Describe(def)} dikembalikan: {why}. Batas baru {IndonesianFormat.DateTime(task.DueAt)}.", task.DueAt, null);
        Version++;
    }

    /// <summary>
    /// The sweep's command: escalates what is due at <see cref="RunContext.Now"/>. Idempotent — a second call at the same
    /// time finds nothing due — and catching up: a sweep that ran late applies every level that has passed, recording the
    /// original due time. Returns how many escalations were applied.
    /// </summary>
    public int ProcessDeadlines(RunContext ctx)
    {
        EnsureTemplate(ctx);
        if (Status != RunStatus.Running || ActiveStep is not { } step)
        {
            return 0;
        }

        var def = ctx.Template.Steps[Steps.IndexOf(step)];
        int applied = 0;
        while (step.NextEscalationAt is { } at && at <= ctx.Now && step.EscalationLevel < 2 && step.DueAt is { } due)
        {
            step.Status = TransitionTable.Next(step.Status, StepTrigger.Escalate, step.Kind, step.StepId);
            applied++;
            if (step.EscalationLevel == 0)
            {
                step.EscalationLevel = 1;
                step.NextEscalationAt = ctx.Add(due, ctx.Policy.Level2Grace);
                string supervisor = ctx.Template.SupervisorOf(step.AssigneeRole!) ?? WellKnownRoles.HeadOfOpd;
                Record(ctx, RunEventType.StepLate, Actor.System, $"{Describe(def)} melewati batas waktu {IndonesianFormat.DateTime(due)}.",
                    step.StepId, dueAt: step.DueAt, level: 1);
                Notify(ctx, NotificationKind.StepLate, [step.AssigneeRole!, supervisor], null, step.StepId, null,
                    $"{Describe(def)} terlambat: batas waktu {IndonesianFormat.DateTime(due)} telah lewat.", step.DueAt, 1);
            }
            else
            {
                step.EscalationLevel = 2;
                step.NextEscalationAt = null;
                Record(ctx, RunEventType.StepEscalated, Actor.System, $"{Describe(def)} dieskalasi ke Kepala OPD.", step.StepId, dueAt: step.DueAt, level: 2);
                Notify(ctx, NotificationKind.StepEscalated, [WellKnownRoles.HeadOfOpd], null, step.StepId, null,
                    $"Eskalasi: {Describe(def)} belum selesai sejak batas waktu {IndonesianFormat.DateTime(due)}.", step.DueAt, 2);
            }
        }

        foreach (var task in step.UnitTasks)
        {
            while (task.NextEscalationAt is { } at && at <= ctx.Now && task.EscalationLevel < 2)
            {
                task.Status = TransitionTable.Next(task.Status, UnitTaskTrigger.Escalate, task.UnitName);
                applied++;
                if (task.EscalationLevel == 0)
                {
                    task.EscalationLevel = 1;
                    task.NextEscalationAt = ctx.Add(task.DueAt, ctx.Policy.Level2Grace);
                    Record(ctx, RunEventType.UnitTaskLate, Actor.System, $"{task.UnitName} belum mengirim data; batas waktu {IndonesianFormat.DateTime(task.DueAt)} telah lewat.",
                        step.StepId, task.UnitId, dueAt: task.DueAt, level: 1);
                    Notify(ctx, NotificationKind.UnitTaskLate, [step.AssigneeRole!], task.UnitId, step.StepId, task.UnitId,
                        $"{task.UnitName} terlambat mengirim data untuk {Describe(def)} (batas {IndonesianFormat.DateTime(task.DueAt)}).", task.DueAt, 1);
                }
                else
                {
                    task.EscalationLevel = 2;
                    task.NextEscalationAt = null;
                    Record(ctx, RunEventType.UnitTaskEscalated, Actor.System, $"Keterlambatan {task.UnitName} dieskalasi ke Kepala OPD.",
                        step.StepId, task.UnitId, dueAt: task.DueAt, level: 2);
                    Notify(ctx, NotificationKind.UnitTaskEscalated, [WellKnownRoles.HeadOfOpd], null, step.StepId, task.UnitId,
                        $"Eskalasi: {task.UnitName} belum mengirim data untuk {Describe(def)} sejak {IndonesianFormat.DateTime(task.DueAt)}.", task.DueAt, 2);
                }
            }
        }

        if (applied > 0)
        {
            Version++;
        }

        return applied;
    }

    /// <summary>Pauses the run; the time it stays suspended does not count against any deadline.</summary>
    public void Suspend(Actor by, string? reason, RunContext ctx)
    {
        EnsureTemplate(ctx);
        EnsureManager(by);
        string why = RequireReason(reason, "Alasan penangguhan wajib diisi.");
        var to = TransitionTable.Next(Status, RunTrigger.Suspend);

        Status = to;
        SuspendedAt = ctx.Now;
        Record(ctx, RunEventType.RunSuspended, by, "Pelaksanaan SOP ditangguhkan.", reason: why);
        Notify(ctx, NotificationKind.RunSuspended, AssigneeRoles(), null, ActiveStep?.StepId, null, $"Pelaksanaan SOP {Period.Label} ditangguhkan: {why}", null, null);
        Version++;
    }

    /// <summary>Resumes a suspended run, pushing every pending deadline back by the working time spent suspended.</summary>
    public void Resume(Actor by, RunContext ctx)
    {
        EnsureTemplate(ctx);
        EnsureManager(by);
        var to = TransitionTable.Next(Status, RunTrigger.Resume);
        var since = SuspendedAt!.Value;

        DateTimeOffset Shift(DateTimeOffset instant)
        {
            if (instant <= since)
            {
                return instant; // already passed when suspended: lateness stands
            }

            if (ctx.Template.Calendar == Calendar.CalendarMode.Calendar)
            {
                return instant + (ctx.Now - since);
            }

            var remaining = ctx.Calendar.WorkingTimeBetween(since, instant);
            return ctx.Add(ctx.Now, Calendar.WorkDuration.FromMinutes((int)Math.Ceiling(remaining.TotalMinutes)));
        }

        Status = to;
        foreach (var step in Steps.Where(s => s.Status == StepStatus.Active))
        {
            step.DueAt = step.DueAt is { } d ? Shift(d) : null;
            step.NextEscalationAt = step.NextEscalationAt is { } n ? Shift(n) : null;
            foreach (var task in step.UnitTasks)
            {
                task.DueAt = Shift(task.DueAt);
                task.NextEscalationAt = task.NextEscalationAt is { } tn ? Shift(tn) : null;
            }
        }

        SuspendedAt = null;
        Record(ctx, RunEventType.RunResumed, by, $"Pelaksanaan SOP dilanjutkan setelah ditangguhkan sejak {IndonesianFormat.DateTime(since)}.", ActiveStep?.StepId, dueAt: ActiveStep?.DueAt);
        Notify(ctx, NotificationKind.RunResumed, AssigneeRoles(), null, ActiveStep?.StepId, null, $"Pelaksanaan SOP {Period.Label} dilanjutkan.", ActiveStep?.DueAt, null);
        Version++;
    }

    /// <summary>Ends the run for good; nothing is escalated afterwards.</summary>
    public void Terminate(Actor by, string? reason, RunContext ctx)
    {
        EnsureTemplate(ctx);
        EnsureManager(by);
        string why = RequireReason(reason, "Alasan penghentian wajib diisi.");
        var to = TransitionTable.Next(Status, RunTrigger.Terminate);

        Status = to;
        TerminatedAt = ctx.Now;
        foreach (var step in Steps)
        {
            step.NextEscalationAt = null;
            step.UnitTasks.ForEach(u => u.NextEscalationAt = null);
        }

        Record(ctx, RunEventType.RunTerminated, by, "Pelaksanaan SOP dihentikan.", reason: why);
        Notify(ctx, NotificationKind.RunTerminated, [WellKnownRoles.HeadOfOpd, .. AssigneeRoles()], null, null, null, $"Pelaksanaan SOP {Period.Label} dihentikan: {why}", null, null);
        Version++;
    }

    /// <summary>
    /// Management: runs a step again with a fresh due time. When the step lies before the active one,
    /// the work after it is reset to pending and the flow continues from it.
    /// </summary>
    public void RestartStep(string stepId, Actor by, string? reason, RunContext ctx)
    {
        EnsureTemplate(ctx);
        EnsureManager(by);
        string why = RequireReason(reason, "Alasan memulai ulang langkah wajib diisi.");
        EnsureRunning();
        var step = FindStep(stepId) ?? throw StepNotFound(stepId);
        TransitionTable.Next(step.Status, StepTrigger.Restart, step.Kind, step.StepId);
        // Everything in flight elsewhere goes back to pending, as does the work done after the restarted step,
        // so exactly one step is active afterwards.
        int index = Steps.IndexOf(step);
        var later = Steps.Where((s, i) => s != step
            && (s.Status is StepStatus.Active or StepStatus.Returned || (s.Status == StepStatus.Done && i > index))).ToList();
        foreach (var s in later)
        {
            TransitionTable.Next(s.Status, StepTrigger.Reset, s.Kind, s.StepId);
        }

        foreach (var s in later)
        {
            Reset(s);
        }

        Activate(step, StepTrigger.Restart, by, ctx, why);
        Version++;
    }

    // ------------------------------------------------------------------ evidence (history only, not transitions)

    /// <summary>
    /// Records an evidence file that the file store now holds. History only: no run, step or unit task changes state,
    /// so nothing here is in <see cref="TransitionTable"/>; it still bumps <see cref="Version"/> so the write is guarded
    /// like any other. Files are added while the run is running or suspended. The same content under the same name is
    /// recorded once: a retried upload gets the file already recorded back, and nothing changes.
    /// </summary>
    /// <returns>The recorded file: <paramref name="file"/>, or the earlier identical one.</returns>
    public EvidenceFile RecordEvidenceUpload(EvidenceFile file, Actor by, DateTimeOffset at)
    {
        if (Status is RunStatus.Completed or RunStatus.Terminated)
        {
            throw DomainException.Conflict("run-closed", $"Pelaksanaan SOP berstatus {Labels.Of(Status)}; bukti dukung tidak dapat ditambahkan lagi.");
        }

        if (Evidence.FirstOrDefault(f => f.Sha256 == file.Sha256 && f.FileName == file.FileName) is { } same)
        {
            return same;
        }

        if (FindEvidence(file.Id) is not null)
        {
            throw DomainException.Conflict("evidence-exists", $"Berkas '{file.Id}' sudah tercatat pada pelaksanaan SOP ini.");
        }

        Evidence.Add(file);
        RecordAt(at, RunEventType.EvidenceUploaded, by, $"Bukti dukung {file.FileName} ({IndonesianFormat.Size(file.Size)}) diunggah.", file.Id);
        Version++;
        return file;
    }

    /// <summary>
    /// Refuses references to files this run does not hold (a mistyped id, or a file of another run). The API calls it
    /// in the same command as a submission, completion or approval; the engine alone (the CLI simulation, which has no
    /// file store) uses symbolic ids and does not.
    /// </summary>
    public void EnsureEvidence(IEnumerable<string> fileIds)
    {
        var unknown = fileIds.Where(id => FindEvidence(id) is null).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw DomainException.Invalid("evidence-unknown",
                $"Berkas bukti {string.Join(", ", unknown.Take(5).Select(id => $"'{(id.Length > 60 ? id[..60] + "…" : id)}'"))} tidak ada pada pelaksanaan SOP ini; unggah berkasnya ke pelaksanaan SOP ini terlebih dahulu.");
        }
    }

    /// <summary>Records that someone read an evidence file of the run; allowed in every run status (history only).</summary>
    public void RecordEvidenceDownload(string fileId, Actor by, DateTimeOffset at)
    {
        var file = FindEvidence(fileId) ?? throw DomainException.NotFound("evidence-not-found", $"Berkas '{fileId}' tidak ada pada pelaksanaan SOP ini.");
        RecordAt(at, RunEventType.EvidenceDownloaded, by, $"Bukti dukung {file.FileName} diunduh.", file.Id);
        Version++;
    }

    /// <summary>
    /// Prepares the run to replace a stored state its single writer never committed, which holds version
    /// <paramref name="taken"/> (a durable host that crashed after that write landed, before its history did). The
    /// version moves past it without a transition, since a stored version names one state only, which caches and
    /// conditional requests rely on. The notifications waiting in the outbox are renamed with the version: their ids
    /// name a history position, which the replaced state's notifications may name too, and a delivery must not take
    /// one for the other.
    /// </summary>
    public void ReplacingStateAt(int taken)
    {
        Version = Math.Max(Version, taken + 1);
        for (int i = 0; i < Outbox.Count; i++)
        {
            string id = Outbox[i].Id;
            int mark = id.IndexOf("/v", StringComparison.Ordinal);
            Outbox[i] = Outbox[i] with { Id = $"{(mark < 0 ? id : id[..mark])}/v{Version}" };
        }
    }

    /// <summary>Removes and returns the notifications waiting in the outbox (after the run was stored with them).</summary>
    public IReadOnlyList<Notification> DrainOutbox()
    {
        var drained = Outbox.ToList();
        Outbox.Clear();
        return drained;
    }

    // ------------------------------------------------------------------ flow

    private void Advance(SopStep from, string? explicitNext, Actor by, RunContext ctx)
    {
        int index = ctx.Template.IndexOf(from.Id);
        string? next = explicitNext ?? (index + 1 < ctx.Template.Steps.Count ? ctx.Template.Steps[index + 1].Id : null);
        MoveTo(ResolveIncluded(next, ctx), by, ctx);
    }

    /// <summary>Follows the flow past steps that do not belong to this period.</summary>
    private StepInstance? ResolveIncluded(string? stepId, RunContext ctx)
    {
        for (int guard = 0; stepId is not null && guard <= Steps.Count; guard++)
        {
            var step = FindStep(stepId)!;
            if (step.Status != StepStatus.Skipped)
            {
                return step;
            }

            int index = Steps.IndexOf(step);
            stepId = ctx.Template.Steps[index].Next ?? (index + 1 < Steps.Count ? Steps[index + 1].StepId : null);
        }

        return null;
    }

    private void MoveTo(StepInstance? next, Actor by, RunContext ctx)
    {
        if (next is not null)
        {
            Activate(next, StepTrigger.Activate, by, ctx);
            return;
        }

        Status = TransitionTable.Next(Status, RunTrigger.Finish);
        CompletedAt = ctx.Now;
        Record(ctx, RunEventType.RunCompleted, by, $"Pelaksanaan SOP {Period.Label} selesai: semua langkah telah dilaksanakan.");
        Notify(ctx, NotificationKind.RunCompleted, [WellKnownRoles.HeadOfOpd], null, null, null, $"SOP {ctx.Template.Title} untuk {Period.Label} telah selesai.", null, null);
    }

    private void Activate(StepInstance step, StepTrigger trigger, Actor by, RunContext ctx, string? reason = null)
    {
        var def = ctx.Template.Steps[Steps.IndexOf(step)];
        step.Status = TransitionTable.Next(step.Status, trigger, step.Kind, step.StepId);
        step.ActivatedAt = ctx.Now;
        step.DueAt = ctx.Add(ctx.Now, def.Duration!.For(Period.Kind));
        step.CompletedAt = null;
        step.CompletedBy = null;
        step.CompletedLate = false;
        step.EscalationLevel = 0;
        step.Activations++;

        // A collect step is late through its units, each with its own deadline; the step itself is not escalated.
        step.NextEscalationAt = step.Kind == StepKind.Collect ? null : step.DueAt;

        string role = ctx.Template.FindRole(step.AssigneeRole!)?.Title ?? step.AssigneeRole!;
        string verb = trigger switch
        {
            StepTrigger.Rework => "dikerjakan ulang",
            StepTrigger.Restart => "dimulai ulang",
            _ => "diaktifkan",
        };
        Record(ctx, trigger == StepTrigger.Restart ? RunEventType.StepRestarted : RunEventType.StepActivated, by,
            $"{Describe(def)} {verb} untuk {role}, batas waktu {IndonesianFormat.DateTime(step.DueAt.Value)}.", step.StepId, reason: reason, dueAt: step.DueAt);
        Notify(ctx, NotificationKind.TaskAssigned, [step.AssigneeRole!], null, step.StepId, null,
            $"Tugas baru: {Describe(def)} — {def.Activity}. Batas waktu {IndonesianFormat.DateTime(step.DueAt.Value)}.", step.DueAt, null);

        if (step.Kind == StepKind.Collect)
        {
            OpenUnitTasks(step, def, by, ctx);
        }
    }

    private void OpenUnitTasks(StepInstance step, SopStep def, Actor by, RunContext ctx)
    {
        foreach (var unit in Units)
        {
            var task = step.FindUnit(unit.Id);
            if (task is null)
            {
                task = new UnitTask(unit.Id, unit.Name) { Status = UnitTaskStatus.Open };
                step.UnitTasks.Add(task);
            }
            else
            {
                task.Status = TransitionTable.Next(task.Status, UnitTaskTrigger.Reopen, task.UnitName);
                task.AcceptedAt = null;
                task.AcceptedBy = null;
            }

            task.OpenedAt = ctx.Now;
            task.DueAt = step.DueAt!.Value;
            task.EscalationLevel = 0;
            task.NextEscalationAt = task.DueAt;
            task.SubmittedLate = false;
            Record(ctx, RunEventType.UnitTaskOpened, by, $"{unit.Name} diminta mengirim data, batas waktu {IndonesianFormat.DateTime(task.DueAt)}.", step.StepId, unit.Id, dueAt: task.DueAt);
            Notify(ctx, NotificationKind.UnitTaskAssigned, [], unit.Id, step.StepId, unit.Id,
                $"Permintaan data kinerja {Period.Label}: {def.Activity}. Kirim sebelum {IndonesianFormat.DateTime(task.DueAt)}.", task.DueAt, null);
        }
    }

    private static void Reset(StepInstance step)
    {
        step.Status = StepStatus.Pending;
        step.NextEscalationAt = null;
        step.UnitTasks.ForEach(u => u.NextEscalationAt = null);
    }

    private void Finish(StepInstance step, StepStatus to, Actor by, StepCompletion input, RunContext ctx)
    {
        step.Status = to;
        step.CompletedAt = ctx.Now;
        step.CompletedBy = by.UserId;
        // Escalated means late, even when the host clock has since moved back before the due time.
        step.CompletedLate = step.EscalationLevel > 0 || (step.DueAt is { } due && ctx.Now > due);
        step.NextEscalationAt = null;
        step.Output = input.Output;
        step.Kelengkapan = [.. input.Kelengkapan];
        step.EvidenceFileIds = [.. input.EvidenceFileIds];
    }

    // ------------------------------------------------------------------ guards

    private (StepInstance Step, SopStep Def) PrepareStepCommand(string stepId, Actor by, RunContext ctx)
    {
        EnsureTemplate(ctx);
        EnsureRunning();
        var step = FindStep(stepId) ?? throw StepNotFound(stepId);
        var def = ctx.Template.Steps[Steps.IndexOf(step)];
        EnsureActor(def, by, ctx.Template);
        return (step, def);
    }

    private (StepInstance Step, SopStep Def, UnitTask Task) PrepareUnitCommand(string stepId, string unitId, RunContext ctx)
    {
        EnsureTemplate(ctx);
        EnsureRunning();
        var step = FindStep(stepId) ?? throw StepNotFound(stepId);
        var def = ctx.Template.Steps[Steps.IndexOf(step)];
        if (step.Kind != StepKind.Collect)
        {
            throw DomainException.Conflict("not-collect-step", $"{Describe(def)} bukan langkah pengumpulan data dari unit.");
        }

        var task = step.FindUnit(unitId)
            ?? (Units.Any(u => u.Id == unitId)
                ? throw DomainException.Conflict("collect-not-open", $"Pengumpulan data {Describe(def)} belum dibuka.")
                : throw DomainException.NotFound("unit-not-found", $"Unit '{unitId}' tidak terdaftar pada pelaksanaan SOP ini."));
        if (step.Status != StepStatus.Active)
        {
            throw DomainException.Conflict("collect-not-active", $"Pengumpulan data {Describe(def)} berstatus {Labels.Of(step.Status)}; kiriman unit tidak dapat diproses.");
        }

        return (step, def, task);
    }

    private void EnsureTemplate(RunContext ctx)
    {
        if (ctx.Template.Id != TemplateId || ctx.Template.Version != TemplateVersion)
        {
            throw DomainException.Conflict("template-mismatch",
                $"Pelaksanaan SOP ini memakai SOP {TemplateId} versi {TemplateVersion}, bukan {ctx.Template.Id} versi {ctx.Template.Version}.");
        }
    }

    private void EnsureRunning()
    {
        if (Status != RunStatus.Running)
        {
            throw DomainException.Conflict("run-not-running", $"Pelaksanaan SOP berstatus {Labels.Of(Status)}; langkah tidak dapat diproses.");
        }
    }

    private static void EnsureActor(SopStep def, Actor by, SopTemplate template)
    {
        if (by.IsAdmin || def.Actors.Any(by.Has))
        {
            return;
        }

        string who = string.Join(" / ", def.Actors.Select(a => template.FindRole(a)?.Title ?? a));
        throw DomainException.Forbidden("not-step-actor", $"{Describe(def)} dikerjakan oleh {who}; Anda tidak memiliki peran tersebut.");
    }

    private static void EnsureManager(Actor by)
    {
        if (!by.CanManageRuns)
        {
            throw DomainException.Forbidden("not-run-manager", "Hanya Kepala OPD atau administrator yang dapat mengelola pelaksanaan SOP.");
        }
    }

    private static void EnsureKelengkapan(SopStep def, IReadOnlyCollection<string> provided)
    {
        var have = provided.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var missing = def.Kelengkapan.Where(k => !have.Contains(Normalize(k))).ToList();
        if (missing.Count > 0)
        {
            throw DomainException.Invalid("kelengkapan-missing",
                $"Kelengkapan {Describe(def)} belum lengkap: {string.Join(", ", missing)}.");
        }

        static string Normalize(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }

    private static string RequireReason(string? reason, string message) =>
        string.IsNullOrWhiteSpace(reason) ? throw DomainException.Invalid("reason-required", message) : reason.Trim();

    private static DomainException StepNotFound(string stepId) => DomainException.NotFound("step-not-found", $"Langkah '{stepId}' tidak ada dalam pelaksanaan SOP ini.");

    // ------------------------------------------------------------------ history and outbox

    private void Record(RunContext ctx, RunEventType type, Actor by, string detail, string? stepId = null, string? unitId = null,
        string? reason = null, DateTimeOffset? dueAt = null, int? level = null) =>
        History.Add(new RunEvent
        {
            Seq = History.Count + 1,
            At = ctx.Now,
            Type = type,
            ActorId = by.UserId,
            StepId = stepId,
            UnitId = unitId,
            Reason = reason,
            Detail = detail,
            DueAt = dueAt,
            EscalationLevel = level,
        });

    private void RecordAt(DateTimeOffset at, RunEventType type, Actor by, string detail, string fileId) =>
        History.Add(new RunEvent { Seq = History.Count + 1, At = at, Type = type, ActorId = by.UserId, Detail = detail, FileId = fileId });

    private void Notify(RunContext ctx, NotificationKind kind, IReadOnlyList<string> roles, string? unit, string? stepId, string? unitId,
        string message, DateTimeOffset? dueAt, int? level)
    {
        int seq = History.Count;
        int n = Outbox.Count(o => o.Id.StartsWith($"{Id}#{seq}.", StringComparison.Ordinal)) + 1;
        Outbox.Add(new Notification
        {
            Id = $"{Id}#{seq}.{n}",
            At = ctx.Now,
            Kind = kind,
            RunId = Id,
            StepId = stepId,
            UnitId = unitId,
            RecipientRoles = roles.Distinct().ToList(),
            RecipientUnitId = unit,
            Message = message,
            DueAt = dueAt,
            EscalationLevel = level,
        });
    }

    private List<string> AssigneeRoles() => Steps.Where(s => s.Status == StepStatus.Active && s.AssigneeRole is not null).Select(s => s.AssigneeRole!).ToList();

    private static bool AppliesTo(StepWhen when, Period period) => when switch
    {
        StepWhen.SemesterEnd => period.IsSemesterEnd,
        StepWhen.YearEnd => period.IsYearEnd,
        _ => true,
    };

    private static string Describe(SopStep def) => $"Langkah {def.No}";

    private static string LateSuffix(StepInstance step) => step.CompletedLate ? " (terlambat)" : "";

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a < b ? a : b);
}

using SakipServerless.Api.Auth;
using SakipServerless.Core.Calendar;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;

namespace SakipServerless.Api.Seeding;

/// <summary>
/// Plays the people of one demo OPD through a run with the real engine under simulated time, so a seeded run is
/// exactly what the API would have stored had they clicked through it: same transitions, history, due times,
/// escalations and notifications. Nothing is written here; the seeder stores the result.
/// </summary>
/// <remarks>
/// Each action happens a little after the previous one, inside office hours, with the deadline sweep run first as the
/// timer would. Gaps are a share of the working time left before the due time, so people act on time unless the
/// script says otherwise (a held unit, a late unit, or stopping before the step is done). No action happens after
/// <c>now</c>: a play that would need one reports that it did not reach its stop.
/// </remarks>
internal sealed class DemoRunPlayer(DemoTenant tenant, SopTemplate template, WorkCalendar calendar, EscalationPolicy policy, IReadOnlyList<AppUser> users)
{
    private const string UnitReturnReason = "Laporan bulanan yang dilampirkan belum ditandatangani kepala unit; mohon unggah laporan yang sudah ditandatangani.";
    private const string ReviewReturnReason = "Analisis capaian belum membandingkan realisasi dengan target Rencana Aksi triwulan; mohon dilengkapi.";

    private static readonly TimeSpan MinGap = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxGap = TimeSpan.FromMinutes(40);

    private readonly Dictionary<string, AppUser> _users = users.ToDictionary(u => u.Id, StringComparer.Ordinal);
    private readonly IReadOnlyList<OrgUnit> _units = tenant.Units.Select(u => new OrgUnit(u.Id, u.Name)).ToList();
    private readonly Dictionary<string, byte[]> _evidence = new(StringComparer.Ordinal);

    /// <summary>The bytes of every evidence file the plays recorded, by storage key: the seeder stores them beside the runs.</summary>
    public IReadOnlyDictionary<string, byte[]> EvidenceBytes => _evidence;

    /// <summary>Starts the run at <paramref name="start"/> (or the next opening) and plays it until the script's stop, completion or <paramref name="now"/>.</summary>
    /// <returns>The run as of <paramref name="now"/> (null when even the start lies after it), and whether the stop was reached.</returns>
    public (SopRun? Run, bool Reached) Play(string runId, Period period, DemoRunScript script, DateTimeOffset start, DateTimeOffset now)
    {
        var at = calendar.NextOpening(start);
        if (at > now)
        {
            return (null, false);
        }

        var run = SopRun.Start(runId, tenant.Id, tenant.Opd.Id, period, _units, ActorOf(DemoUsers.Head), Context(at));
        var progress = new Progress();
        bool reached = false;
        for (int guard = 0; guard < 5000; guard++)
        {
            if (run.Status != RunStatus.Running)
            {
                reached = script.StopWhen is null && run.Status == RunStatus.Completed;
                break;
            }

            if (script.StopWhen?.Invoke(run) == true)
            {
                reached = true;
                break;
            }

            var next = NextAction(run, period, script, progress, at);
            if (next is null)
            {
                // Only a held unit is left: the run waits for it, which is the point of holding it.
                reached = script.HeldUnitId is not null;
                break;
            }

            if (next.At > now)
            {
                break;
            }

            at = next.At;
            run.ProcessDeadlines(Context(at));
            next.Act(Context(at));
        }

        if (run.Status == RunStatus.Running)
        {
            run.ProcessDeadlines(Context(now));
        }

        return (run, reached);
    }

    private PlannedAction? NextAction(SopRun run, Period period, DemoRunScript script, Progress progress, DateTimeOffset at)
    {
        var step = run.ActiveStep!;
        var def = template.FindStep(step.StepId)!;
        var assignee = ActorOf(DemoUsers.ForRole(tenant, def.AssigneeRole!));
        if (def.Kind == StepKind.Collect)
        {
            return NextUnitAction(run, step, period, script, progress, assignee, at);
        }

        var when = Later(at, Gap(at, step.DueAt, 1));
        if (def.Kind == StepKind.Review && script.ReturnFirstReview && !progress.ReviewReturned)
        {
            return new(when, ctx =>
            {
                run.Return(step.StepId, assignee, ReviewReturnReason, ctx);
                progress.ReviewReturned = true;
            });
        }

        var completion = new StepCompletion(def.Output is null ? "Selesai" : $"{def.Output} {period.Label}", def.Kelengkapan, []);
        return def.Kind == StepKind.Review
            ? new(when, ctx => run.Approve(step.StepId, assignee, completion, ctx))
            : new(when, ctx => run.CompleteStep(step.StepId, assignee, completion, ctx));
    }

    /// <summary>
    /// One unit action at a time, like a real inbox: units send in list order (corrections after first submissions),
    /// and the assignee reviews as soon as two are waiting, so a stopped run shows accepted, waiting and open units.
    /// </summary>
    private PlannedAction? NextUnitAction(SopRun run, StepInstance step, Period period, DemoRunScript script, Progress progress, Actor assignee, DateTimeOffset at)
    {
        bool Acts(UnitTask t) => t.UnitId != script.HeldUnitId && t.UnitId != script.LateUnitId;
        var submitted = step.UnitTasks.Where(t => t.Status == UnitTaskStatus.Submitted).ToList();
        var toSubmit = step.UnitTasks.Where(t => t.Status == UnitTaskStatus.Open && Acts(t))
            .Concat(step.UnitTasks.Where(t => t.Status == UnitTaskStatus.Returned && Acts(t)))
            .ToList();
        var due = step.UnitTasks.Where(t => t.Status != UnitTaskStatus.Accepted).Select(t => (DateTimeOffset?)t.DueAt).Min() ?? step.DueAt;
        var when = Later(at, Gap(at, due, 2 * toSubmit.Count + submitted.Count));

        if (submitted.Count > 0 && (submitted.Count >= 2 || toSubmit.Count == 0))
        {
            var task = submitted[0];
            if (script.ReturnFirstUnit && !progress.UnitReturned)
            {
                return new(when, ctx =>
                {
                    run.ReturnUnit(step.StepId, task.UnitId, assignee, UnitReturnReason, ctx);
                    progress.UnitReturned = true;
                });
            }

            return new(when, ctx => run.AcceptUnit(step.StepId, task.UnitId, assignee, ctx));
        }

        if (toSubmit.Count > 0)
        {
            return Submit(run, step, toSubmit[0], period, when);
        }

        var late = step.UnitTasks.FirstOrDefault(t => t.UnitId == script.LateUnitId && t.Status is UnitTaskStatus.Open or UnitTaskStatus.Returned);
        if (late is not null)
        {
            var afterDue = Later(calendar.Add(late.DueAt, WorkDuration.FromMinutes(45)), TimeSpan.Zero);
            return Submit(run, step, late, period, afterDue > when ? afterDue : when);
        }

        return null;
    }

    private PlannedAction Submit(SopRun run, StepInstance step, UnitTask task, Period period, DateTimeOffset when)
    {
        var staff = ActorOf(DemoUsers.StaffOf(task.UnitId));
        return new(when, ctx =>
        {
            // Every collect step asks for the unit's report; a corrected submission brings the signed one.
            var file = RecordReport(run, task, period, staff, ctx.Now, signed: task.ReturnCount > 0);
            var input = new UnitSubmissionInput(DemoRealisasi.For(tenant, task.UnitId, period), [file.Id],
                $"Data {period.Label} {task.UnitName} sesuai laporan bulanan.");
            run.SubmitUnit(step.StepId, task.UnitId, staff, input, ctx);
        });
    }

    private EvidenceFile RecordReport(SopRun run, UnitTask task, Period period, Actor staff, DateTimeOffset at, bool signed)
    {
        byte[] bytes = DemoEvidencePdf.Create(
        [
            $"Laporan Realisasi Kinerja {period.Label}",
            task.UnitName,
            tenant.Opd.Name,
            signed ? "Telah diperiksa dan ditandatangani kepala unit." : "Disusun oleh staf unit.",
        ]);
        string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        string id = "file-" + hash[..20];
        string key = $"{run.TenantId}/{run.Id}/{id}";
        _evidence[key] = bytes;
        return run.RecordEvidenceUpload(new EvidenceFile
        {
            Id = id,
            FileName = $"laporan-realisasi-{task.UnitId}-{period.Key.ToLowerInvariant()}{(signed ? "-ttd" : "")}.pdf",
            Size = bytes.Length,
            Sha256 = hash,
            ContentType = "application/pdf",
            UploadedAt = at,
            UploadedBy = staff.UserId,
            StorageKey = key,
        }, staff, at);
    }

    /// <summary>A share of the working time left before <paramref name="due"/>, so the remaining actions all fit before it.</summary>
    private TimeSpan Gap(DateTimeOffset at, DateTimeOffset? due, int actionsLeft)
    {
        var left = due is { } d ? calendar.WorkingTimeBetween(at, d) : MaxGap;
        var gap = left / (actionsLeft + 1);
        return gap < MinGap ? MinGap : gap > MaxGap ? MaxGap : gap;
    }

    /// <summary>People act in office hours, on whole minutes: a moment outside office hours moves to the next opening.</summary>
    private DateTimeOffset Later(DateTimeOffset at, TimeSpan gap)
    {
        long minute = TimeSpan.TicksPerMinute;
        var when = new DateTimeOffset((at + gap).UtcTicks / minute * minute, TimeSpan.Zero);
        when = when <= at ? when.AddMinutes(1) : when;
        return calendar.IsOfficeTime(when) ? calendar.ToLocal(when) : calendar.NextOpening(when);
    }

    private RunContext Context(DateTimeOffset now) => new(template, calendar, policy, now);

    private Actor ActorOf(string userId) => CurrentUser.ToActor(_users[userId]);

    private sealed record PlannedAction(DateTimeOffset At, Action<RunContext> Act);

    /// <summary>What the script has already done once in this play.</summary>
    private sealed class Progress
    {
        public bool UnitReturned { get; set; }

        public bool ReviewReturned { get; set; }
    }
}

using SakipServerless.Core.Calendar;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Core.Templates;

namespace SakipServerless.Storage.Contract;

/// <summary>
/// What every <see cref="IRunStore"/> adapter must guarantee, as tests: SQLite runs them now; the Cosmos adapter
/// derives from this class with its own store.
/// </summary>
public abstract class RunStoreContract
{
    private static readonly DateTimeOffset Monday = new(2026, 4, 6, 8, 30, 0, TimeSpan.FromHours(8));
    private static readonly SopTemplate Template = LoadTemplate();
    private static readonly WorkCalendar Calendar = WorkCalendar.ForZone("Asia/Makassar");
    private static readonly Actor Head = Actor.Create("kepala", "Kepala", WellKnownRoles.HeadOfOpd);
    private static readonly Actor Kabid = Actor.Create("kabid", "Kabid", "kabid");

    protected abstract IRunStore Store { get; }

    /// <summary>When the scenario's writes happen; adapters that need a clock take this one.</summary>
    protected ContractClock Clock { get; } = new(Monday);

    /// <summary>The ids of the notifications the adapter holds in its outbox for a run.</summary>
    protected abstract Task<IReadOnlyList<string>> OutboxIdsAsync(string runId);

    private static SopTemplate LoadTemplate() => SopTemplateJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sop", "jeneponto-kesbangpol-pengumpulan-data-kinerja.json")));

    private static RunContext At(DateTimeOffset now) => new(Template, Calendar, EscalationPolicy.Default, now);

    private static SopRun NewRun(string id, string tenant = "t1", string opd = "o1", int quarter = 1, DateTimeOffset? at = null) =>
        SopRun.Start(id, tenant, opd, new Period(2026, quarter), [new OrgUnit("u1", "Unit 1")], Head, At(at ?? Monday));

    [Fact]
    public async Task Create_ThenFind_GivesTheSameRun_AndOnlyInItsTenant()
    {
        var run = NewRun("r1");
        int outbox = run.Outbox.Count;
        await Store.CreateAsync(run);

        var found = await Store.FindAsync("t1", "r1");

        Assert.Equal(RunJson.Serialize(run), RunJson.Serialize(found!));
        Assert.Null(await Store.FindAsync("t2", "r1"));
        Assert.Equal(outbox, (await OutboxIdsAsync("r1")).Count);
        Assert.Empty(run.Outbox);
    }

    [Fact]
    public async Task Create_ASecondRunForTheSameOpdTemplateAndPeriod_NamesTheExistingOne_AndWritesNothing()
    {
        await Store.CreateAsync(NewRun("r1"));
        var second = NewRun("r2");

        var ex = await Assert.ThrowsAsync<RunAlreadyExistsException>(() => Store.CreateAsync(second));

        Assert.Equal("r1", ex.ExistingRunId);
        Assert.Null(await Store.FindAsync("t1", "r2"));
        Assert.Empty(await OutboxIdsAsync("r2"));
        Assert.NotEmpty(second.Outbox); // kept for the caller, not lost
    }

    [Fact]
    public async Task Create_ManyAtOnceForTheSameOpdTemplateAndPeriod_StoresExactlyOne_AndTheOthersNameIt()
    {
        // Two schedulers (or a retry and a person) starting the same period race here: the store alone decides.
        var runs = Enumerable.Range(0, 8).Select(i => NewRun($"race-{i}")).ToList();

        var attempts = await Task.WhenAll(runs.Select(async run =>
        {
            try
            {
                await Task.Yield();
                await Store.CreateAsync(run);
                return (Winner: run.Id, Existing: (string?)null);
            }
            catch (RunAlreadyExistsException e)
            {
                return (Winner: (string?)null, Existing: e.ExistingRunId);
            }
        }));

        string winner = Assert.Single(attempts, a => a.Winner is not null).Winner!;
        Assert.All(attempts.Where(a => a.Winner is null), a => Assert.Equal(winner, a.Existing));
        Assert.Equal([winner], (await Store.ListAsync(new RunQuery("t1") { OpdId = "o1", Period = new Period(2026, 1) })).Select(r => r.Id));
    }

    [Fact]
    public async Task Save_AtTheStoredVersion_Succeeds_AndAStaleSaveChangesNothing()
    {
        await Store.CreateAsync(NewRun("r1"));
        var a = (await Store.FindAsync("t1", "r1"))!;
        var b = (await Store.FindAsync("t1", "r1"))!;

        a.CompleteStep("menugaskan-kasubag-kasubid", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), At(Monday.AddMinutes(5)));
        await Store.SaveAsync(a, 1);
        var outboxAfterA = await OutboxIdsAsync("r1");
        b.Terminate(Head, "keliru", At(Monday.AddMinutes(6)));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(b, 1));

        var stored = (await Store.FindAsync("t1", "r1"))!;
        Assert.Equal(RunJson.Serialize(a), RunJson.Serialize(stored));
        Assert.Equal(RunStatus.Running, stored.Status);
        Assert.Equal(outboxAfterA, await OutboxIdsAsync("r1"));
        Assert.Contains(b.Outbox, n => n.Kind == NotificationKind.RunTerminated); // kept for the caller, not lost
    }

    [Fact]
    public async Task Rewrite_ReplacesTheStateAndTheWholeHistory_AtTheStoredVersion_AndAStaleOneChangesNothing()
    {
        // The durable engine's repair: a write its orchestration never committed (the termination) is in the store;
        // the orchestration's own run (the completion) replaces it, past its version.
        await Store.CreateAsync(NewRun("r1"));
        var lost = (await Store.FindAsync("t1", "r1"))!;
        var own = lost.Copy();
        lost.Terminate(Head, "keliru", At(Monday.AddMinutes(6)));
        await Store.SaveAsync(lost, 1);
        own.CompleteStep("menugaskan-kasubag-kasubid", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), At(Monday.AddMinutes(5)));
        own.ReplacingStateAt(lost.Version);
        var notices = own.Outbox.Select(n => n.Id).ToList();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.RewriteAsync(own.Copy(), 1));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.RewriteAsync(lost.Copy(), lost.Version));
        await Store.RewriteAsync(own, lost.Version, new IdempotencyRecord("t1", "k-r", "kabid", "h", 200, "{}", Monday));

        var stored = (await Store.FindAsync("t1", "r1"))!;
        Assert.Equal(RunJson.Serialize(own), RunJson.Serialize(stored));
        Assert.Equal((RunStatus.Running, lost.Version + 1), (stored.Status, stored.Version));
        Assert.DoesNotContain(stored.History, e => e.Type == RunEventType.RunTerminated);
        Assert.NotNull(await Store.FindIdempotencyAsync("t1", "k-r"));
        Assert.NotEmpty(notices);
        Assert.All(notices, id => Assert.Contains(id, OutboxIdsAsync("r1").Result));
        Assert.Empty(own.Outbox);
    }

    [Fact]
    public async Task IdempotencyRecord_IsStoredWithTheTransition_AndNotWithALostOne()
    {
        await Store.CreateAsync(NewRun("r1"));
        var a = (await Store.FindAsync("t1", "r1"))!;
        var b = (await Store.FindAsync("t1", "r1"))!;
        a.CompleteStep("menugaskan-kasubag-kasubid", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), At(Monday));
        b.CompleteStep("menugaskan-kasubag-kasubid", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), At(Monday));

        await Store.SaveAsync(a, 1, new IdempotencyRecord("t1", "k-a", "kabid", "h", 200, "{}", Monday));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(b, 1, new IdempotencyRecord("t1", "k-b", "kabid", "h", 200, "{}", Monday)));

        Assert.Equal("h", (await Store.FindIdempotencyAsync("t1", "k-a"))!.RequestHash);
        Assert.Null(await Store.FindIdempotencyAsync("t1", "k-b"));
        Assert.Null(await Store.FindIdempotencyAsync("t2", "k-a"));
    }

    [Fact]
    public async Task FindDue_ReturnsWhatIsDueEarliestFirst_AcrossTenants_AndNothingElse()
    {
        await Store.CreateAsync(NewRun("early", tenant: "t1", at: Monday));
        await Store.CreateAsync(NewRun("late", tenant: "t2", at: Monday.AddMinutes(30)));
        await Store.CreateAsync(NewRun("future", tenant: "t1", opd: "o2", at: Monday.AddHours(3)));
        var suspended = NewRun("suspended", tenant: "t1", opd: "o3", at: Monday);
        suspended.Suspend(Head, "tunggu", At(Monday.AddMinutes(1)));
        await Store.CreateAsync(suspended);

        var due = await Store.FindDueAsync(Monday.AddHours(1), 10);

        Assert.Equal(["early", "late"], due.Select(d => d.RunId));
        Assert.Equal(["t1", "t2"], due.Select(d => d.TenantId));
        Assert.Equal(Monday.AddMinutes(15), due[0].DueAt);
        Assert.Single(await Store.FindDueAsync(Monday.AddHours(1), 1));
    }

    [Fact]
    public async Task FindDue_FollowsTheEscalationLadder_AsRunsAreSaved()
    {
        await Store.CreateAsync(NewRun("r1"));
        var run = (await Store.FindAsync("t1", "r1"))!;
        var now = Monday.AddMinutes(20);
        Clock.Now = now;
        run.ProcessDeadlines(At(now));
        await Store.SaveAsync(run, 1);

        Assert.Empty(await Store.FindDueAsync(now, 10));
        Assert.Equal("r1", Assert.Single(await Store.FindDueAsync(Monday.AddDays(1).AddMinutes(15), 10)).RunId);
    }

    [Fact]
    public async Task List_FiltersByOpdPeriodStatusAndLateness()
    {
        await Store.CreateAsync(NewRun("a", opd: "o1", quarter: 1));
        await Store.CreateAsync(NewRun("b", opd: "o2", quarter: 1, at: Monday.AddHours(2)));
        await Store.CreateAsync(NewRun("c", opd: "o1", quarter: 2));
        await Store.CreateAsync(NewRun("x", tenant: "t2"));

        Assert.Equal(["a", "b", "c"], (await Store.ListAsync(new RunQuery("t1"))).Select(r => r.Id).Order());
        Assert.Equal(["a", "c"], (await Store.ListAsync(new RunQuery("t1") { OpdId = "o1" })).Select(r => r.Id).Order());
        Assert.Equal(["a", "b"], (await Store.ListAsync(new RunQuery("t1") { Period = new Period(2026, 1) })).Select(r => r.Id).Order());
        Assert.Empty(await Store.ListAsync(new RunQuery("t1") { Status = RunStatus.Completed }));
        Assert.Equal(["a", "c"], (await Store.ListAsync(new RunQuery("t1") { LateOnly = true, Now = Monday.AddHours(1) })).Select(r => r.Id).Order());
    }
}

using Microsoft.DurableTask;
using Moq;
using SakipServerless.Core.Calendar;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Runs.Commands;
using SakipServerless.Core.Storage;
using SakipServerless.Engine.Durable.Projection;
using SakipServerless.Engine.Durable.Tests.Scenarios;
using SakipServerless.Engine.Durable.Tests.Support;
using SakipServerless.Storage.Sqlite;

namespace SakipServerless.Engine.Durable.Tests.Projection;

/// <summary>The projection activity on the real SQLite store: at least once is once, and a write the orchestration never committed is reported and then rewritten, never appended to.</summary>
public sealed class WriteRunProjectionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 4, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sakip-projection-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteDatabase _database;
    private readonly SqliteRunStore _store;
    private readonly WriteRunProjection _activity;
    private readonly RunContext _ctx;

    public WriteRunProjectionTests()
    {
        _database = new SqliteDatabase(Path.Combine(_folder, "runs.db"));
        _store = new SqliteRunStore(_database);
        _activity = new WriteRunProjection(_store, []);
        var template = ShortTemplates.Shortened("jeneponto-kesbangpol-pengumpulan-data-kinerja");
        _ctx = new RunContext(template, WorkCalendar.ForZone("Asia/Makassar"), new EscalationPolicy(ShortTemplates.Grace), Now);
    }

    [Fact]
    public async Task SameWriteTwice_IsStoredOnce_AndOnlyTheNewEventsTravel()
    {
        var run = await CreateAsync();
        int before = run.History.Count;
        new SuspendRunCommand("Rapat").ApplyTo(run, SeedScenario.Head, _ctx);
        var write = ProjectionWrite.Of(run, before, run.Version - 1, null);

        var first = await RunAsync(write);
        var again = await RunAsync(write);

        Assert.True(first.Written);
        Assert.True(again.Written);
        Assert.Single(write.NewEvents);
        var stored = (await _store.FindAsync(run.TenantId, run.Id))!;
        Assert.Equal(run.Version, stored.Version);
        run.DrainOutbox(); // the store handed the notices to its outbox table

        Assert.Equal(RunJson.Serialize(run), RunJson.Serialize(stored));
    }

    [Fact]
    public async Task WriteOverALostEpisodesOtherTransition_ReportsDiverged_AndOverwritesNothing()
    {
        var run = await CreateAsync();
        await LandLostWriteAsync(run, new SuspendRunCommand("Episode yang hilang"));
        int before = run.History.Count;
        new TerminateRunCommand("Orkestrasi").ApplyTo(run, SeedScenario.Head, _ctx);

        var result = await RunAsync(ProjectionWrite.Of(run, before, run.Version - 1, null));

        Assert.Equal((false, true, run.Version), (result.Written, result.Diverged, result.StoredVersion));
        Assert.Equal(RunStatus.Suspended, (await _store.FindAsync(run.TenantId, run.Id))!.Status);
    }

    [Fact]
    public async Task Rewrite_ReplacesTheDivergedProjection_StateHistoryAndSubmissions_AtAVersionPastIt()
    {
        var run = await CreateAsync();
        var lost = await LandLostWriteAsync(run, new SuspendRunCommand("Episode yang hilang"));
        int before = run.History.Count;
        new TerminateRunCommand("Orkestrasi").ApplyTo(run, SeedScenario.Head, _ctx);
        var write = ProjectionWrite.Of(run, before, run.Version - 1, null, decidedBy: "cmd-terminate");
        var diverged = await RunAsync(write);

        Assert.Equal(write.Token, diverged.Token);
        run.ReplacingStateAt(diverged.StoredVersion!.Value);
        var rewrite = write.Rewriting(run, diverged.StoredVersion.Value);
        var first = await RunAsync(rewrite);
        var again = await RunAsync(rewrite);

        Assert.True(first.Written, first.ToString());
        Assert.Equal(("cmd-terminate@2/rewrite@3", rewrite.Token), (rewrite.Token, first.Token));
        Assert.False(first.Answers(write)); // a result that names another write is not taken for this one
        Assert.True(again.Written, again.ToString());
        var stored = (await _store.FindAsync(run.TenantId, run.Id))!;
        Assert.Equal((RunStatus.Terminated, lost.Version + 1), (stored.Status, stored.Version));
        Assert.Equal(run.History.Select(e => (e.Seq, e.Type, e.Reason)), stored.History.Select(e => (e.Seq, e.Type, e.Reason)));
        Assert.DoesNotContain(stored.History, e => e.Reason == "Episode yang hilang");
        run.DrainOutbox();
        Assert.Equal(RunJson.Serialize(run), RunJson.Serialize(stored));
    }

    [Fact]
    public async Task WriteOnALostEpisodesTailOfTheSameLength_ReportsDiverged_InsteadOfAppendingToIt()
    {
        // The lost episode suspended; this orchestration (whose own suspension with another reason never landed, since
        // the lost write answered for it) goes on from its own history, of the same length as the stored one.
        var run = await CreateAsync();
        await LandLostWriteAsync(run, new SuspendRunCommand("Episode yang hilang"));
        new SuspendRunCommand("Rapat pimpinan").ApplyTo(run, SeedScenario.Head, _ctx);
        run.DrainOutbox(); // committed, as far as this orchestration knows
        int before = run.History.Count;
        new ResumeRunCommand().ApplyTo(run, SeedScenario.Head, _ctx);

        var result = await RunAsync(ProjectionWrite.Of(run, before, run.Version - 1, null));

        Assert.True(result.Diverged);
        Assert.Equal(RunStatus.Suspended, (await _store.FindAsync(run.TenantId, run.Id))!.Status);
    }

    [Fact]
    public async Task LateDuplicate_UnderLaterWritesOfTheSameOrchestration_IsStored_WithoutWritingAgain()
    {
        var run = await CreateAsync();
        int before = run.History.Count;
        new SuspendRunCommand("Rapat").ApplyTo(run, SeedScenario.Head, _ctx);
        var suspension = ProjectionWrite.Of(run, before, run.Version - 1, null);
        Assert.True((await RunAsync(suspension)).Written);
        run.DrainOutbox();
        before = run.History.Count;
        new ResumeRunCommand().ApplyTo(run, SeedScenario.Head, _ctx);
        Assert.True((await RunAsync(ProjectionWrite.Of(run, before, run.Version - 1, null))).Written);

        var late = await RunAsync(suspension);

        Assert.Equal((true, false), (late.Written, late.Diverged));
        Assert.Equal((RunStatus.Running, run.Version), ((await _store.FindAsync(run.TenantId, run.Id))!.Status, run.Version));
    }

    [Fact]
    public async Task AnAnswerStoredUnderTheKeyAlready_Stands_AndTheTransitionIsStillWritten()
    {
        var run = await CreateAsync();
        var lost = await LandLostWriteAsync(run, new SuspendRunCommand("Rapat"), new IdempotencyRecord(run.TenantId, "kunci-1", "kepala", "h", 200, "pertama", Now));
        new SuspendRunCommand("Rapat").ApplyTo(run, SeedScenario.Head, _ctx); // the same command, decided again by the recovery
        run.DrainOutbox();
        int before = run.History.Count;
        new ResumeRunCommand().ApplyTo(run, SeedScenario.Head, _ctx);

        var result = await RunAsync(ProjectionWrite.Of(run, before, run.Version - 1, new IdempotencyRecord(run.TenantId, "kunci-1", "kepala", "h", 200, "kedua", Now)));

        Assert.True(result.Written, result.ToString());
        Assert.Equal(lost.Version + 1, (await _store.FindAsync(run.TenantId, run.Id))!.Version);
        Assert.Equal("pertama", (await _store.FindIdempotencyAsync(run.TenantId, "kunci-1"))!.ResponseJson);
    }

    [Fact]
    public async Task TheSameTransition_WrittenByAnEpisodeACrashLost_AtAnotherTime_CountsAsThisWrite()
    {
        var run = await CreateAsync();
        int before = run.History.Count;
        var lost = run.Copy();
        new SuspendRunCommand("Rapat").ApplyTo(lost, SeedScenario.Head, _ctx);
        Assert.True((await RunAsync(ProjectionWrite.Of(lost, before, lost.Version - 1, null))).Written);

        // The recovery episode decides the same command half a minute later, at its own CurrentUtcDateTime.
        var later = new RunContext(_ctx.Template, _ctx.Calendar, _ctx.Policy, Now.AddSeconds(30));
        new SuspendRunCommand("Rapat").ApplyTo(run, SeedScenario.Head, later);
        var recovery = ProjectionWrite.Of(run, before, run.Version - 1, null);
        Assert.NotEqual(lost.History[^1].At, recovery.NewEvents[^1].At);

        Assert.True((await RunAsync(recovery)).Written);
        var stored = (await _store.FindAsync(run.TenantId, run.Id))!;
        Assert.Equal((run.Version, before + 1), (stored.Version, stored.History.Count));
        Assert.Equal(lost.History[^1].At, stored.History[^1].At); // the first landing's times stay
    }

    public void Dispose()
    {
        _database.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a checkpoint still closing its file; the temp folder is cleaned by the system
        }
    }

    private async Task<SopRun> CreateAsync()
    {
        var run = SopRun.Start("run-" + Guid.NewGuid().ToString("N")[..8], "pemda", "opd", new Period(2026, 1), SeedScenario.Units, SeedScenario.Head, _ctx);
        Assert.True((await RunAsync(ProjectionWrite.Of(run, 0, null, null))).Written);
        run.DrainOutbox(); // as the orchestration does once the write is stored
        return run;
    }

    /// <summary>
    /// A write an episode decided on <paramref name="run"/>'s committed state that landed while its host died before the
    /// episode's history was saved: the orchestration's run does not have it.
    /// </summary>
    private async Task<SopRun> LandLostWriteAsync(SopRun run, RunCommand command, IdempotencyRecord? idempotency = null)
    {
        var lost = run.Copy();
        command.ApplyTo(lost, SeedScenario.Head, _ctx);
        Assert.True((await RunAsync(ProjectionWrite.Of(lost, run.History.Count, run.Version, idempotency))).Written);
        return lost;
    }

    private Task<ProjectionResult> RunAsync(ProjectionWrite write) => _activity.RunAsync(new Mock<TaskActivityContext>().Object, write.ToJson());
}

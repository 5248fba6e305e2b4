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

/// <summary>The projection activity on the real SQLite store: at least once is once, and a second writer is refused, not overwritten.</summary>
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
    public async Task WriteAfterAnotherWritersChange_IsRefusedAsAConflict_AndOverwritesNothing()
    {
        var run = await CreateAsync();
        var other = run.Copy();
        new SuspendRunCommand("Penulis lain").ApplyTo(other, SeedScenario.Head, _ctx);
        await _store.SaveAsync(other, run.Version);
        int before = run.History.Count;
        new TerminateRunCommand("Orkestrasi").ApplyTo(run, SeedScenario.Head, _ctx);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => RunAsync(ProjectionWrite.Of(run, before, run.Version - 1, null)));

        Assert.Equal(RunStatus.Suspended, (await _store.FindAsync(run.TenantId, run.Id))!.Status);
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

    private Task<ProjectionResult> RunAsync(ProjectionWrite write) => _activity.RunAsync(new Mock<TaskActivityContext>().Object, write.ToJson());
}

using Microsoft.Data.Sqlite;
using SakipServerless.Core.Calendar;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;
using SakipServerless.Storage.Sqlite;

namespace SakipServerless.Api.Tests.Storage;

/// <summary>
/// What the SQLite run store adds beyond the port's contract: history kept as rows (parsed once per process, never
/// stale when another process appends) and the migration of databases that kept the history inside the document.
/// </summary>
public sealed class SqliteRunHistoryTests
{
    private static readonly DateTimeOffset Monday = new(2026, 4, 6, 8, 30, 0, TimeSpan.FromHours(8));
    private static readonly SopTemplate Template = SopTemplateJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sop", "jeneponto-kesbangpol-pengumpulan-data-kinerja.json")));
    private static readonly Actor Head = Actor.Create("kepala", "Kepala", WellKnownRoles.HeadOfOpd);
    private static readonly Actor Kabid = Actor.Create("kabid", "Kabid", "kabid");

    private readonly string _path = Path.Combine(Path.GetTempPath(), "sakip-tests", Guid.NewGuid().ToString("N"), "sakip.db");

    private static RunContext At(DateTimeOffset now) => new(Template, WorkCalendar.ForZone("Asia/Makassar"), EscalationPolicy.Default, now);

    private static SopRun NewRun(string id) => SopRun.Start(id, "t1", "o1", new Period(2026, 1), [new OrgUnit("u1", "Unit 1")], Head, At(Monday));

    [Fact]
    public async Task Find_AfterAnotherProcessAppendedEvents_ReturnsTheWholeStoredHistory()
    {
        using var first = new SqliteDatabase(_path);
        using var second = new SqliteDatabase(_path); // a second backend on the same file, with its own cache
        var a = new SqliteRunStore(first);
        var b = new SqliteRunStore(second);
        await a.CreateAsync(NewRun("r1"));
        var seenByA = (await a.FindAsync("t1", "r1"))!;

        var run = (await b.FindAsync("t1", "r1"))!;
        run.CompleteStep("menugaskan-kasubag-kasubid", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), At(Monday.AddMinutes(5)));
        await b.SaveAsync(run, 1);

        var found = (await a.FindAsync("t1", "r1"))!;
        Assert.True(found.History.Count > seenByA.History.Count);
        Assert.Equal(RunJson.Serialize(run), RunJson.Serialize(found));
    }

    [Fact]
    public async Task Find_AfterAnotherProcessRewroteTheHistory_DoesNotKeepTheReplacedEvents()
    {
        using var first = new SqliteDatabase(_path);
        using var second = new SqliteDatabase(_path);
        var a = new SqliteRunStore(first);
        var b = new SqliteRunStore(second);
        await a.CreateAsync(NewRun("r1"));
        var replaced = (await a.FindAsync("t1", "r1"))!;
        var own = replaced.Copy();
        replaced.Terminate(Head, "keliru", At(Monday.AddMinutes(6)));
        await a.SaveAsync(replaced, 1); // a's cache now holds the termination

        own.CompleteStep("menugaskan-kasubag-kasubid", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), At(Monday.AddMinutes(5)));
        own.ReplacingStateAt(replaced.Version);
        await b.RewriteAsync(own, replaced.Version);

        var found = (await a.FindAsync("t1", "r1"))!;
        Assert.Equal(RunJson.Serialize(own), RunJson.Serialize(found));
        Assert.DoesNotContain(found.History, e => e.Type == RunEventType.RunTerminated);
    }

    [Fact]
    public async Task Save_WritesEachEventOnce_AndTheStateWithoutTheHistory()
    {
        using var db = new SqliteDatabase(_path);
        var store = new SqliteRunStore(db);
        await store.CreateAsync(NewRun("r1"));
        var run = (await store.FindAsync("t1", "r1"))!;
        run.CompleteStep("menugaskan-kasubag-kasubid", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), At(Monday.AddMinutes(5)));
        await store.SaveAsync(run, 1);

        using var connection = db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM run_events WHERE run_id = 'r1'), history_count, json FROM runs WHERE id = 'r1'";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(run.History.Count, reader.GetInt32(0));
        Assert.Equal(run.History.Count, reader.GetInt32(1));
        Assert.DoesNotContain("\"history\"", reader.GetString(2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_ADatabaseOfSchemaVersion1_MovesEachRunsHistoryIntoRows_AndKeepsTheRun()
    {
        var run = NewRun("r1");
        run.DrainOutbox();
        run.CompleteStep("menugaskan-kasubag-kasubid", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), At(Monday.AddMinutes(5)));
        run.DrainOutbox();
        WriteVersion1Database(run);

        using var db = new SqliteDatabase(_path);
        var found = await new SqliteRunStore(db).FindAsync("t1", "r1");

        Assert.Equal(RunJson.Serialize(run), RunJson.Serialize(found!));
        using var connection = db.Open();
        using var version = connection.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        Assert.Equal(2L, version.ExecuteScalar());
    }

    /// <summary>The runs table as the first schema had it: the whole document, history included, no history_count.</summary>
    private void WriteVersion1Database(SopRun run)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE runs (
                id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, opd_id TEXT NOT NULL, template_id TEXT NOT NULL, period TEXT NOT NULL,
                year INTEGER NOT NULL, status TEXT NOT NULL, version INTEGER NOT NULL, next_deadline INTEGER NULL, json TEXT NOT NULL,
                UNIQUE (tenant_id, opd_id, template_id, period));
            INSERT INTO runs VALUES ($id, 't1', 'o1', $tpl, $p, 2026, 'running', $v, NULL, $j);
            """;
        command.Parameters.AddWithValue("$id", run.Id);
        command.Parameters.AddWithValue("$tpl", run.TemplateId);
        command.Parameters.AddWithValue("$p", run.Period.Key);
        command.Parameters.AddWithValue("$v", run.Version);
        command.Parameters.AddWithValue("$j", RunJson.Serialize(run));
        command.ExecuteNonQuery();
    }
}

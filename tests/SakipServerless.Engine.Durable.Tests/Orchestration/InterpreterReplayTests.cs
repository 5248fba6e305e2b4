using SakipServerless.Core.Periods;
using SakipServerless.Engine.Durable.Orchestration;
using SakipServerless.Engine.Durable.Tests.Scenarios;
using SakipServerless.Engine.Durable.Tests.Support;

namespace SakipServerless.Engine.Durable.Tests.Orchestration;

/// <summary>
/// Determinism and replay compatibility of the orchestration's decisions: a recorded run replays to the same
/// decisions, and the trace stored with interpreter version 1 still does (see the versioning rule of
/// <see cref="SopRunOrchestrator"/>).
/// </summary>
public sealed class InterpreterReplayTests
{
    private const string StoredTemplate = "jeneponto-kesbangpol-pengumpulan-data-kinerja";

    /// <summary>Q4 2026 under the seed's real durations and working calendar: cuti bersama, Christmas and the tahunan duration variant.</summary>
    private static readonly Period StoredPeriod = new(2026, 4);

    private static readonly DateTimeOffset StoredStart = new(2026, 12, 23, 15, 50, 0, TimeSpan.FromHours(8));

    private static string StoredTracePath(string folder) => Path.Combine(folder, "Orchestration", "Traces", $"{StoredTemplate}-2026-q4-v{SopRunOrchestrator.CurrentInterpreterVersion}.json");

    public static TheoryData<string> Seeds() => SeedScenarioParityTests.Seeds();

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task RecordedRun_ReplaysToTheSameDecisions_AndEndsAsTheEmbeddedEngine(string templateId)
    {
        var template = ShortTemplates.Shortened(templateId);
        var recorder = new InterpreterScenarioEngine();
        var interpreted = ScenarioObservation.Of(await new SeedScenario(recorder, template).PlayAsync(StoredPeriod, StoredStart));
        var embedded = ScenarioObservation.Of(await new SeedScenario(new EmbeddedScenarioEngine(), template).PlayAsync(StoredPeriod, StoredStart));
        var trace = recorder.Trace;

        Assert.Equal(embedded.ToString(), interpreted.ToString());
        Assert.Contains(trace.Inputs, i => i.Kind == TraceInputKind.Deadline);
        AssertSameDecisions(trace.Decisions, RunTrace.Replay(trace.Input, trace.Inputs));
        // Through JSON, as the history stores inputs and events.
        var stored = RunTrace.Parse(trace.ToJson());
        AssertSameDecisions(trace.Decisions, RunTrace.Replay(stored.Input, stored.Inputs));
    }

    /// <summary>
    /// Fails when a code change makes version 1 decide differently. Then either the change is a mistake, or it must be
    /// gated on <c>InterpreterVersion</c> with a new version number and a new stored trace (run with
    /// <c>SAKIP_RECORD_TRACES=1</c> to write it), keeping this one.
    /// </summary>
    [Fact]
    public void StoredTrace_OfInterpreterVersion1_StillReplaysToItsRecordedDecisions()
    {
        string path = StoredTracePath(AppContext.BaseDirectory);
        Assert.True(File.Exists(path), $"No stored trace at {path}; record one with SAKIP_RECORD_TRACES=1.");
        var trace = RunTrace.Parse(File.ReadAllText(path));

        Assert.Equal(1, trace.Input.InterpreterVersion);
        Assert.True(trace.Decisions.Count >= 15, "the stored trace is too short to cover a run");
        Assert.Contains(trace.Inputs, i => i.Kind == TraceInputKind.Deadline);
        AssertSameDecisions(trace.Decisions, RunTrace.Replay(trace.Input, trace.Inputs));
    }

    [RecordingFact]
    public async Task RecordStoredTrace()
    {
        var recorder = new InterpreterScenarioEngine();
        await new SeedScenario(recorder, ShortTemplates.Seed(StoredTemplate)).PlayAsync(StoredPeriod, StoredStart);
        string path = StoredTracePath(Path.Combine(Repository.Root, "tests", "SakipServerless.Engine.Durable.Tests"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, recorder.Trace.ToJson());
    }

    private static void AssertSameDecisions(IReadOnlyList<TraceDecision> expected, IReadOnlyList<TraceDecision> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i] == actual[i], $"decision {i} differs:\n  recorded {expected[i]}\n  replayed {actual[i]}");
        }
    }
}

namespace SakipServerless.Bench.Transitions;

/// <summary>The runs one simulated client takes through <see cref="BenchScript"/>, one request at a time.</summary>
public sealed record WorkerPlan(IReadOnlyList<PlannedRun> Runs);

/// <summary>A seeded run: its OPD (whose users send the commands), its id and its year (whose indicator is reported).</summary>
public sealed record PlannedRun(string Opd, string RunId, int Year);

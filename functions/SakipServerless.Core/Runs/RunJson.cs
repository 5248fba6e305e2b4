using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SakipServerless.Core.Runs;

/// <summary>
/// The stored JSON forms of a run: the whole document (state and history), or the state alone beside its history
/// events one by one, for stores that keep the history as append-only rows.
/// </summary>
public static class RunJson
{
    /// <summary>Core options with the run's history left out: an append-only store writes each event once, not per transition.</summary>
    private static readonly JsonSerializerOptions StateOptions = CreateStateOptions();

    public static string Serialize(SopRun run) => JsonSerializer.Serialize(run, CoreJson.Options);

    public static SopRun Deserialize(string json) =>
        JsonSerializer.Deserialize<SopRun>(json, CoreJson.Options) ?? throw new JsonException("Dokumen pelaksanaan SOP kosong.");

    /// <summary>The run without its history (state, units, steps, evidence, outbox).</summary>
    public static string SerializeState(SopRun run) => JsonSerializer.Serialize(run, StateOptions);

    /// <summary>A run from its state document and its history, which the run takes as its own list (events are immutable and may be shared).</summary>
    public static SopRun DeserializeState(string stateJson, IEnumerable<RunEvent> history)
    {
        var run = JsonSerializer.Deserialize<SopRun>(stateJson, StateOptions) ?? throw new JsonException("Dokumen pelaksanaan SOP kosong.");
        run.History = [.. history];
        return run;
    }

    public static string SerializeEvent(RunEvent e) => JsonSerializer.Serialize(e, CoreJson.Options);

    public static RunEvent DeserializeEvent(string json) =>
        JsonSerializer.Deserialize<RunEvent>(json, CoreJson.Options) ?? throw new JsonException("Peristiwa riwayat pelaksanaan SOP kosong.");

    private static JsonSerializerOptions CreateStateOptions()
    {
        var options = new JsonSerializerOptions(CoreJson.Options)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver
            {
                Modifiers =
                {
                    static info =>
                    {
                        if (info.Type == typeof(SopRun))
                        {
                            var history = info.Properties.Single(p => p.Name == "history");
                            info.Properties.Remove(history);
                        }
                    },
                },
            },
        };
        options.MakeReadOnly();
        return options;
    }
}

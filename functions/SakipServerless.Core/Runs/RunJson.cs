using System.Text.Json;

namespace SakipServerless.Core.Runs;

/// <summary>The stored JSON form of a run (state and history in one document), used by every storage adapter.</summary>
public static class RunJson
{
    public static string Serialize(SopRun run) => JsonSerializer.Serialize(run, CoreJson.Options);

    public static SopRun Deserialize(string json) =>
        JsonSerializer.Deserialize<SopRun>(json, CoreJson.Options) ?? throw new JsonException("Dokumen run kosong.");
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace SakipServerless.Core.Runs;

/// <summary>The stored JSON form of a run (state, history and outbox in one document), used by every storage adapter.</summary>
public static class RunJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(SopRun run) => JsonSerializer.Serialize(run, Options);

    public static SopRun Deserialize(string json) =>
        JsonSerializer.Deserialize<SopRun>(json, Options) ?? throw new JsonException("Dokumen run kosong.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

using System.Text.Json;

namespace SakipServerless.Functions.Tests.Publish;

/// <summary>One function of the published <c>functions.metadata</c>, as the host reads it to index the worker's functions.</summary>
public sealed record FunctionMetadata(string Name, string EntryPoint, IReadOnlyList<FunctionBinding> Bindings)
{
    public FunctionBinding Trigger => Bindings.Single(b => b.Type.EndsWith("Trigger", StringComparison.Ordinal));

    public static IReadOnlyList<FunctionMetadata> Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return [.. json.RootElement.EnumerateArray().Select(f => new FunctionMetadata(
            f.GetProperty("name").GetString()!,
            f.GetProperty("entryPoint").GetString()!,
            [.. f.GetProperty("bindings").EnumerateArray().Select(FunctionBinding.From)]))];
    }
}

public sealed record FunctionBinding(string Type, string Direction, string? Route, IReadOnlyList<string> Methods, string? AuthLevel, string? Schedule)
{
    public static FunctionBinding From(JsonElement b) => new(
        b.GetProperty("type").GetString()!,
        b.GetProperty("direction").GetString()!,
        b.TryGetProperty("route", out var route) ? route.GetString() : null,
        b.TryGetProperty("methods", out var methods) ? [.. methods.EnumerateArray().Select(m => m.GetString()!)] : [],
        b.TryGetProperty("authLevel", out var level) ? level.GetString() : null,
        b.TryGetProperty("schedule", out var schedule) ? schedule.GetString() : null);
}

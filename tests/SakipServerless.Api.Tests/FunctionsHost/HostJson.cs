using System.Text.Json;

namespace SakipServerless.Api.Tests.FunctionsHost;

/// <summary>The repository's host.json, read as the Functions host reads it.</summary>
public static class HostJson
{
    public static JsonElement Root { get; } = JsonDocument.Parse(Repository.Read("host.json")).RootElement.Clone();

    public static JsonElement CustomHandler => Root.GetProperty("customHandler");

    public static string ExecutablePath => CustomHandler.GetProperty("description").GetProperty("defaultExecutablePath").GetString()!;

    public static IReadOnlyList<string> Arguments =>
        CustomHandler.GetProperty("description").TryGetProperty("arguments", out var args) ? [.. args.EnumerateArray().Select(a => a.GetString()!)] : [];
}

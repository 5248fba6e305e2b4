using System.Text.Json;

namespace SakipServerless.Api.Tests.FunctionsHost;

/// <summary>One committed deploy/functions/&lt;Name&gt;/function.json, read as the Functions host would read it.</summary>
public sealed record CommittedFunction(string Name, string Trigger, string? Route, IReadOnlyList<string> Methods, string? AuthLevel)
{
    public static IReadOnlyList<CommittedFunction> All() =>
    [
        .. Directory.GetDirectories(Repository.PathOf("deploy", "functions")).Order(StringComparer.Ordinal).Select(folder =>
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "function.json")));
            var trigger = json.RootElement.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "in");
            return new CommittedFunction(
                Path.GetFileName(folder),
                trigger.GetProperty("type").GetString()!,
                trigger.TryGetProperty("route", out var route) ? route.GetString() : null,
                trigger.TryGetProperty("methods", out var methods) ? [.. methods.EnumerateArray().Select(m => m.GetString()!)] : [],
                trigger.TryGetProperty("authLevel", out var level) ? level.GetString() : null);
        }),
    ];

    public static IReadOnlyList<CommittedFunction> Http() => [.. All().Where(f => f.Trigger == "httpTrigger")];

    /// <summary>A concrete path for the route: each parameter replaced by a value it accepts.</summary>
    public static string SamplePath(string route) =>
        "/" + FunctionsHostRoutePrefix + "/" + System.Text.RegularExpressions.Regex.Replace(route, @"\{\*?([A-Za-z0-9_]+)[^}]*\}", m => "probe-" + m.Groups[1].Value);

    private const string FunctionsHostRoutePrefix = "api";
}

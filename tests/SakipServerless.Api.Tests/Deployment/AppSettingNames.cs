using System.Reflection;
using System.Text.Json;
using SakipServerless.Api.Hosting;

namespace SakipServerless.Api.Tests.Deployment;

/// <summary>
/// The settings the backend reads, as environment-variable names (<c>Sakip__Storage__Provider</c>): the leaves of
/// every options class of the app bound to a <c>Sakip</c> section (a class with <c>const string Section</c>, like
/// <see cref="SakipOptions"/>), found by reflection so an option added by any feature is picked up at once, and the
/// leaves under <c>Sakip</c> in appsettings.json.
/// </summary>
public static class AppSettingNames
{
    /// <summary>Every options class bound to a section under <c>Sakip</c>, with that section (<c>Sakip:Identity</c>).</summary>
    public static IReadOnlyList<(Type Type, string Section)> OptionSections { get; } =
    [
        .. typeof(SakipOptions).Assembly.GetTypes()
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.GetRawConstantValue() is string s
                && (s == SakipOptions.Section || s.StartsWith(SakipOptions.Section + ":", StringComparison.Ordinal)))
            .Select(x => (x.Type, (string)x.Field!.GetRawConstantValue()!))
            .OrderBy(x => x.Item2, StringComparer.Ordinal),
    ];

    public static IReadOnlyList<string> OptionLeaves { get; } =
        [.. OptionSections.SelectMany(o => Leaves(o.Type, EnvironmentName(o.Section))).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Every leaf under <c>Sakip</c> in the backend's appsettings.json.</summary>
    public static IReadOnlyList<string> AppSettingsJsonLeaves { get; } =
        [.. JsonLeaves(JsonDocument.Parse(Repository.Read("functions", "SakipServerless.Api", "appsettings.json")).RootElement.GetProperty(SakipOptions.Section), SakipOptions.Section).Order(StringComparer.Ordinal)];

    /// <summary>All of them: what local.settings.json.example and the Function App must set.</summary>
    public static IReadOnlyList<string> All { get; } = [.. OptionLeaves.Union(AppSettingsJsonLeaves).Order(StringComparer.Ordinal)];

    public static bool Exists(string name) => All.Contains(name, StringComparer.Ordinal);

    public static string EnvironmentName(string configurationKey) => configurationKey.Replace(":", "__", StringComparison.Ordinal);

    private static IEnumerable<string> Leaves(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            string name = $"{prefix}__{property.Name}";
            var t = property.PropertyType;
            bool section = t.IsClass && t != typeof(string) && t.Namespace?.StartsWith("SakipServerless", StringComparison.Ordinal) == true;
            foreach (string leaf in section ? Leaves(t, name) : [name])
            {
                yield return leaf;
            }
        }
    }

    private static IEnumerable<string> JsonLeaves(JsonElement element, string prefix) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().SelectMany(p => JsonLeaves(p.Value, $"{prefix}__{p.Name}"))
            : [prefix];
}

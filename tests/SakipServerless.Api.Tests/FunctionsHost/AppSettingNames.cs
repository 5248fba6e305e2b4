using System.Reflection;
using System.Text.Json;
using SakipServerless.Api.Hosting;

namespace SakipServerless.Api.Tests.FunctionsHost;

/// <summary>The settings the backend reads, as environment-variable names (<c>Sakip__Storage__Provider</c>).</summary>
public static class AppSettingNames
{
    /// <summary>Every leaf of <see cref="SakipOptions"/>, found by reflection so a new option is picked up at once.</summary>
    public static IReadOnlyList<string> SakipOptionLeaves { get; } = [.. Leaves(typeof(SakipOptions), SakipOptions.Section).Order(StringComparer.Ordinal)];

    /// <summary>Every leaf under <c>Sakip</c> in the backend's appsettings.json.</summary>
    public static IReadOnlyList<string> AppSettingsJsonLeaves { get; } =
        [.. JsonLeaves(JsonDocument.Parse(Repository.Read("functions", "SakipServerless.Api", "appsettings.json")).RootElement.GetProperty(SakipOptions.Section), SakipOptions.Section).Order(StringComparer.Ordinal)];

    /// <summary>Whether an options class has a property path, e.g. <c>Identity:Mode</c> (settings other issues add).</summary>
    public static bool Exists(string name) => SakipOptionLeaves.Contains(name, StringComparer.Ordinal);

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

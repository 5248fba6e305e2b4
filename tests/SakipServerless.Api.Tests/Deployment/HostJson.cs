using System.Text.Json;
using System.Text.RegularExpressions;

namespace SakipServerless.Api.Tests.Deployment;

/// <summary>The repository's host.json, read as the Functions host reads it.</summary>
public static partial class HostJson
{
    public static JsonElement Root { get; } = JsonDocument.Parse(Repository.Read("host.json")).RootElement.Clone();

    /// <summary>The app setting a <c>%Name%</c> value of host.json is resolved from.</summary>
    public static string SettingNamed(string? value)
    {
        var match = Placeholder().Match(value ?? "");
        Assert.True(match.Success, $"host.json value '{value}' is not a %Setting% placeholder");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("^%([A-Za-z0-9_]+)%$")]
    private static partial Regex Placeholder();
}

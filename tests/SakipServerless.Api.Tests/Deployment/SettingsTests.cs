using System.Text.Json;

namespace SakipServerless.Api.Tests.Deployment;

/// <summary>local.settings.json.example (for the Functions host run locally) names every setting the backend reads.</summary>
public sealed class SettingsTests
{
    private static readonly IReadOnlyDictionary<string, string> Example = ReadExample();

    [Fact]
    public void AppSettingsJson_ListsOnlySettingsTheCodeReads()
    {
        Assert.Contains("Sakip__Storage__Provider", AppSettingNames.OptionLeaves); // the reflection finds SakipOptions
        Assert.Contains("Sakip__Storage__Provider", AppSettingNames.AppSettingsJsonLeaves);
        Assert.Empty(AppSettingNames.AppSettingsJsonLeaves.Except(AppSettingNames.OptionLeaves));
    }

    [Fact]
    public void TheExample_SetsEverySettingTheAppReads_AndNoUnknownOne()
    {
        var missing = AppSettingNames.All.Except(Example.Keys).ToList();
        var unknown = Example.Keys.Where(k => k.StartsWith("Sakip__", StringComparison.Ordinal)).Except(AppSettingNames.All).ToList();

        Assert.True(missing.Count == 0, "local.settings.json.example lacks: " + string.Join(", ", missing));
        Assert.True(unknown.Count == 0, "local.settings.json.example sets settings the app does not read: " + string.Join(", ", unknown));
        Assert.Equal("Development", Example["ASPNETCORE_ENVIRONMENT"]);
    }

    [Fact]
    public void TheExample_IsForTheIsolatedWorker_WithHostStorageAndTheTaskHubHostJsonNames()
    {
        Assert.Equal("dotnet-isolated", Example["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.True(Example.ContainsKey("AzureWebJobsStorage"), "timers and the task hub need host storage (Azurite locally)");
        string hub = HostJson.SettingNamed(HostJson.Root.GetProperty("extensions").GetProperty("durableTask").GetProperty("hubName").GetString());
        Assert.False(string.IsNullOrWhiteSpace(Example.GetValueOrDefault(hub)), $"host.json names the task hub by %{hub}%, which the example does not set");
    }

    [Fact]
    public void TheExamplesValues_BindToSakipOptions_AndPassTheStartUpValidation()
    {
        var options = SettingsBinding.BindAndValidate(Example);

        Assert.False(options.Sweep.Enabled); // the timer function sweeps, as in Azure
    }

    private static Dictionary<string, string> ReadExample()
    {
        using var json = JsonDocument.Parse(Repository.Read("local.settings.json.example"));
        var values = json.RootElement.GetProperty("Values");
        Assert.All(values.EnumerateObject(), v => Assert.Equal(JsonValueKind.String, v.Value.ValueKind)); // the host reads strings only
        return values.EnumerateObject().ToDictionary(v => v.Name, v => v.Value.GetString()!, StringComparer.Ordinal);
    }
}

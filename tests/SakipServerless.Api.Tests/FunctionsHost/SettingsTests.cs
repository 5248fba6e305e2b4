using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SakipServerless.Api.FunctionsHost;
using SakipServerless.Api.Hosting;

namespace SakipServerless.Api.Tests.FunctionsHost;

/// <summary>local.settings.json.example (for the Functions host run locally) names every setting the backend reads.</summary>
public sealed class SettingsTests
{
    private static readonly IReadOnlyDictionary<string, string> Example = ReadExample();

    [Fact]
    public void AppSettingsJson_ListsExactlyTheSettingsOfSakipOptions()
    {
        Assert.Equal(AppSettingNames.SakipOptionLeaves, AppSettingNames.AppSettingsJsonLeaves);
    }

    [Fact]
    public void TheExample_SetsEverySettingTheAppReads_AndNoUnknownOne()
    {
        var missing = AppSettingNames.SakipOptionLeaves.Except(Example.Keys).ToList();
        var unknown = Example.Keys.Where(k => k.StartsWith("Sakip__", StringComparison.Ordinal)).Except(AppSettingNames.SakipOptionLeaves).ToList();

        Assert.True(missing.Count == 0, "local.settings.json.example lacks: " + string.Join(", ", missing));
        Assert.True(unknown.Count == 0, "local.settings.json.example sets settings the app does not read: " + string.Join(", ", unknown));
        Assert.Equal("Development", Example["ASPNETCORE_ENVIRONMENT"]);
    }

    [Fact]
    public void TheExample_IsForTheCustomHandlerRuntime_AndLeavesThePortToTheHost()
    {
        Assert.Equal("custom", Example["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.True(Example.ContainsKey("AzureWebJobsStorage"), "the timer trigger needs host storage (Azurite locally)");
        Assert.False(Example.ContainsKey(CustomHandlerPort.Variable), "the Functions host chooses the handler's port itself");
    }

    [Fact]
    public void TheExamplesValues_BindToSakipOptions_AndPassTheStartUpValidation()
    {
        var options = Bind(Example);

        Assert.True(new NestedSectionsValidator().Validate(null, options).Succeeded);
        Assert.False(options.Sweep.Enabled); // the timer function sweeps, as in Azure
    }

    /// <summary>Binds environment-style settings as the app would, refusing any key SakipOptions lacks.</summary>
    public static SakipOptions Bind(IReadOnlyDictionary<string, string> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Where(s => s.Key.StartsWith("Sakip__", StringComparison.Ordinal))
                .Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)))
            .Build();
        return configuration.GetSection(SakipOptions.Section).Get<SakipOptions>(o => o.ErrorOnUnknownConfiguration = true)
            ?? throw new OptionsValidationException(SakipOptions.Section, typeof(SakipOptions), ["no Sakip settings"]);
    }

    private static Dictionary<string, string> ReadExample()
    {
        using var json = JsonDocument.Parse(Repository.Read("local.settings.json.example"));
        var values = json.RootElement.GetProperty("Values");
        Assert.All(values.EnumerateObject(), v => Assert.Equal(JsonValueKind.String, v.Value.ValueKind)); // the host reads strings only
        return values.EnumerateObject().ToDictionary(v => v.Name, v => v.Value.GetString()!, StringComparer.Ordinal);
    }
}

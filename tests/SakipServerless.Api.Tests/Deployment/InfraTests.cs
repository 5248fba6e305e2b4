using System.Text.Json;
using System.Text.RegularExpressions;

namespace SakipServerless.Api.Tests.Deployment;

/// <summary>
/// infra/main.bicep against the code: every setting the backend reads is set on the Function App, the Cosmos data
/// model is the adapter's, the health route and the auth setup match the functions, and no key is used anywhere.
/// Structural checks stand in for a compiler, which cannot be installed here.
/// </summary>
public sealed class InfraTests
{
    private static readonly BicepFile Bicep = BicepFile.Main;
    private static readonly IReadOnlyDictionary<string, string> FunctionApp = Bicep.AppSettings("functionAppSettings");
    private static readonly IReadOnlyDictionary<string, string> Dashboard = Bicep.AppSettings("dashboardSettings");

    [Fact]
    public void Bicep_IsStructurallySound()
    {
        foreach (var (open, close) in new[] { ('{', '}'), ('[', ']'), ('(', ')') })
        {
            Assert.Equal(Bicep.Code.Count(c => c == open), Bicep.Code.Count(c => c == close));
        }

        Assert.Equal(Bicep.Text.Split('\n').Count(l => l.StartsWith("resource ", StringComparison.Ordinal)), Bicep.Resources.Count);
        Assert.All(Bicep.Params, p => Assert.Contains(Bicep.DecoratorsOf($"param {p} "), d => d.StartsWith("@description('", StringComparison.Ordinal)));

        // Names are unique, every parameter and variable is used (the linter's no-unused rules), and every name used
        // with a member access is declared.
        var declared = Bicep.Params.Concat(Bicep.Vars).Concat(Bicep.Resources.Select(r => r.Symbol)).ToList();
        Assert.Equal(declared.Count, declared.Distinct().Count());
        foreach (string symbol in Bicep.Params.Concat(Bicep.Vars))
        {
            Assert.True(Regex.Matches(Bicep.Text, $@"\b{symbol}\b").Count > 1, $"{symbol} is declared but never used");
        }

        var builtIns = new[] { "resourceGroup", "environment", "tenant", "container", "roles", "cosmosModel" };
        foreach (Match use in Regex.Matches(Bicep.Code, @"(?<![\w.'])([a-z]\w*)\.[a-zA-Z]"))
        {
            Assert.True(declared.Contains(use.Groups[1].Value) || builtIns.Contains(use.Groups[1].Value), $"'{use.Groups[1].Value}' is used but not declared");
        }
    }

    [Fact]
    public void TheFunctionApp_SetsEverySettingTheAppReads_AndNoUnknownOne()
    {
        var missing = AppSettingNames.All.Except(FunctionApp.Keys).ToList();
        var unknown = FunctionApp.Keys.Where(k => k.StartsWith("Sakip__", StringComparison.Ordinal)).Except(AppSettingNames.All).ToList();

        Assert.True(missing.Count == 0, "main.bicep (functionAppSettings) lacks: " + string.Join(", ", missing));
        Assert.True(unknown.Count == 0, "main.bicep sets settings the app does not read: " + string.Join(", ", unknown));
        Assert.DoesNotContain("FUNCTIONS_CUSTOMHANDLER_PORT", FunctionApp.Keys); // no custom handler any more
    }

    [Fact]
    public void TheFunctionAppsSettings_BindAndValidate_AndKeepProductionSafe()
    {
        var resolved = FunctionApp.Where(s => s.Key.StartsWith("Sakip__", StringComparison.Ordinal))
            .Select(s => (s.Key, Value: Bicep.Resolve(s.Value)))
            .Where(s => s.Value is not null)
            .ToDictionary(s => s.Key, s => s.Value!);
        var options = SettingsBinding.BindAndValidate(resolved);

        Assert.False(options.Development.EnableDevSignIn || options.Development.EnableClockOffset || options.Development.SeedDemoData);
        Assert.False(options.Sweep.Enabled); // the DeadlineSweep timer function owns the sweep
        Assert.True(options.Engine.IsDurable, "Azure mode runs each SOP run as a Durable orchestration");
        Assert.False(options.Schedule.Enabled); // the ScheduledStarts timer function starts scheduled runs
        Assert.True(Path.IsPathRooted(options.Storage.SqlitePath) && options.Storage.SqlitePath.StartsWith("/home/", StringComparison.Ordinal),
            "the package is mounted read-only; the database lives on the app's /home share");
        Assert.Equal("Production", Bicep.Resolve(FunctionApp["ASPNETCORE_ENVIRONMENT"]));
    }

    [Fact]
    public void TheFunctionApp_IsALinuxDotnetIsolatedAppOnFunctionsV4_WithASystemAssignedIdentity()
    {
        Assert.Equal("dotnet-isolated", Bicep.Resolve(FunctionApp["FUNCTIONS_WORKER_RUNTIME"]));
        Assert.Contains("linuxFxVersion: 'DOTNET-ISOLATED|10.0'", Bicep.Text);
        Assert.Equal("~4", Bicep.Resolve(FunctionApp["FUNCTIONS_EXTENSION_VERSION"]));
        Assert.Equal("1", Bicep.Resolve(FunctionApp["WEBSITE_RUN_FROM_PACKAGE"]));
        Assert.Contains("kind: 'functionapp,linux'", Bicep.Text);
        Assert.Contains("reserved: true", Bicep.Text);
        Assert.Equal(2, Regex.Matches(Bicep.Text, @"identity: \{\s*\n\s*type: 'SystemAssigned'").Count); // both apps
    }

    [Fact]
    public void NoKeyOrConnectionStringSecret_IsUsed_AnywhereInTheInfrastructure()
    {
        foreach (string keyed in new[] { "listKeys(", "listConnectionStrings(", "AccountKey=", "primaryMasterKey", "InstrumentationKey" })
        {
            Assert.DoesNotContain(keyed, Bicep.Text);
        }

        Assert.Contains("allowSharedKeyAccess: false", Bicep.Text);
        Assert.Contains("disableLocalAuth: true", Bicep.Text); // Cosmos DB
        Assert.Contains("DisableLocalAuth: true", Bicep.Text); // Application Insights
        Assert.Equal("storage.name", FunctionApp["AzureWebJobsStorage__accountName"]);
        Assert.DoesNotContain("AzureWebJobsStorage", FunctionApp.Keys);
        Assert.Equal("Authorization=AAD", Bicep.Resolve(FunctionApp["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]));
    }

    [Fact]
    public void TheFunctionAppsIdentity_GetsDataRoles_OnStorageEvidenceCosmosAndTelemetry()
    {
        var assignments = Regex.Matches(Bicep.Text, @"resource (\w+) '(Microsoft\.Authorization/roleAssignments|Microsoft\.DocumentDB/databaseAccounts/sqlRoleAssignments)@[^']+' = \{(.*?)\n\}", RegexOptions.Singleline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[3].Value);

        void Granted(string symbol, string role, string scope, string principal = "functionApp")
        {
            Assert.True(assignments.TryGetValue(symbol, out string? body), $"no role assignment {symbol}");
            Assert.Contains($"roles.{role}", body);
            Assert.Contains($"principalId: {principal}.identity.principalId", body);
            Assert.Contains(scope, body);
        }

        Granted("hostStorageRole", "storageBlobDataOwner", "scope: storage");
        Granted("taskHubQueueRole", "storageQueueDataContributor", "scope: storage");
        Granted("taskHubTableRole", "storageTableDataContributor", "scope: storage");
        Granted("evidenceRole", "storageBlobDataContributor", "scope: evidence");
        Granted("cosmosDataRole", "cosmosDataContributor", "scope: cosmos.id");
        Granted("functionTelemetryRole", "monitoringMetricsPublisher", "scope: appInsights");
        Granted("dashboardTelemetryRole", "monitoringMetricsPublisher", "scope: appInsights", "dashboard");

        // Built-in role definition ids.
        Assert.Contains("storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'", Bicep.Text);
        Assert.Contains("storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'", Bicep.Text);
        Assert.Contains("storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'", Bicep.Text);
        Assert.Contains("storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'", Bicep.Text);
        Assert.Contains("monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'", Bicep.Text);
        Assert.Contains("cosmosDataContributor: '00000000-0000-0000-0000-000000000002'", Bicep.Text);
    }

    [Fact]
    public void Cosmos_IsServerless_WithExactlyTheContainersOfTheDataModel()
    {
        Assert.Contains("name: 'EnableServerless'", Bicep.Text);
        Assert.Contains("var cosmosModel = loadJsonContent('cosmos-containers.json')", Bicep.Text);
        Assert.Matches(@"resource cosmosContainers '[^']+' = \[for container in cosmosModel\.containers: \{", Bicep.Text);
        Assert.Contains("name: container.name", Bicep.Text);
        Assert.Matches(@"paths: \[\s*\n\s*container\.partitionKeyPath\s*\n\s*\]", Bicep.Text);
        Assert.Contains("name: cosmosModel.database", Bicep.Text);

        var model = CosmosModel();
        Assert.NotEmpty(model.Containers);
        Assert.Equal(model.Containers.Count, model.Containers.Select(c => c.Name).Distinct().Count());
        Assert.All(model.Containers, c => Assert.Matches("^/[A-Za-z][A-Za-z0-9]*$", c.PartitionKeyPath));
        // Everything a pemda owns is partitioned by the pemda, so its queries stay in one partition.
        Assert.All(model.Containers.Where(c => c.Name != "due"), c => Assert.Equal("/tenantId", c.PartitionKeyPath));
        Assert.Contains(model.Containers, c => c.Name == "due" && c.PartitionKeyPath == "/bucket");
    }

    [Fact]
    public void CosmosDatabaseContainersAndPartitionKeys_AreTheAdapters()
    {
        // A text cross-check: the Api tests do not reference the adapter, and its names are plain constants.
        string containers = Repository.Read("functions", "SakipServerless.Storage.Azure", "Cosmos", "CosmosContainers.cs");
        string options = Repository.Read("functions", "SakipServerless.Storage.Azure", "Cosmos", "CosmosStorageOptions.cs");
        var names = Regex.Matches(containers, @"const string (\w+) = ""([^""]+)"";").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var adapter = Regex.Matches(containers, @"CreateContainerIfNotExistsAsync\((\w+), ""([^""]+)""")
            .Select(m => (Name: names[m.Groups[1].Value], PartitionKeyPath: m.Groups[2].Value))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

        var model = CosmosModel();
        Assert.NotEmpty(adapter);
        Assert.Equal(adapter, model.Containers.OrderBy(c => c.Name, StringComparer.Ordinal));
        Assert.Matches($@"string Database {{ get; set; }} = ""{model.Database}"";", options);
    }

    [Fact]
    public async Task TheHealthPath_IsTheAppsHealthRoute_AndTheOnlyPathOpenWithoutSignIn()
    {
        const string path = "/api/health";
        await using var app = new Support.ApiFactory();
        using var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode); // served, and without signing in
        Assert.Contains($"var healthPath = '{path}'", Bicep.Text);
        Assert.Contains("healthCheckPath: healthPath", Bicep.Text);
        Assert.Matches(@"excludedPaths: \[\s*\n\s*healthPath\s*\n\s*\]", Bicep.Text);
    }

    [Fact]
    public void TheDurableTaskHub_LivesOnTheHostStorageAccount_ReachedWithTheAppsIdentity()
    {
        var durable = HostJson.Root.GetProperty("extensions").GetProperty("durableTask");
        var provider = durable.GetProperty("storageProvider");
        string hubSetting = HostJson.SettingNamed(durable.GetProperty("hubName").GetString());

        Assert.Equal("AzureStorage", provider.GetProperty("type").GetString());
        Assert.Equal("AzureWebJobsStorage", provider.GetProperty("connectionName").GetString());
        Assert.Equal("storage.name", FunctionApp["AzureWebJobsStorage__accountName"]); // identity-based: an account, no key
        Assert.Matches("^[a-z][a-z0-9]{2,44}$", FunctionApp[hubSetting].Replace("${prefix}", "sakip", StringComparison.Ordinal).Trim('\''));
        // Events and timers react within a second, not after the provider's default 30 s back-off.
        Assert.Equal("00:00:01", provider.GetProperty("maxQueuePollingInterval").GetString());
    }

    [Fact]
    public void AppServiceAuthentication_GuardsBothApps_TheApiWith401_TheDashboardWithASignInPage()
    {
        var auth = Regex.Matches(Bicep.Text, @"resource (\w+) 'Microsoft\.Web/sites/config@[^']+' = if \(authenticationEnabled\) \{\s*\n\s*parent: (\w+)\s*\n\s*name: 'authsettingsV2'(.*?)\n\}", RegexOptions.Singleline)
            .ToDictionary(m => m.Groups[2].Value, m => m.Groups[3].Value);

        Assert.Equal(["dashboard", "functionApp"], auth.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("unauthenticatedClientAction: 'Return401'", auth["functionApp"]);
        Assert.Contains("unauthenticatedClientAction: 'RedirectToLoginPage'", auth["dashboard"]);
        Assert.All(auth.Values, body => Assert.Contains("requireAuthentication: true", body));
        Assert.Contains("var authenticationEnabled = !empty(entraClientId)", Bicep.Text);
    }

    [FactWhen(FactWhenAttribute.IdentityMode)]
    public void TheAppsIdentityMode_IsTheAppServicePrincipal_WhenPlatformAuthenticationIsOn()
    {
        Assert.True(FunctionApp.TryGetValue(FactWhenAttribute.IdentityModeSetting, out string? mode), "main.bicep does not set the identity mode");
        Assert.Contains("authenticationEnabled", mode);
        Assert.Contains("'appservice'", mode);
    }

    [Fact]
    public void TheDashboard_IsALinuxDotnetApp_CallingTheFunctionApp()
    {
        Assert.Contains("kind: 'app,linux'", Bicep.Text);
        Assert.Contains("linuxFxVersion: 'DOTNETCORE|10.0'", Bicep.Text);
        Assert.Equal("'https://${functionApp.properties.defaultHostName}/'", Dashboard["Dashboard__ApiBaseUrl"]);
        Assert.Equal("false", Bicep.Resolve(Dashboard["Dashboard__EnableDevSignIn"]));
        Assert.Equal("Production", Bicep.Resolve(Dashboard["ASPNETCORE_ENVIRONMENT"]));
    }

    [Fact]
    public void TheDeployment_IsParameterisedByRegionAndNames_AndOutputsTheUrls()
    {
        Assert.Contains("param location string = resourceGroup().location", Bicep.Text);
        foreach (string name in new[] { "functionAppName", "dashboardAppName", "planName", "storageAccountName", "cosmosAccountName", "appInsightsName" })
        {
            Assert.Contains(name, Bicep.Params);
        }

        foreach (string output in new[] { "apiUrl", "healthUrl", "dashboardUrl", "cosmosEndpoint", "blobEndpoint", "evidenceContainerUrl" })
        {
            Assert.Contains(output, Bicep.Outputs);
        }

        Assert.Contains("'Microsoft.Insights/components'", Bicep.Resources.Select(r => $"'{r.Type}'"));
        Assert.Contains("Microsoft.Storage/storageAccounts/blobServices/containers", Bicep.Resources.Select(r => r.Type));
        Assert.Contains("name: evidenceContainerName", Bicep.Text);
    }

    private static (string Database, IReadOnlyList<(string Name, string PartitionKeyPath)> Containers) CosmosModel()
    {
        using var json = JsonDocument.Parse(Repository.Read("infra", "cosmos-containers.json"));
        return (json.RootElement.GetProperty("database").GetString()!,
            [.. json.RootElement.GetProperty("containers").EnumerateArray().Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("partitionKeyPath").GetString()!))]);
    }
}

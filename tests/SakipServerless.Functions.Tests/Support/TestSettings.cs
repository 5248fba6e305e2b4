namespace SakipServerless.Functions.Tests.Support;

/// <summary>The settings both hosts get in these tests: their own SQLite file, development sign-in, no background work.</summary>
public static class TestSettings
{
    public static Dictionary<string, string?> For(string databasePath, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sakip:Storage:SqlitePath"] = databasePath,
            ["Sakip:Sweep:Enabled"] = "false",
            ["Sakip:Notifications:DispatchEnabled"] = "false",
            ["Sakip:Schedule:Enabled"] = "false", // the started local host must not run scheduled starts of its own
            ["Sakip:Development:EnableDevSignIn"] = "true",
            ["Sakip:Development:SeedDemoData"] = "false",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), "sakip-functions-tests", Guid.NewGuid().ToString("N"), "sakip.db");
}

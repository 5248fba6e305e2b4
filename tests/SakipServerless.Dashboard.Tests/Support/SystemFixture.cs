namespace SakipServerless.Dashboard.Tests.Support;

/// <summary>
/// The running system the tests share: the backend with the five demo pemda seeded at a fixed moment
/// (Wednesday 18 November 2026, 10.30 WITA: three quarters done, the fourth in progress) and the dashboard in front
/// of it. Tests that change data use different pemda so their order does not matter.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    /// <summary>Settings for a system of a test's own (e.g. the notification dispatcher on); the shared one has none.</summary>
    public IReadOnlyDictionary<string, string>? BackendSettings { get; init; }

    public IReadOnlyDictionary<string, string>? DashboardSettings { get; init; }

    public static readonly DateTimeOffset SeedMoment = new(2026, 11, 18, 2, 30, 0, TimeSpan.Zero);

    public ManualClock Clock { get; } = new(SeedMoment);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "sakip-dashboard-tests", Guid.NewGuid().ToString("N"));

    public BackendHost Backend { get; private set; } = default!;

    public DashboardHost Dashboard { get; private set; } = default!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        Backend = new BackendHost(Clock, Folder, BackendSettings);
        Backend.StartServer();
        Dashboard = new DashboardHost(Clock, Backend.BaseAddress, Folder, DashboardSettings);
        Dashboard.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Dashboard.DisposeAsync();
        await Backend.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>A signed-in browser-like HTTP session of the dashboard.</summary>
    public async Task<DashboardSession> SignInAsync(string tenantId, string userId)
    {
        var session = new DashboardSession(Dashboard.BaseAddress);
        await session.SignInAsync(tenantId, userId);
        return session;
    }

    /// <summary>A backend token for checking what the dashboard did, straight at the API.</summary>
    public async Task<HttpClient> ApiAsAsync(string tenantId, string userId)
    {
        var http = new HttpClient { BaseAddress = Backend.BaseAddress };
        var answer = await http.PostAsJsonAsync("api/dev/token", new { tenantId, userId });
        answer.EnsureSuccessStatusCode();
        var token = (await answer.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}

/// <summary>One shared system for every test class in the collection; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}

extern alias dashboard;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using SakipServerless.Api.Hosting;
using SakipServerless.Api.Templates;
using SakipServerless.Core.Storage;
using SakipServerless.Dashboard.Bench;
using DashboardHosting = dashboard::SakipServerless.Dashboard.Hosting.DashboardServiceCollectionExtensions;
using DashboardEndpoints = dashboard::SakipServerless.Dashboard.Hosting.DashboardEndpointExtensions;

// Sizes from the issue: 50 OPDs × 4 quarters × 30 indicators (3 units each). Arguments override: opds indicators runs.
int opds = args.Length > 0 ? int.Parse(args[0]) : 50, indicators = args.Length > 1 ? int.Parse(args[1]) : 30, rounds = args.Length > 2 ? int.Parse(args[2]) : 10;
string root = Repository.Root();
string folder = Path.Combine(Path.GetTempPath(), "sakip-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
int apiPort = Repository.FreePort(), dashPort = Repository.FreePort();

// The backend, as the run command starts it, on its own database.
var backendBuilder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
backendBuilder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Sakip:Storage:SqlitePath"] = Path.Combine(folder, "sakip.db"),
    ["Sakip:Sweep:Enabled"] = "false",
    ["Sakip:Notifications:DispatchEnabled"] = "false",
    ["Sakip:Development:EnableDevSignIn"] = "true",
    ["Logging:LogLevel:Default"] = "Warning",
});
backendBuilder.WebHost.UseUrls($"http://127.0.0.1:{apiPort}");
backendBuilder.AddSakipBackend();
var backend = backendBuilder.Build();
backend.UseSakipBackend();
await backend.StartAsync();

var seed = Stopwatch.StartNew();
var data = new BenchData(backend.Services.GetRequiredService<IDocumentStore>(), backend.Services.GetRequiredService<IRunStore>(),
    backend.Services.GetRequiredService<TemplateCatalog>(), Path.Combine(root, "sop"));
int runs = await data.SeedAsync(opds, indicators, 3, DateTimeOffset.UtcNow.Year, DateTimeOffset.UtcNow);
Console.WriteLine($"Seeded {opds} OPDs × {indicators} indicators, {runs} runs in {seed.Elapsed.TotalSeconds:0.0} s.");

// The dashboard, in front of it.
var dashboardBuilder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    EnvironmentName = "Production",
    ApplicationName = "SakipServerless.Dashboard",
    ContentRootPath = Path.Combine(root, "dashboard", "SakipServerless.Dashboard"),
});
dashboardBuilder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Dashboard:ApiBaseUrl"] = $"http://127.0.0.1:{apiPort}/",
    ["Dashboard:EnableDevSignIn"] = "true",
    ["Dashboard:RefreshSeconds"] = "0",
    ["Dashboard:DemoTenants:0:Id"] = BenchData.TenantId,
    ["Dashboard:DemoTenants:0:Name"] = "Kabupaten Uji Beban",
    ["Logging:LogLevel:Default"] = "Warning",
});
dashboardBuilder.WebHost.UseUrls($"http://127.0.0.1:{dashPort}");
DashboardHosting.AddSakipDashboard(dashboardBuilder);
var dashboardApp = dashboardBuilder.Build();
DashboardEndpoints.UseSakipDashboard(dashboardApp);
await dashboardApp.StartAsync();

try
{
    // 1. The backend's read model alone.
    using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}/") };
    var token = await (await api.PostAsJsonAsync("api/dev/token", new { tenantId = BenchData.TenantId, userId = "sekda" })).Content.ReadFromJsonAsync<JsonElement>();
    api.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
    var apiTimes = await Repository.TimeAsync(rounds, async () => (await api.GetAsync("api/dashboard/overview")).EnsureSuccessStatusCode());

    // 2. The overview page rendered by the dashboard (backend call included), as a browser receives it.
    var cookies = new CookieContainer();
    using var page = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{dashPort}/") };
    await Repository.SignInAsync(page);
    long htmlBytes = 0;
    var pageTimes = await Repository.TimeAsync(rounds, async () =>
    {
        var answer = (await page.GetAsync("ringkasan")).EnsureSuccessStatusCode();
        htmlBytes = (await answer.Content.ReadAsByteArrayAsync()).Length;
    });

    // 3. The full render in headless Chromium: navigation until every chart has been drawn by plotly.js.
    Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    using var playwright = await Playwright.CreateAsync();
    await using var context = await playwright.Chromium.LaunchPersistentContextAsync(Path.Combine(folder, "chromium"), new()
    {
        ExecutablePath = "/usr/bin/chromium", Headless = true, BaseURL = $"http://127.0.0.1:{dashPort}/",
        Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        ViewportSize = new() { Width = 1366, Height = 900 },
    });
    var tab = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
    await tab.GotoAsync("masuk");
    await tab.SelectOptionAsync("#pemda", BenchData.TenantId);
    await tab.FillAsync("#pengguna", "sekda");
    await tab.ClickAsync("button:has-text('Masuk')");
    await tab.WaitForURLAsync("**/ringkasan");
    int charts = 0;
    var renderTimes = await Repository.TimeAsync(Math.Max(3, rounds / 2), async () =>
    {
        await tab.GotoAsync("ringkasan");
        charts = await tab.Locator("[data-chart]").CountAsync();
        await tab.WaitForFunctionAsync("n => document.querySelectorAll('[data-chart] .plot[data-rendered]').length === n", charts, new() { Timeout = 60_000 });
    });

    string shot = Path.Combine(root, "tests", "SakipServerless.Dashboard.Tests", "test-output", "screenshots", "bench-ringkasan-50-opd.png");
    Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
    await tab.ScreenshotAsync(new() { Path = shot, FullPage = true });

    Console.WriteLine();
    Console.WriteLine($"Overview of {opds} OPDs × 4 quarters × {indicators} indicators ({runs} runs), {rounds} rounds after warm-up:");
    Console.WriteLine("| measure | median | p95 |");
    Console.WriteLine("|---|---|---|");
    Console.WriteLine($"| backend GET /api/dashboard/overview | {apiTimes.Median:0} ms | {apiTimes.P95:0} ms |");
    Console.WriteLine($"| dashboard GET /ringkasan (server time, {htmlBytes / 1024} KB HTML) | {pageTimes.Median:0} ms | {pageTimes.P95:0} ms |");
    Console.WriteLine($"| Chromium: navigation until all {charts} charts are drawn | {renderTimes.Median:0} ms | {renderTimes.P95:0} ms |");
    Console.WriteLine($"Screenshot: {shot}");
}
finally
{
    await dashboardApp.StopAsync();
    await backend.StopAsync();
    try
    {
        Directory.Delete(folder, recursive: true);
    }
    catch (IOException)
    {
        // Leave it to the temp cleaner.
    }
}

using Microsoft.Playwright;

namespace SakipServerless.Dashboard.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright: <c>/usr/bin/chromium</c> (installed by <c>.ci/run</c>), headless, with a
/// fresh profile folder per session; Playwright never downloads a browser. Screenshots go to <c>test-output/</c>.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private Browser(IPlaywright playwright, IBrowserContext context, IPage page, string profile, Uri baseAddress)
    {
        _playwright = playwright;
        Context = context;
        Page = page;
        _profile = profile;
        BaseAddress = baseAddress;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public Uri BaseAddress { get; }

    /// <summary>Where screenshots are written: <c>tests/SakipServerless.Dashboard.Tests/test-output/screenshots</c>.</summary>
    public static string OutputFolder { get; } = Path.Combine(ProjectFolder(), "test-output", "screenshots");

    public static async Task<Browser> LaunchAsync(Uri baseAddress, int width = 1366, int height = 900, bool mobile = false)
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium package (.ci/run does: apt-get install -y chromium).");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        string profile = Path.Combine(Path.GetTempPath(), "sakip-chromium", Guid.NewGuid().ToString("N"));
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = Arguments,
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = mobile,
            HasTouch = mobile,
            DeviceScaleFactor = mobile ? 2 : 1,
            Locale = "id-ID",
            TimezoneId = "Asia/Makassar",
            AcceptDownloads = true,
        });
        // Generous: a 2-core CI machine building and testing in parallel can be slow to render; a real hang still fails.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        // Console errors go to the test log: a circuit closed by the server says why only there.
        page.Console += (_, m) => { if (m.Type == "error") Console.Error.WriteLine("browser console: " + m.Text); };
        return new Browser(playwright, context, page, profile, baseAddress) { ScriptErrors = errors };
    }

    /// <summary>Uncaught script errors of the page; a test fails on any.</summary>
    public List<string> ScriptErrors { get; private init; } = [];

    public async Task SignInAsync(string tenantId, string userId)
    {
        await Page.GotoAsync("/masuk");
        await Page.SelectOptionAsync("#pemda", tenantId);
        await Page.FillAsync("#pengguna", userId);
        await Page.ClickAsync("button:has-text('Masuk')");
        await Page.WaitForURLAsync(url => !url.Contains("/masuk", StringComparison.Ordinal));
    }

    public async Task ScreenshotAsync(string name, bool fullPage = true)
    {
        Directory.CreateDirectory(OutputFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(OutputFolder, name + ".png"), FullPage = fullPage });
    }

    /// <summary>
    /// Waits until every chart on the page has been drawn by plotly.js (Plotly.Blazor, once the page's circuit is up);
    /// returns how many there are.
    /// </summary>
    public async Task<int> WaitForChartsAsync()
    {
        int charts = await Page.Locator("[data-chart]").CountAsync();
        await WaitForLiveAsync();
        await Page.WaitForFunctionAsync("n => [...document.querySelectorAll('[data-chart]')].filter(c => c.querySelector('.js-plotly-plot svg.main-svg')).length === n", charts);
        return charts;
    }

    /// <summary>
    /// Waits until an interactive page's circuit has replaced the prerendered HTML (<c>[data-live]</c>), so what a test
    /// holds or scrolls is not swapped away under it; a static page has nothing to wait for.
    /// </summary>
    public Task WaitForLiveAsync() =>
        Page.WaitForFunctionAsync("() => !document.querySelector('[data-live=prerendered]')");

    /// <summary>Marks the loaded document, so a test can tell a change made in place from a page load.</summary>
    public Task MarkDocumentAsync() => Page.EvaluateAsync("() => { window.__sakipMark = 'same-document'; }");

    public async Task<bool> IsSameDocumentAsync() => await Page.EvaluateAsync<string?>("() => window.__sakipMark ?? null") == "same-document";

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a lock file for a moment.
        }
    }

    private static string ProjectFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SakipServerless.Dashboard.Tests.csproj")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}

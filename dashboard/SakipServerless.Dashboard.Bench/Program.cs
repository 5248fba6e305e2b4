extern alias dashboard;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
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

// Sizes from the issue: 50 OPDs × 4 quarters × 30 indicators (3 units each). Arguments: [opds] [indicators] [rounds]
// --only 1,2,3,4 (the parts of issue 16 §5: 1 page load, 2 cross-filter, 3 circuits' memory, 4 payload and HTML),
// --circuits N (part 3, default 100), --published DIR (part 4: sizes of a `dotnet publish` output's compressed assets).
var positional = new List<int>();
var only = new HashSet<int> { 1, 2, 3, 4 }; // 5 (draw variants) only when asked for
int circuits = 100;
string? published = null;
bool preloadAb = false;
long? hubMaxReceive = null;
for (int a = 0; a < args.Length; a++)
{
    switch (args[a])
    {
        case "--only":
            only = args[++a].Split(',').Select(int.Parse).ToHashSet();
            break;
        case "--circuits":
            circuits = int.Parse(args[++a]);
            break;
        case "--hub-max-receive":
            hubMaxReceive = long.Parse(args[++a]);
            break;
        case "--preload-ab":
            preloadAb = true;
            break;
        case "--published":
            published = args[++a];
            break;
        default:
            positional.Add(int.Parse(args[a]));
            break;
    }
}

int opds = positional.Count > 0 ? positional[0] : 50, indicators = positional.Count > 1 ? positional[1] : 30, rounds = positional.Count > 2 ? positional[2] : 10;
string root = Repository.Root();
string folder = Path.Combine(Path.GetTempPath(), "sakip-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
int apiPort = Repository.FreePort(), dashPort = Repository.FreePort();
Console.WriteLine($"Start {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {Repository.LoadAverage()}; GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}; " +
    $"experiments: {(hubMaxReceive is { } m ? $"SignalR MaximumReceiveMessageSize {m:N0} B" : "none (the app as it is)")}{(preloadAb ? ", plotly.js preload A/B" : "")}.");

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
// Production settings, but the static web assets of the build (Plotly.Blazor's plotly.js from the package, the build's
// .gz variants): without this only a published app finds _content/Plotly.Blazor/*, and no chart would be drawn.
dashboardBuilder.WebHost.UseStaticWebAssets();
DashboardHosting.AddSakipDashboard(dashboardBuilder);
if (hubMaxReceive is { } limit)
{
    // An experiment of the bench (--hub-max-receive): the app leaves SignalR's 32 KB limit on what the browser sends,
    // and the prerendered state travels back to the circuit inside the browser's StartCircuit message.
    dashboardBuilder.Services.Configure<Microsoft.AspNetCore.SignalR.HubOptions>(o => o.MaximumReceiveMessageSize = limit);
}

var counter = new CircuitCounter();
dashboardBuilder.Services.AddSingleton<CircuitHandler>(counter);
var dashboardApp = dashboardBuilder.Build();
// An experiment of the bench, not of the app: with --preload-ab, contexts sending X-Bench-Preload get the overview's
// HTML with <link rel="preload" as="script"> for plotly.js in its head, as App.razor would carry it, so the download
// starts with the page instead of after the circuit has rendered the first chart.
dashboardApp.Use(async (http, next) =>
{
    if (!http.Request.Headers.ContainsKey("X-Bench-Preload") || http.Request.Path != "/ringkasan")
    {
        await next();
        return;
    }

    var original = http.Response.Body;
    using var buffer = new MemoryStream();
    http.Response.Body = buffer;
    try
    {
        await next();
    }
    finally
    {
        http.Response.Body = original;
    }

    string text = Encoding.UTF8.GetString(buffer.ToArray());
    int head = text.IndexOf("<head>", StringComparison.Ordinal);
    if (head >= 0 && http.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
    {
        text = text.Insert(head + "<head>".Length, "<link rel=\"preload\" href=\"_content/Plotly.Blazor/plotly-3.7.0.min.js\" as=\"script\" />");
    }

    http.Response.ContentLength = null;
    await original.WriteAsync(Encoding.UTF8.GetBytes(text));
});
DashboardEndpoints.UseSakipDashboard(dashboardApp);
await dashboardApp.StartAsync();

try
{
    string baseUrl = $"http://127.0.0.1:{dashPort}/";
    var report = new List<string>();
    void Say(string line)
    {
        Console.WriteLine(line);
        report.Add(line);
    }

    // 0. The backend's read model alone, and the page's server time (as before).
    using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}/") };
    var token = await (await api.PostAsJsonAsync("api/dev/token", new { tenantId = BenchData.TenantId, userId = "sekda" })).Content.ReadFromJsonAsync<JsonElement>();
    api.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
    var apiTimes = await Repository.TimeAsync(rounds, async () => (await api.GetAsync("api/dashboard/overview")).EnsureSuccessStatusCode());

    var cookies = new CookieContainer();
    using var page = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None })
    {
        BaseAddress = new Uri(baseUrl),
    };
    await Repository.SignInAsync(page);
    string html = "";
    string? htmlEncoding = null;
    var pageTimes = await Repository.TimeAsync(rounds, async () =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "ringkasan");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, br");
        var answer = (await page.SendAsync(request)).EnsureSuccessStatusCode();
        htmlEncoding = answer.Content.Headers.ContentEncoding.FirstOrDefault();
        html = await answer.Content.ReadAsStringAsync();
    });
    Say("");
    Say($"Overview of {opds} OPDs × 4 quarters × {indicators} indicators ({runs} runs), {rounds} rounds after 2 warm-up calls:");
    Say("| measure | median | p95 |");
    Say("|---|---|---|");
    Say($"| backend GET /api/dashboard/overview | {apiTimes.Median:0} ms | {apiTimes.P95:0} ms |");
    Say($"| dashboard GET /ringkasan (server time incl. backend calls and prerendering) | {pageTimes.Median:0} ms | {pageTimes.P95:0} ms |");

    // 4. What the first visit downloads: the prerendered HTML with its persisted state, and plotly.js.
    if (only.Contains(4))
    {
        var state = Regex.Matches(html, "<!--Blazor-Server-Component-State:([^-]*)-->");
        var markers = Regex.Matches(html, "<!--Blazor:\\{.*?\\}-->");
        long stateBytes = state.Sum(m => (long)m.Length), stateDecoded = state.Sum(m => (long)Convert.FromBase64String(m.Groups[1].Value).Length);
        long htmlBytes = Encoding.UTF8.GetByteCount(html);
        Say("");
        Say($"HTML of /ringkasan ({opds} OPDs), Content-Encoding {(htmlEncoding ?? "none")} with Accept-Encoding: gzip, br:");
        Say($"| part | bytes |");
        Say("|---|---|");
        Say($"| whole document | {htmlBytes:N0} (gzip -6 would be {Repository.Gzip(Encoding.UTF8.GetBytes(html)):N0}) |");
        Say($"| persisted component state (`<!--Blazor-Server-Component-State:…-->`, {state.Count} comment) | {stateBytes:N0} (base64 of {stateDecoded:N0} bytes of JSON) |");
        Say($"| component markers (`<!--Blazor:{{…}}-->`, {markers.Count}) | {markers.Sum(m => (long)m.Length):N0} |");
        Say($"| the rest (the prerendered view itself) | {htmlBytes - stateBytes - markers.Sum(m => (long)m.Length):N0} |");

        using var raw = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri(baseUrl) };
        Say("");
        Say("Scripts as served by the bench's dashboard (build output, `MapStaticAssets`):");
        Say("| asset | identity | with Accept-Encoding: gzip, br | Content-Encoding | Cache-Control |");
        Say("|---|---|---|---|---|");
        foreach (string asset in new[] { "_content/Plotly.Blazor/plotly-3.7.0.min.js", "_content/Plotly.Blazor/plotly-interop-7.2.0.js", "_framework/blazor.web.js", "js/app.js" })
        {
            var identity = await raw.GetAsync(asset);
            long identityBytes = (await identity.Content.ReadAsByteArrayAsync()).LongLength;
            using var request = new HttpRequestMessage(HttpMethod.Get, asset);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, br");
            var compressed = await raw.SendAsync(request);
            long compressedBytes = (await compressed.Content.ReadAsByteArrayAsync()).LongLength;
            Say($"| `{asset}` ({(int)identity.StatusCode}) | {identityBytes:N0} | {compressedBytes:N0} | {compressed.Content.Headers.ContentEncoding.FirstOrDefault() ?? "none"} | {compressed.Headers.CacheControl} |");
        }

        if (published is not null)
        {
            Say("");
            Say($"Published output ({published}):");
            Say("| file | bytes |");
            Say("|---|---|");
            foreach (string file in new[] { "wwwroot/lib/plotly/plotly-cartesian-3.7.0.min.js", "wwwroot/_content/Plotly.Blazor/plotly-3.7.0.min.js", "wwwroot/_framework/blazor.web.js" })
            {
                foreach (string suffix in new[] { "", ".gz", ".br" })
                {
                    var info = new FileInfo(Path.Combine(published, file + suffix));
                    Say($"| `{file}{suffix}` | {(info.Exists ? info.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "missing")} |");
                }
            }
        }
    }

    Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    using var playwright = await Playwright.CreateAsync();
    string[] flags = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"];
    await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = flags });

    // Signed in once; every context starts from its cookie alone, so its HTTP cache is empty (a first visit).
    string signedIn;
    {
        var context = await browser.NewContextAsync(new() { BaseURL = baseUrl });
        var tab = await context.NewPageAsync();
        await tab.GotoAsync("masuk");
        await tab.SelectOptionAsync("#pemda", BenchData.TenantId);
        await tab.FillAsync("#pengguna", "sekda");
        await tab.ClickAsync("button:has-text('Masuk')");
        await tab.WaitForURLAsync("**/ringkasan");
        signedIn = await context.StorageStateAsync();
        await Repository.CloseAsync(context);
    }

    async Task<(IBrowserContext Context, IPage Page, ICDPSession Cdp, long[] Socket)> OpenAsync(IBrowser on, Profile profile)
    {
        var context = await on.NewContextAsync(profile.ContextOptions(baseUrl, signedIn));
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        await context.AddInitScriptAsync(PageScripts.ChartsDrawnObserver);
        var tab = await context.NewPageAsync();
        if (Environment.GetEnvironmentVariable("BENCH_DEBUG") == "1")
        {
            tab.Console += (_, m) => Console.WriteLine($"  [{profile.Label} console {m.Type}] {m.Text}");
        }

        var cdp = await profile.ThrottleAsync(tab);
        long[] socket = [0, 0]; // bytes received over the circuit's WebSocket, frames
        cdp.Event("Network.webSocketFrameReceived").OnEvent += (_, e) =>
        {
            if (e is { } frame && frame.GetProperty("response") is var response)
            {
                string payload = response.GetProperty("payloadData").GetString() ?? "";
                long bytes = response.GetProperty("opcode").GetDouble() == 2 ? payload.Length * 3L / 4 : Encoding.UTF8.GetByteCount(payload);
                Interlocked.Add(ref socket[0], bytes);
                Interlocked.Increment(ref socket[1]);
            }
        };
        return (context, tab, cdp, socket);
    }

    static async Task<Visit> VisitAsync(IPage tab, long[] socket)
    {
        Interlocked.Exchange(ref socket[0], 0);
        Interlocked.Exchange(ref socket[1], 0);
        await tab.GotoAsync("ringkasan", new() { WaitUntil = WaitUntilState.Commit });
        await tab.WaitForFunctionAsync(PageScripts.WaitDrawn, null, new() { PollingInterval = 50 });
        var e = await tab.EvaluateAsync<JsonElement>(PageScripts.ReadVisit);
        return PageScripts.ToVisit(e, Interlocked.Read(ref socket[0]), (int)Interlocked.Read(ref socket[1]));
    }

    Profile[] profiles = preloadAb
        ? [Profile.Laptop, Profile.Phone, Profile.Laptop with { Preload = true }, Profile.Phone with { Preload = true }]
        : [Profile.Laptop, Profile.Phone];

    // First: does the page become interactive at all? At 50 OPDs the app as it is fails to start its circuit (the
    // browser's StartCircuit message carries the prerendered state, over SignalR's 32 KB limit): say so, skip 1–3.
    if (only.Overlaps([1, 2, 3]))
    {
        var (context, tab, _, socket) = await OpenAsync(browser, Profile.Laptop);
        var errors = new List<string>();
        tab.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        tab.SetDefaultTimeout(45_000);
        try
        {
            await VisitAsync(tab, socket);
        }
        catch (TimeoutException)
        {
            Say("");
            Say($"**The charts were never drawn** (45 s): the circuit did not start. Browser console: {string.Join(" / ", errors.Select(e => e.Length > 200 ? e[..200] : e))}");
            Say("Parts 1–3 skipped; `--hub-max-receive 1048576` raises SignalR's MaximumReceiveMessageSize in the bench's host to measure the rest.");
            only.ExceptWith([1, 2, 3]);
        }

        await Repository.CloseAsync(context);
    }

    // 1. Navigation until every chart is drawn: a fresh context per round (cold cache), then the same page again (warm).
    if (only.Contains(1))
    {
        var cold = profiles.ToDictionary(p => p, _ => new List<Visit>());
        var warm = profiles.ToDictionary(p => p, _ => new List<Visit>());
        for (int r = 0; r <= rounds; r++)
        {
            foreach (var profile in r % 2 == 0 ? profiles : profiles.Reverse().ToArray())
            {
                var (context, tab, _, socket) = await OpenAsync(browser, profile);
                var first = await VisitAsync(tab, socket);
                var second = await VisitAsync(tab, socket);
                await Repository.CloseAsync(context);
                if (r > 0)
                {
                    // Round 0 is the warm-up of the server (JIT, caches), not counted.
                    cold[profile].Add(first);
                    warm[profile].Add(second);
                }

                Console.WriteLine($"  round {r} {profile.Label}: cold {first.Drawn:0} ms, warm {second.Drawn:0} ms (load {Repository.LoadAverage()})");
            }
        }

        Say("");
        Say($"Navigation until all charts are drawn (every `[data-chart]` holds `.js-plotly-plot svg.main-svg`), timed by the page from its navigation start; {rounds} rounds, alternating, after one warm-up round:");
        Say("| profile | visit | charts drawn, median (p95) | next frame | HTML received | blazor.web.js | plotly.js requested → received | plotly.js on the wire | all bytes on the wire | received over the circuit |");
        Say("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var profile in profiles)
        {
            foreach (var (label, visits) in new[] { ("cold", cold[profile]), ("warm", warm[profile]) })
            {
                Say($"| {profile.Label} | {label} | **{Stats.Median(visits.Select(v => v.Drawn)):0} ms** ({Stats.P95(visits.Select(v => v.Drawn)):0}) | {Stats.Median(visits.Select(v => v.Painted)):0} ms | " +
                    $"{Stats.Median(visits.Select(v => v.Html)):0} ms | {Stats.Median(visits.Select(v => v.Blazor ?? double.NaN)):0} ms | " +
                    $"{Stats.Median(visits.Select(v => v.PlotlyStart ?? double.NaN)):0} → {Stats.Median(visits.Select(v => v.PlotlyEnd ?? double.NaN)):0} ms | " +
                    $"{Stats.Median(visits.Select(v => (double)v.PlotlyTransfer)):N0} B | {Stats.Median(visits.Select(v => (double)v.TotalTransfer)):N0} B | " +
                    $"{Stats.Median(visits.Select(v => (double)v.SocketBytesReceived)):N0} B in {Stats.Median(visits.Select(v => (double)v.SocketFrames)):0} frames |");
            }
        }

        Say("");
        Say("Where a cold visit's time goes (medians, ms from navigation start): the circuit's WebSocket open and first message, plotly.js received and executed (`window.Plotly` assigned), the first `newPlot` call, the last one done, time inside `newPlot` summed over the charts, the circuit's last message before the charts were drawn:");
        Say("| profile | socket open | first message | plotly.js received | plotly.js executed | first newPlot | last newPlot done | inside newPlot (sum) | last message before drawn | drawn |");
        Say("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var profile in profiles)
        {
            var v = cold[profile];
            double M(Func<Visit, double> f) => Stats.Median(v.Select(f));
            Say($"| {profile.Label} | {M(x => x.Phase("socketOpen")):0} | {M(x => x.Phase("socketFirst")):0} | {M(x => x.PlotlyEnd ?? double.NaN):0} | {M(x => x.Phase("plotlyExecuted")):0} | " +
                $"{M(x => x.Phase("newPlotFirst")):0} | {M(x => x.Phase("newPlotLast")):0} | {M(x => x.Phase("newPlotSum")):0} | {M(x => x.Phase("socketLastBeforeDrawn")):0} | {M(x => x.Drawn):0} |");
        }

        Say($"Phone network: {Profile.Phone.Network}. Cold rounds, charts drawn (ms): laptop {string.Join(", ", cold[Profile.Laptop].Select(v => v.Drawn.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}; phone {string.Join(", ", cold[Profile.Phone].Select(v => v.Drawn.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}.");
    }

    // 2. Cross-filter: a bar of #chart-completion, until the other visuals are redrawn (plotly_afterplot of each).
    if (only.Contains(2))
    {
        Say("");
        Say($"Cross-filter, from the mousedown on a bar of `#chart-completion` until every other visible chart fired `plotly_afterplot` and `#chart-capaian-sasaran` shows the OPD's bars; {rounds} bars, each clicked on (filter) and again (clear), after 2 warm-up pairs:");
        Say("| profile | filter on, median (p95) | filter cleared, median (p95) | react() calls per click | load after |");
        Say("|---|---|---|---|---|");
        foreach (var profile in new[] { Profile.Laptop, Profile.Phone })
        {
            var (context, tab, _, socket) = await OpenAsync(browser, profile);
            await VisitAsync(tab, socket);
            await tab.EvaluateAsync(PageScripts.InstallRedrawProbe);
            var others = await tab.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[data-chart]')].filter(c => c.offsetParent !== null && c.getAttribute('data-chart') !== 'chart-completion').map(c => c.getAttribute('data-chart'))");
            int full = await tab.EvaluateAsync<int>("() => document.querySelector('#chart-capaian-sasaran .plot').data[0].y.length");
            var on = new List<double>();
            var off = new List<double>();
            List<double> onAnswer = [], offAnswer = [], onReact = [], offReact = [], reacts = [];
            try
            {
                for (int r = 0; r < rounds + 2; r++)
                {
                    int bar = (r * 7) % opds;
                    foreach (bool applied in new[] { true, false })
                    {
                        // A reader's pause: two clicks on one bar within plotly's doubleClickDelay (300 ms) are a double click.
                        await Task.Delay(800);
                        var point = await tab.EvaluateAsync<JsonElement>(PageScripts.BarPoint, new object[] { "#chart-completion", 0.5, bar });
                        await tab.Mouse.ClickAsync((float)point.GetProperty("x").GetDouble(), (float)point.GetProperty("y").GetDouble());
                        if (Environment.GetEnvironmentVariable("BENCH_DEBUG") == "1")
                        {
                            Console.WriteLine($"  click {applied} at {point} -> {await tab.EvaluateAsync<string>("() => JSON.stringify(window.__xf) + ' scrollY ' + window.scrollY + ' h ' + innerHeight")}");
                        }
                        await tab.WaitForFunctionAsync(PageScripts.WaitRedrawn, new object[] { others, full, applied }, new() { PollingInterval = 20, Timeout = 30_000 });
                        double[] read = await tab.EvaluateAsync<double[]>(PageScripts.ReadRedrawn, others);
                        if (r >= 2)
                        {
                            (applied ? on : off).Add(read[0]);
                            (applied ? onAnswer : offAnswer).Add(read[1]);
                            (applied ? onReact : offReact).Add(read[2]);
                            reacts.Add(read[3]);
                        }
                    }
                }

                Say($"| {profile.Name} (others: {string.Join(", ", others)}) | **{Stats.Median(on):0} ms** ({Stats.P95(on):0}); circuit's first message {Stats.Median(onAnswer):0}, first react() {Stats.Median(onReact):0} | " +
                    $"{Stats.Median(off):0} ms ({Stats.P95(off):0}); first message {Stats.Median(offAnswer):0}, first react() {Stats.Median(offReact):0} | {Stats.Median(reacts):0} | {Repository.LoadAverage()} |");
            }
            catch (TimeoutException e)
            {
                string seen = await tab.EvaluateAsync<string>("() => JSON.stringify({ xf: window.__xf, chip: !!document.querySelector('.filter-chip'), sasaran: document.querySelector('#chart-capaian-sasaran .plot').data[0].y.length })");
                Say($"| {profile.Name} | failed after {on.Count} clicks: {e.Message.Split('\n')[0]} (page: {seen}; full {full}) | |");
            }

            await Repository.CloseAsync(context);
        }
    }

    // 5. What a chart's draw costs, and what of it: each drawn figure is drawn again into a detached copy of its card,
    // as it is and with one thing left out (automargin, texts), back to back in the same page (--only 5, an experiment).
    if (only.Contains(5))
    {
        Say("");
        Say($"Each figure redrawn with `Plotly.newPlot` into a copy of its card, as it is and with one thing left out, {rounds} times each alternating (laptop profile), median ms:");
        Say("| chart | as it is | without automargin | without texts | without either |");
        Say("|---|---|---|---|---|");
        var (context, tab, _, socket) = await OpenAsync(browser, Profile.Laptop);
        await VisitAsync(tab, socket);
        var rows = await tab.EvaluateAsync<JsonElement>(PageScripts.DrawVariants, rounds);
        foreach (var row in rows.EnumerateArray())
        {
            Say($"| {row.GetProperty("id").GetString()} | {string.Join(" | ", row.GetProperty("ms").EnumerateArray().Select(m => m.GetDouble().ToString("0", System.Globalization.CultureInfo.InvariantCulture)))} |");
        }

        Say($"(load {Repository.LoadAverage()})");
        await Repository.CloseAsync(context);
    }

    // 3. Server memory per interactive circuit: N overview pages open at once, charts drawn, from one browser.
    if (only.Contains(3))
    {
        await counter.DrainAsync(TimeSpan.FromSeconds(20));
        await using var many = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = [.. flags, "--renderer-process-limit=4"] });
        var context = await many.NewContextAsync(Profile.Laptop.ContextOptions(baseUrl, signedIn));
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        await context.AddInitScriptAsync(PageScripts.ChartsDrawnObserver);
        long[] none = [0, 0];

        // Warm-up: a few circuits opened and closed, so the figures hold circuits and not first-use code and caches.
        var warmup = new List<IPage>();
        for (int i = 0; i < 3; i++)
        {
            var tab = await context.NewPageAsync();
            await VisitAsync(tab, none);
            warmup.Add(tab);
        }

        foreach (var tab in warmup)
        {
            await tab.GotoAsync("about:blank");
            await tab.CloseAsync();
        }

        bool drained = await counter.DrainAsync(TimeSpan.FromSeconds(30));
        var before = Memory.Take();
        var tabs = new List<IPage>();
        var clock = Stopwatch.StartNew();
        while (tabs.Count < circuits && Repository.AvailableMb() > 3000)
        {
            var tab = await context.NewPageAsync();
            await VisitAsync(tab, none);
            tabs.Add(tab);
            if (tabs.Count % 10 == 0)
            {
                Console.WriteLine($"  {tabs.Count} pages open, {counter.Connected} circuits connected, {Repository.AvailableMb():N0} MB available (load {Repository.LoadAverage()})");
            }
        }

        await Task.Delay(1000);
        int open = counter.Open, connected = counter.Connected;
        var after = Memory.Take();
        foreach (var tab in tabs)
        {
            await tab.GotoAsync("about:blank");
            await tab.CloseAsync();
        }

        bool closed = await counter.DrainAsync(TimeSpan.FromSeconds(60));
        var released = Memory.Take();
        await context.CloseAsync();
        Say("");
        Say($"{tabs.Count} overview pages open at once (one Chromium, one context, charts drawn on each; opened one after the other in {clock.Elapsed.TotalSeconds:0} s): {open} circuits open, {connected} connected" +
            $"{(drained ? "" : " (the baseline still had circuits open)")}. The dashboard runs in the bench process (with the backend), {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC:");
        Say("| measure | before | with the pages open | per circuit | after closing them |");
        Say("|---|---|---|---|---|");
        Say($"| managed heap, `GC.GetTotalMemory(true)` after full blocking GCs | {before.Managed / 1e6:0.0} MB | {after.Managed / 1e6:0.0} MB | **{(after.Managed - before.Managed) / 1e6 / Math.Max(1, tabs.Count):0.00} MB** | {released.Managed / 1e6:0.0} MB{(closed ? "" : " (circuits still open)")} |");
        Say($"| process working set, `Process.WorkingSet64` | {before.WorkingSet / 1e6:0.0} MB | {after.WorkingSet / 1e6:0.0} MB | {(after.WorkingSet - before.WorkingSet) / 1e6 / Math.Max(1, tabs.Count):0.00} MB | {released.WorkingSet / 1e6:0.0} MB |");
    }

    if (!only.Overlaps([1, 2, 3]))
    {
        Console.WriteLine(string.Join(Environment.NewLine, report));
        return;
    }

    string shot = Path.Combine(root, "tests", "SakipServerless.Dashboard.Tests", "test-output", "screenshots", "bench-ringkasan-50-opd.png");
    Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
    {
        var (context, tab, _, socket) = await OpenAsync(browser, Profile.Laptop);
        await VisitAsync(tab, socket);
        await tab.ScreenshotAsync(new() { Path = shot, FullPage = true });
        await Repository.CloseAsync(context);
    }

    Console.WriteLine();
    Console.WriteLine($"End {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {Repository.LoadAverage()}. Screenshot: {shot}");
    Console.WriteLine();
    Console.WriteLine(string.Join(Environment.NewLine, report));
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

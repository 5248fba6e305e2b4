using System.Text.Json;
using Microsoft.Playwright;

namespace SakipServerless.Dashboard.Bench;

/// <summary>A device the overview is timed on: viewport, and what the DevTools protocol throttles.</summary>
/// <param name="DownloadBytesPerSecond">0: no network emulation.</param>
public sealed record Profile(string Name, int Width, int Height, bool Mobile, double CpuSlowdown, double LatencyMs, double DownloadBytesPerSecond, double UploadBytesPerSecond, bool Preload = false)
{
    /// <summary>A laptop on the loopback network, CPU as it is.</summary>
    public static Profile Laptop { get; } = new("laptop 1366×900", 1366, 900, false, 1, 0, 0, 0);

    /// <summary>
    /// A phone (390×844, touch, 2× pixels), CPU ×4 slower, and Chrome DevTools' own "Fast 4G" preset: 9 Mbit/s down and
    /// 1.5 Mbit/s up at 90 % efficiency (1,012,500 and 168,750 bytes/s), 165 ms latency added to each request.
    /// </summary>
    public static Profile Phone { get; } = new("phone 390×844, CPU ×4, fast 4G", 390, 844, true, 4, 165, 9_000_000 / 8 * 0.9, 1_500_000 / 8 * 0.9);

    /// <summary>The name with the experiment's mark.</summary>
    public string Label => Preload ? Name + ", plotly.js preloaded" : Name;

    public string Network => DownloadBytesPerSecond <= 0
        ? "loopback, no emulation"
        : $"{DownloadBytesPerSecond * 8 / 1e6:0.##} Mbit/s down, {UploadBytesPerSecond * 8 / 1e6:0.##} Mbit/s up, {LatencyMs:0} ms latency";

    public BrowserNewContextOptions ContextOptions(string baseUrl, string storageState) => new()
    {
        BaseURL = baseUrl, StorageState = storageState, ViewportSize = new() { Width = Width, Height = Height },
        IsMobile = Mobile, HasTouch = Mobile, DeviceScaleFactor = Mobile ? 2 : 1, Locale = "id-ID", TimezoneId = "Asia/Makassar",
        ExtraHTTPHeaders = Preload ? new Dictionary<string, string> { ["X-Bench-Preload"] = "1" } : null,
    };

    /// <summary>Applies the CPU and network throttling to the page through the DevTools protocol.</summary>
    public async Task<ICDPSession> ThrottleAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        if (CpuSlowdown > 1)
        {
            await cdp.SendAsync("Emulation.setCPUThrottlingRate", new() { ["rate"] = CpuSlowdown });
        }

        if (DownloadBytesPerSecond > 0)
        {
            await cdp.SendAsync("Network.emulateNetworkConditions", new()
            {
                ["offline"] = false, ["latency"] = LatencyMs, ["downloadThroughput"] = DownloadBytesPerSecond, ["uploadThroughput"] = UploadBytesPerSecond,
            });
        }

        return cdp;
    }
}

/// <summary>One visit of the overview as the page itself timed it (milliseconds since its navigation started).</summary>
public sealed record Visit(double Drawn, double Painted, double Html, double? Blazor, double? Negotiate, double? PlotlyStart, double? PlotlyEnd,
    long PlotlyTransfer, long PlotlyDecoded, long TotalTransfer, int Charts, long SocketBytesReceived, int SocketFrames, IReadOnlyDictionary<string, double> Phases)
{
    /// <summary>A phase's time, NaN when the visit did not see it.</summary>
    public double Phase(string name) => Phases.TryGetValue(name, out double ms) ? ms : double.NaN;
}

/// <summary>The page-side scripts of the bench: when the charts were drawn, and when a cross-filter was redrawn.</summary>
public static class PageScripts
{
    /// <summary>
    /// Installed before any page script: notes the moment every <c>[data-chart]</c> holds a plotly SVG
    /// (<c>.js-plotly-plot svg.main-svg</c>, the browser tests' own condition), and the next frame after it.
    /// </summary>
    public const string ChartsDrawnObserver = """
        (() => {
          const drawn = () => {
            const charts = document.querySelectorAll('[data-chart]');
            if (charts.length === 0) return false;
            for (const c of charts) if (!c.querySelector('.js-plotly-plot svg.main-svg')) return false;
            return true;
          };
          const observer = new MutationObserver(() => {
            if (window.__benchDrawn === undefined && drawn()) {
              window.__benchDrawn = performance.now();
              observer.disconnect();
              requestAnimationFrame(() => { window.__benchPainted = performance.now(); });
            }
          });
          observer.observe(document, { childList: true, subtree: true });

          // Phases of the visit (ms since navigation start), to see where the time goes: the circuit's WebSocket
          // opened and first heard from, plotly.js executed (it assigns window.Plotly), the charts' newPlot calls.
          const phases = window.__benchPhases = {};
          const note = (name) => { if (phases[name] === undefined) phases[name] = performance.now(); };
          const Socket = window.WebSocket;
          window.WebSocket = class extends Socket {
            constructor(...args) {
              super(...args);
              this.addEventListener('open', () => note('socketOpen'));
              this.addEventListener('message', () => {
                note('socketFirst');
                if (window.__benchDrawn === undefined) phases.socketLastBeforeDrawn = performance.now();
                const xf = window.__xf;
                if (xf && xf.t0 > 0 && xf.answer === undefined) xf.answer = performance.now(); // the circuit's first word after a click
              });
            }
          };
          let plotly;
          Object.defineProperty(window, 'Plotly', {
            configurable: true,
            get: () => plotly,
            set: (value) => {
              plotly = value;
              note('plotlyExecuted');
              const newPlot = value.newPlot;
              value.newPlot = function (...args) {
                note('newPlotFirst');
                const started = performance.now();
                return Promise.resolve(newPlot.apply(this, args)).then((gd) => {
                  phases.newPlotLast = performance.now();
                  phases.newPlotSum = (phases.newPlotSum || 0) + (performance.now() - started);
                  return gd;
                });
              };
              const react = value.react;
              value.react = function (...args) {
                const xf = window.__xf;
                if (xf && xf.t0 > 0) {
                  xf.reacts = (xf.reacts || 0) + 1;
                  if (xf.firstReact === undefined) xf.firstReact = performance.now();
                }
                return react.apply(this, args);
              };
            },
          });
        })();
        """;

    public const string WaitDrawn = "() => window.__benchDrawn !== undefined && window.__benchPainted !== undefined";

    public const string ReadVisit = """
        () => {
          const nav = performance.getEntriesByType('navigation')[0];
          const res = performance.getEntriesByType('resource');
          const find = s => res.find(r => r.name.includes(s));
          const p = find('/plotly-3.7.0.min.js'), b = find('blazor.web.js'), n = find('_blazor/negotiate');
          return {
            drawn: window.__benchDrawn, painted: window.__benchPainted, html: nav.responseEnd,
            blazor: b ? b.responseEnd : null, negotiate: n ? n.responseEnd : null,
            plotlyStart: p ? p.startTime : null, plotlyEnd: p ? p.responseEnd : null,
            plotlyTransfer: p ? p.transferSize : 0, plotlyDecoded: p ? p.decodedBodySize : 0,
            total: nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0),
            charts: document.querySelectorAll('[data-chart]').length,
            phases: window.__benchPhases || {},
          };
        }
        """;

    /// <summary>Listens for plotly_afterplot on every chart and notes the time of the last mousedown.</summary>
    public const string InstallRedrawProbe = """
        () => {
          window.__xf = { t0: 0, after: {} };
          document.addEventListener('mousedown', () => { window.__xf = { t0: performance.now(), after: {} }; }, true);
          for (const c of document.querySelectorAll('[data-chart]')) {
            const gd = c.querySelector('.js-plotly-plot');
            const id = c.getAttribute('data-chart');
            gd.on('plotly_afterplot', () => { if (window.__xf.t0 > 0) window.__xf.after[id] = performance.now(); });
          }
        }
        """;

    /// <summary>
    /// Draws every chart's figure again (its own data, layout and config, deep-copied) into a detached div of the same
    /// width: as it is, without automargin on any axis, without texts on bars and cells, and without either.
    /// </summary>
    public const string DrawVariants = """
        async (rounds) => {
          const copy = (o) => JSON.parse(JSON.stringify(o));
          const variants = [
            (d, l) => {},
            (d, l) => { for (const k of Object.keys(l)) if (/^[xy]axis/.test(k) && l[k]) l[k].automargin = false; },
            (d, l) => { for (const t of d) { delete t.text; delete t.texttemplate; } },
            (d, l) => { variants[1](d, l); variants[2](d, l); },
          ];
          const out = [];
          for (const card of document.querySelectorAll('[data-chart]')) {
            const gd = card.querySelector('.js-plotly-plot');
            if (!gd || card.offsetParent === null) continue;
            const times = variants.map(() => []);
            for (let r = 0; r < rounds; r++) {
              for (let v = 0; v < variants.length; v++) {
                const host = document.createElement('div');
                host.style.width = gd.getBoundingClientRect().width + 'px';
                document.body.appendChild(host);
                const data = copy(gd.data), layout = copy(gd.layout);
                variants[v](data, layout);
                const t0 = performance.now();
                await Plotly.newPlot(host, data, layout, { displayModeBar: false });
                await new Promise(requestAnimationFrame);
                times[v].push(performance.now() - t0);
                Plotly.purge(host);
                host.remove();
              }
            }
            const median = (a) => { a.sort((x, y) => x - y); return a[Math.floor(a.length / 2)]; };
            out.push({ id: card.getAttribute('data-chart'), ms: times.map(median) });
          }
          return out;
        }
        """;

    /// <summary>Page coordinates of a bar of a horizontal bar chart, scrolled to the middle of the viewport first.</summary>
    public const string BarPoint = """
        ([sel, x, y]) => {
          const gd = document.querySelector(sel + ' .plot');
          const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
          let r = gd.getBoundingClientRect();
          const top = window.scrollY + r.top + ya._offset + ya.l2p(y);
          window.scrollTo(0, Math.max(0, top - window.innerHeight / 2));
          r = gd.getBoundingClientRect();
          return { x: r.left + xa._offset + xa.l2p(x), y: r.top + ya._offset + ya.l2p(y) };
        }
        """;

    /// <summary>
    /// Done when the other visuals redrew after the click, and the sasaran chart and the chip show the filter on
    /// (fewer bars than the whole pemda's) or cleared (all of them, no chip).
    /// </summary>
    public const string WaitRedrawn = """
        ([others, full, applied]) => {
          if (!(window.__xf.t0 > 0 && others.every(id => window.__xf.after[id] !== undefined))) return false;
          const bars = document.querySelector('#chart-capaian-sasaran .plot').data[0].y.length;
          const chip = document.querySelector('.filter-chip') !== null;
          return applied ? bars < full && chip : bars === full && !chip;
        }
        """;

    /// <summary>Until the last other chart redrew; until the circuit's first message; until the first react(); react() calls.</summary>
    public const string ReadRedrawn = """
        (others) => {
          const xf = window.__xf;
          return [Math.max(...others.map(id => xf.after[id])) - xf.t0, (xf.answer ?? NaN) - xf.t0, (xf.firstReact ?? NaN) - xf.t0, xf.reacts ?? 0];
        }
        """;

    public static Visit ToVisit(JsonElement e, long socketBytes, int socketFrames)
    {
        static double? Maybe(JsonElement v) => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
        return new Visit(e.GetProperty("drawn").GetDouble(), e.GetProperty("painted").GetDouble(), e.GetProperty("html").GetDouble(),
            Maybe(e.GetProperty("blazor")), Maybe(e.GetProperty("negotiate")), Maybe(e.GetProperty("plotlyStart")), Maybe(e.GetProperty("plotlyEnd")),
            (long)e.GetProperty("plotlyTransfer").GetDouble(), (long)e.GetProperty("plotlyDecoded").GetDouble(), (long)e.GetProperty("total").GetDouble(),
            e.GetProperty("charts").GetInt32(), socketBytes, socketFrames,
            e.GetProperty("phases").EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).ToDictionary(p => p.Name, p => p.Value.GetDouble()));
    }
}

/// <summary>Median and p95 (nearest rank) of a sample.</summary>
public static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static double P95(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(sorted.Count * 0.95) - 1, 0, sorted.Count - 1)];
    }

    public static string Ms(IEnumerable<double> values)
    {
        var list = values.ToList();
        return $"{Median(list):0} ms (p95 {P95(list):0} ms; n = {list.Count})";
    }
}

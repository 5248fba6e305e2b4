using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace SakipServerless.Dashboard.Bench;

/// <summary>Helpers of the benchmark: the repository root, free ports, the sign-in form, timing.</summary>
public static partial class Repository
{
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SakipServerless.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run from within the repository.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task SignInAsync(HttpClient page)
    {
        string html = await page.GetStringAsync("masuk");
        string token = WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
        var answer = await page.PostAsync("masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "masuk", ["__RequestVerificationToken"] = token, ["Form.Pemda"] = BenchData.TenantId, ["Form.Pengguna"] = "sekda",
        }));
        if (answer.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)answer.StatusCode}");
        }
    }

    /// <summary>Two warm-up calls, then <paramref name="rounds"/> timed ones.</summary>
    public static async Task<(double Median, double P95)> TimeAsync(int rounds, Func<Task> action)
    {
        await action();
        await action();
        var times = new List<double>();
        for (int i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)]);
    }

    /// <summary>The first three fields of /proc/loadavg (the machine is shared: figures move with it).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>MemAvailable of /proc/meminfo in MB (the circuits part stops opening pages below a floor).</summary>
    public static long AvailableMb()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal)) : null;
        return line is null ? long.MaxValue : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>Closes a browser context after leaving its pages, so each sends Blazor's disconnect beacon and its circuit ends at once.</summary>
    public static async Task CloseAsync(Microsoft.Playwright.IBrowserContext context)
    {
        foreach (var page in context.Pages.ToList())
        {
            await page.GotoAsync("about:blank");
        }

        await context.CloseAsync();
    }

    /// <summary>Size of <paramref name="bytes"/> gzipped at the default level (a reference for what compression would send).</summary>
    public static long Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.Length;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

extern alias dashboard;

using System.Diagnostics;
using System.Text;

namespace SakipServerless.Dashboard.Tests.Unit;

/// <summary>
/// The README's run command, as a newcomer runs it: the dashboard in Development starts the backend with demo data,
/// waits until it is healthy, prints its own URL, and stops the backend when it stops.
/// </summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task Dashboard_InDevelopment_StartsTheBackendWithDemoData_PrintsItsUrl_AndStopsItAtTheEnd()
    {
        string root = Repository.Root;
        string dll = typeof(dashboard::SakipServerless.Dashboard.Hosting.DashboardOptions).Assembly.Location;
        int dashboardPort = LoopbackPort.Next(), apiPort = LoopbackPort.Next();
        string data = Path.Combine(Path.GetTempPath(), "sakip-run-command", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(root, "dashboard", "SakipServerless.Dashboard"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{dashboardPort}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Dashboard__ApiBaseUrl"] = $"http://127.0.0.1:{apiPort}/";
        start.Environment["Dashboard__LocalBackend__NoBuild"] = "true"; // the test run has built it
        start.Environment["Dashboard__LocalBackend__Arguments__0"] = $"--Sakip:Storage:SqlitePath={Path.Combine(data, "sakip.db")}";
        start.Environment["Dashboard__LocalBackend__Arguments__1"] = "--Sakip:Sweep:Enabled=false";

        var output = new StringBuilder();
        using var process = Process.Start(start)!;
        var ready = new TaskCompletionSource();
        void Read(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
            if (line.Contains("Dasbor ", StringComparison.Ordinal) && line.Contains("http://", StringComparison.Ordinal)) ready.TrySetResult();
        }

        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var finished = await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromMinutes(3)));
            Assert.True(finished == ready.Task, "No dashboard URL printed within 3 minutes:\n" + output);

            string text;
            lock (output) text = output.ToString();
            Assert.Contains($"Dasbor      http://localhost:{dashboardPort}", text);
            Assert.Contains("[api] ", text); // the backend's own banner, passed through
            Assert.Contains("dengan data demo", text);

            using var http = new HttpClient();
            Assert.True((await http.GetAsync($"http://127.0.0.1:{apiPort}/api/health")).IsSuccessStatusCode);
            using var dashboard = new DashboardSession(new Uri($"http://127.0.0.1:{dashboardPort}/"));
            await dashboard.SignInAsync("banggai", "sekda"); // demo data is there
            Assert.Equal(System.Net.HttpStatusCode.OK, (await dashboard.GetAsync("/ringkasan")).Status);
        }
        finally
        {
            // Ctrl+C: SIGINT to the dashboard, which stops the backend it started.
            Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            if (!process.WaitForExit(30_000))
            {
                process.Kill(entireProcessTree: true);
            }
        }

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Task.Delay(500);
        await Assert.ThrowsAnyAsync<Exception>(() => probe.GetAsync($"http://127.0.0.1:{apiPort}/api/health"));
    }
}

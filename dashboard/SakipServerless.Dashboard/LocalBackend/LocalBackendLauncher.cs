using System.Diagnostics;
using Microsoft.Extensions.Options;
using SakipServerless.Dashboard.Hosting;

namespace SakipServerless.Dashboard.LocalBackend;

/// <summary>
/// Development only: makes <c>dotnet run --project dashboard/SakipServerless.Dashboard</c> the one command that runs
/// the system. Unless the backend already answers at <c>ApiBaseUrl</c>, it starts the backend project as a child
/// process (<c>dotnet run</c>, so it builds, seeds the demo data and uses its own launch profile), waits for
/// <c>/api/health</c>, then prints the dashboard's URL. The child is stopped with the dashboard.
/// </summary>
/// <remarks>
/// A child process rather than both apps in one process: the backend keeps its own configuration, content root,
/// data folder and logs exactly as when it is run alone, and the dashboard binary carries no backend code, so it
/// deploys apart from it as the design requires.
/// </remarks>
public static partial class LocalBackendLauncher
{
    public static async Task StartLocalBackendIfConfiguredAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SakipServerless.Dashboard.LocalBackend");
        if (!options.LocalBackend.Start || !app.Environment.IsDevelopment())
        {
            app.Lifetime.ApplicationStarted.Register(() => PrintUrls(app, options, startedBackend: false));
            return;
        }

        using var probe = new HttpClient { BaseAddress = options.ApiBaseUrl, Timeout = TimeSpan.FromSeconds(2) };
        if (await IsHealthyAsync(probe))
        {
            BackendAlreadyRunning(log, options.ApiBaseUrl);
            app.Lifetime.ApplicationStarted.Register(() => PrintUrls(app, options, startedBackend: false));
            return;
        }

        var child = Start(app.Environment.ContentRootPath, options, log);
        app.Lifetime.ApplicationStopping.Register(() => Stop(child));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(child);

        var deadline = DateTime.UtcNow.AddSeconds(options.LocalBackend.StartTimeoutSeconds);
        while (!await IsHealthyAsync(probe))
        {
            if (child.HasExited)
            {
                throw new InvalidOperationException($"Backend berhenti saat dimulai (kode {child.ExitCode}); lihat keluaran [api] di atas.");
            }

            if (DateTime.UtcNow > deadline)
            {
                Stop(child);
                throw new TimeoutException($"Backend tidak siap di {options.ApiBaseUrl}api/health dalam {options.LocalBackend.StartTimeoutSeconds} detik.");
            }

            await Task.Delay(500);
        }

        app.Lifetime.ApplicationStarted.Register(() => PrintUrls(app, options, startedBackend: true));
    }

    private static Process Start(string contentRoot, DashboardOptions options, ILogger log)
    {
        string project = Path.GetFullPath(Path.Combine(contentRoot, options.LocalBackend.Project
            ?? throw new InvalidOperationException("Dashboard:LocalBackend:Project belum diisi.")));
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        start.ArgumentList.Add("run");
        start.ArgumentList.Add("--project");
        start.ArgumentList.Add(project);
        if (options.LocalBackend.NoBuild)
        {
            start.ArgumentList.Add("--no-build");
        }

        start.ArgumentList.Add("--");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(options.ApiBaseUrl.GetLeftPart(UriPartial.Authority));
        foreach (var argument in options.LocalBackend.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The dashboard's own address settings must not leak into the backend's process.
        foreach (var key in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_LAUNCH_PROFILE" })
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        StartingBackend(log, project);
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet tidak dapat dijalankan.");
        process.OutputDataReceived += (_, e) => Forward(e.Data);
        process.ErrorDataReceived += (_, e) => Forward(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Forward(string? line)
    {
        if (line is not null)
        {
            Console.Out.WriteLine("[api] " + line);
        }
    }

    private static void Stop(Process child)
    {
        try
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
                child.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static async Task<bool> IsHealthyAsync(HttpClient probe)
    {
        try
        {
            using var response = await probe.GetAsync("api/health");
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static void PrintUrls(WebApplication app, DashboardOptions options, bool startedBackend)
    {
        string url = app.Urls.FirstOrDefault(u => u.StartsWith("http://", StringComparison.Ordinal)) ?? app.Urls.FirstOrDefault() ?? "(tidak diketahui)";
        Console.Out.WriteLine();
        Console.Out.WriteLine("SakipServerless Dasbor siap.");
        Console.Out.WriteLine($"  Dasbor      {url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)}");
        Console.Out.WriteLine($"  API         {options.ApiBaseUrl}api{(startedBackend ? " (dimulai oleh dasbor, dengan data demo)" : "")}");
        if (options.EnableDevSignIn)
        {
            Console.Out.WriteLine("  Masuk       pilih pemda lalu pengguna demo, mis. sekda (pimpinan) atau staf-desa-maasing (banggai)");
        }

        Console.Out.WriteLine("  Ctrl+C menghentikan dasbor dan API.");
        Console.Out.Flush();
    }

    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Starting the backend for local development: dotnet run --project {Project}")]
    private static partial void StartingBackend(ILogger logger, string project);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Backend already answers at {Url}; using it")]
    private static partial void BackendAlreadyRunning(ILogger logger, Uri url);
}

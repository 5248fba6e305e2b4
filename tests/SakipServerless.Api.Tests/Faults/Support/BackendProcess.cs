using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SakipServerless.Api.Tests.Faults.Support;

/// <summary>
/// The backend as a child process (the built <c>SakipServerless.Api.dll</c> beside the tests, run by the same
/// <c>dotnet</c> host) on a database file and a fixed loopback port, so it can be killed with SIGKILL and started again.
/// </summary>
public sealed class BackendProcess : IDisposable
{
    private readonly StringBuilder _log = new();
    private readonly string _databasePath;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private Process? _process;

    public BackendProcess(string databasePath, IReadOnlyDictionary<string, string>? settings = null)
    {
        _databasePath = databasePath;
        _settings = settings ?? new Dictionary<string, string>();
        Port = FreePort();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the backend and waits until <c>/api/health</c> answers; returns how long that took.</summary>
    public async Task<TimeSpan> StartAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var start = new ProcessStartInfo(DotnetHost(), [Path.Combine(AppContext.BaseDirectory, "SakipServerless.Api.dll"), "--contentRoot", AppContext.BaseDirectory])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var env = start.Environment;
        env.Remove("ASPNETCORE_HTTP_PORTS");
        env.Remove("ASPNETCORE_HTTPS_PORTS");
        env["ASPNETCORE_ENVIRONMENT"] = "Testing";
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}";
        env["Sakip__Storage__SqlitePath"] = _databasePath;
        env["Sakip__Sweep__Enabled"] = "false";
        env["Sakip__Notifications__DispatchEnabled"] = "false";
        env["Sakip__Files__JanitorEnabled"] = "false";
        env["Sakip__Development__EnableDevSignIn"] = "true";
        env["Sakip__Development__SeedDemoData"] = "false";
        env["Sakip__RateLimits__Enabled"] = "false";
        env["Logging__LogLevel__Default"] = "Warning";
        env["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in _settings)
        {
            env[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the backend exited with {_process.ExitCode}:\n{Log()}");
            }

            try
            {
                if ((await http.GetAsync("api/health", ct)).StatusCode == HttpStatusCode.OK)
                {
                    return watch.Elapsed;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"the backend did not answer /api/health within 30 s:\n{Log()}");
            }

            await Task.Delay(25, ct);
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, open transactions die with the process.</summary>
    public void Kill()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false); // SIGKILL on Unix
        }

        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    public string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    public void Dispose() => Kill();

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    /// <summary>The host running these tests when it is <c>dotnet</c> (so the child uses the same runtime), otherwise the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

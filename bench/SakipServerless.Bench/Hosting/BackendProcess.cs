using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SakipServerless.Bench.Hosting;

/// <summary>
/// The backend as its own process, started from this folder as <c>dotnet SakipServerless.Api.dll</c> (the Release
/// build beside the bench) on a loopback port, so its memory is its own and the load generator only shares the CPU.
/// </summary>
public sealed class BackendProcess : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private readonly Process _process;

    private BackendProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Timeout = TimeSpan.FromMinutes(5),
        };
    }

    public int Port { get; }

    public int Pid => _process.Id;

    /// <summary>A client for the load generator: one connection pool, as many connections as there are clients.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts the backend with the given environment name and settings and waits for <c>/api/health</c>.</summary>
    public static Task<BackendProcess> StartAsync(string environment, IReadOnlyDictionary<string, string> settings, string? workingDirectory = null) =>
        StartAsync([Path.Combine(AppContext.BaseDirectory, "SakipServerless.Api.dll"), "--contentRoot", AppContext.BaseDirectory], environment, settings, workingDirectory);

    /// <summary>Starts another build of the backend (its output folder) the same way: the "before" side of a comparison.</summary>
    public static Task<BackendProcess> StartFromAsync(string apiFolder, string environment, IReadOnlyDictionary<string, string> settings) =>
        StartAsync([Path.Combine(apiFolder, "SakipServerless.Api.dll"), "--contentRoot", apiFolder], environment, settings, apiFolder);

    /// <summary>Starts the empty reference app (<see cref="ReferenceServer"/>) with the backend's GC mode (Server GC).</summary>
    public static Task<BackendProcess> StartReferenceAsync() =>
        StartAsync([Path.Combine(AppContext.BaseDirectory, "SakipServerless.Bench.dll"), ReferenceServer.Argument], "Production",
            new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" }, null);

    private static async Task<BackendProcess> StartAsync(string[] arguments, string environment, IReadOnlyDictionary<string, string> settings, string? workingDirectory)
    {
        int port = FreePort();
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["SAKIP_BENCH_URL"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var backend = new BackendProcess(process, port);
        process.OutputDataReceived += (_, e) => backend.Append(e.Data);
        process.ErrorDataReceived += (_, e) => backend.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await backend.WaitForHealthAsync();
        return backend;
    }

    /// <summary>A bearer token of the development sign-in for a seeded user.</summary>
    public Task<string> TokenAsync(string tenantId, string userId) => DevToken.RequestAsync(Http, tenantId, userId);

    public string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitForHealthAsync()
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the backend exited with {_process.ExitCode}:\n{Log()}");
            }

            try
            {
                if ((await Http.GetAsync("api/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"the backend did not answer within 60 s:\n{Log()}");
            }

            await Task.Delay(50);
        }
    }

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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

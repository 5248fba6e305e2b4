using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace SakipServerless.Api.Tests.FunctionsHost;

/// <summary>
/// Starts the handler from the assembled package exactly as the Functions host does: the executable host.json names,
/// its arguments, the package root as working directory, FUNCTIONS_CUSTOMHANDLER_PORT set, and the host's own
/// address variables inherited. Then talks to it as the host would.
/// </summary>
public sealed class HandlerProcessTests(PackageFixture package) : IClassFixture<PackageFixture>, IDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _handler;

    [Fact]
    public async Task TheHandler_ListensOnTheHostsPortOnly_FindsItsSettings_AndAnswersForwardedAndInvocationRequests()
    {
        Assert.True(package.ExitCode == 0, package.Output);
        int port = FreePort();
        int inherited = FreePort();
        StartHandler(port, inherited);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };

        var health = await WaitForHealthAsync(http);
        Assert.Equal("ok", health.GetProperty("status").GetString());

        // The host's own address variables are not ours to bind.
        Assert.False(await AcceptsAsync(inherited), $"the handler also listens on the inherited address :{inherited}");
        string log = Output();
        Assert.Contains($"Now listening on: http://localhost:{port}", log);
        Assert.Contains($"Content root path: {Path.Combine(package.Folder, "handler")}", log);

        // A forwarded request keeps its /api path and reaches the app's routing: signed-in routes still ask for a sign-in.
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/runs")).StatusCode);

        // The timer invocation, as documented for custom handlers.
        var invocation = await http.PostAsync("/DeadlineSweep", JsonContent.Create(InvocationPayloads.Timer(DateTimeOffset.UtcNow)));
        string body = await invocation.Content.ReadAsStringAsync();
        Assert.True(invocation.StatusCode == HttpStatusCode.OK, body);
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.Equal(["Outputs", "Logs", "ReturnValue"], answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Deadline sweep applied 0 escalation(s).", answer.GetProperty("Logs")[0].GetString());
    }

    public void Dispose()
    {
        if (_handler is { HasExited: false })
        {
            _handler.Kill(entireProcessTree: true);
            _handler.WaitForExit(10_000);
        }

        _handler?.Dispose();
    }

    private void StartHandler(int port, int inheritedPort)
    {
        var start = new ProcessStartInfo(Path.Combine(package.Folder, HostJson.ExecutablePath))
        {
            WorkingDirectory = package.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in HostJson.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{inheritedPort}"; // what the host process itself was given
        start.Environment["ASPNETCORE_HTTP_PORTS"] = inheritedPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Sakip__Storage__SqlitePath"] = Path.Combine(package.Work, "data", "sakip.db");
        start.Environment["Sakip__Sweep__Enabled"] = "false";
        start.Environment["Sakip__Notifications__DispatchEnabled"] = "false";
        // The test handler is the framework-dependent build: point its apphost at the runtime running this test.
        start.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

        _handler = Process.Start(start)!;
        _handler.OutputDataReceived += (_, e) => Append(e.Data);
        _handler.ErrorDataReceived += (_, e) => Append(e.Data);
        _handler.BeginOutputReadLine();
        _handler.BeginErrorReadLine();
    }

    private async Task<JsonElement> WaitForHealthAsync(HttpClient http)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_handler!.HasExited)
            {
                _handler.WaitForExit(); // drains the output
                Assert.Fail($"the handler exited ({_handler.ExitCode}):\n{Output()}");
            }

            try
            {
                var response = await http.GetAsync("/api/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < until, $"the handler did not answer /api/health within 60 s:\n{Output()}");
            await Task.Delay(200);
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(TimeSpan.FromSeconds(2));
            return true;
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}

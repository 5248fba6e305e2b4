using System.Diagnostics;
using System.Text;

namespace SakipServerless.Engine.Durable.Local.Tests.Support;

/// <summary>
/// The local durable engine (worker and dispatching sidecar) in a child process (tests/…Local.ChildHost), writing
/// projections to a SQLite file: started, killed with SIGKILL, or stopped by closing its standard input.
/// </summary>
public sealed class ChildEngineProcess : IDisposable
{
    private const string HostName = "SakipServerless.Engine.Durable.Local.ChildHost";

    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private ChildEngineProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    /// <summary>What the child wrote to standard error, for a failure message.</summary>
    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public static async Task<ChildEngineProcess> StartAsync(string storageConnectionString, string taskHub, string sqliteFile, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, HostName))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(storageConnectionString);
        info.ArgumentList.Add(taskHub);
        info.ArgumentList.Add(sqliteFile);
        var child = new ChildEngineProcess(Process.Start(info) ?? throw new InvalidOperationException($"Could not start {HostName}."));
        child._process.ErrorDataReceived += (_, e) =>
        {
            lock (child._errors)
            {
                child._errors.AppendLine(e.Data);
            }
        };
        child._process.BeginErrorReadLine();

        using var cts = new CancellationTokenSource(timeout);
        while (await child._process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
        {
            if (line.StartsWith("ready ", StringComparison.Ordinal))
            {
                return child;
            }
        }

        child.Kill();
        throw new InvalidOperationException($"{HostName} exited before it was ready: {child.Errors}");
    }

    /// <summary>SIGKILL: no shutdown code runs, leases stay held and in-flight work items are lost with the process.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>The orderly end: standard input closes, the child stops its worker and sidecar and exits.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        _process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}

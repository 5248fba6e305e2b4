using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SakipServerless.Storage.Contract.Emulators;

/// <summary>
/// Finds the npm-installed protocol servers under tests/emulators (installing them with <c>npm ci</c> if CI has not),
/// and starts one on 127.0.0.1 on a free port. Stopped by killing its process tree.
/// </summary>
public static class Emulators
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SakipServerless.sln")))
                {
                    return Path.Combine(dir.FullName, "tests", "emulators");
                }
            }

            throw new InvalidOperationException("Repository root (SakipServerless.sln) not found above " + AppContext.BaseDirectory);
        }
    }

    public static async Task<string> BinaryAsync(string name)
    {
        string path = Path.Combine(Folder, "node_modules", ".bin", name);
        await InstallLock.WaitAsync();
        try
        {
            if (!File.Exists(path))
            {
                await RunAsync("npm", "ci --no-audit --no-fund", Folder, TimeSpan.FromMinutes(10));
            }
        }
        finally
        {
            InstallLock.Release();
        }

        return File.Exists(path) ? path : throw new InvalidOperationException($"{name} is not installed under {Folder}.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<Process> StartAsync(string binary, string arguments, int port, TimeSpan timeout)
    {
        var process = Process.Start(new ProcessStartInfo(binary, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        }) ?? throw new InvalidOperationException($"Could not start {binary}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitListeningAsync(process, binary, port, timeout);
        return process;
    }

    /// <summary>Waits until <paramref name="process"/> accepts connections on <paramref name="port"/>; stops it if it never does.</summary>
    public static async Task WaitListeningAsync(Process process, string binary, int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{binary} exited with {process.ExitCode} before listening on {port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        Stop(process);
        throw new TimeoutException($"{binary} did not listen on {port} within {timeout}.");
    }

    public static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    private static async Task RunAsync(string file, string arguments, string folder, TimeSpan timeout)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = folder, UseShellExecute = false })!;
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed with exit code {process.ExitCode}.");
        }
    }
}

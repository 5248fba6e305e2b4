using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SakipServerless.Bench.BlobEvidence;

/// <summary>Azurite from tests/emulators (npm ci there first), in memory on free loopback ports; stopped by its PID.</summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteProcess(Process process, string connectionString)
    {
        _process = process;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public int Pid => _process.Id;

    /// <summary>The blob service alone (evidence files).</summary>
    public static Task<AzuriteProcess> StartAsync()
    {
        int port = FreePort();
        return StartAsync("azurite-blob", $"--blobHost 127.0.0.1 --blobPort {port}", [port],
            $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};BlobEndpoint=http://127.0.0.1:{port}/{Account}");
    }

    /// <summary>Blob, Queue and Table: the account a Durable Task hub on the Azure Storage provider needs (item 10's sidecar).</summary>
    public static Task<AzuriteProcess> StartAccountAsync()
    {
        int blob = FreePort(), queue = FreePort(), table = FreePort();
        return StartAsync("azurite",
            $"--blobHost 127.0.0.1 --blobPort {blob} --queueHost 127.0.0.1 --queuePort {queue} --tableHost 127.0.0.1 --tablePort {table}", [blob, queue, table],
            $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};BlobEndpoint=http://127.0.0.1:{blob}/{Account};" +
            $"QueueEndpoint=http://127.0.0.1:{queue}/{Account};TableEndpoint=http://127.0.0.1:{table}/{Account}");
    }

    private static async Task<AzuriteProcess> StartAsync(string name, string listen, int[] ports, string connectionString)
    {
        string binary = Path.Combine(Repository.Root(), "tests", "emulators", "node_modules", ".bin", name);
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"{binary} is missing: run npm ci --prefix tests/emulators first.");
        }

        // --skipApiVersionCheck: the new build's SDK sends a newer service version than Azurite knows (see BlobPipeline).
        var process = Process.Start(new ProcessStartInfo(binary, $"{listen} --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --silent")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{name} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(60);
        foreach (int port in ports)
        {
            while (true)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < until && !process.HasExited)
                {
                    await Task.Delay(100);
                }
            }
        }

        return new AzuriteProcess(process, connectionString);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SakipServerless.Bench.BlobEvidence;

/// <summary>Azurite's blob server from tests/emulators (npm ci there first), in memory on a free loopback port; stopped by its PID.</summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteProcess(Process process, int port)
    {
        _process = process;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};BlobEndpoint=http://127.0.0.1:{port}/{Account}";
    }

    public string ConnectionString { get; }

    public int Pid => _process.Id;

    public static async Task<AzuriteProcess> StartAsync()
    {
        string binary = Path.Combine(Repository.Root(), "tests", "emulators", "node_modules", ".bin", "azurite-blob");
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"{binary} is missing: run npm ci --prefix tests/emulators first.");
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        // --skipApiVersionCheck: the new build's SDK sends a newer service version than Azurite knows (see BlobPipeline).
        var process = Process.Start(new ProcessStartInfo(binary,
            $"--blobHost 127.0.0.1 --blobPort {port} --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --silent")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("azurite-blob did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new AzuriteProcess(process, port);
            }
            catch (SocketException) when (DateTime.UtcNow < until && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
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

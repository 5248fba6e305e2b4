using System.Diagnostics;

namespace SakipServerless.Storage.Contract.Emulators;

/// <summary>
/// One whole Azurite account (Blob, Queue and Table) for a test class, on free loopback ports, keeping its data in a
/// temporary folder: what the Durable Task Azure Storage provider needs (queues for messages, tables for history and
/// instances, blobs for leases and large messages). <see cref="AzuriteFixture"/> stays the blob-only server.
/// </summary>
public sealed class AzuriteAccountFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sakip-azurite-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        int blob = Emulators.FreePort(), queue = Emulators.FreePort(), table = Emulators.FreePort();
        string binary = await Emulators.BinaryAsync("azurite");
        var timeout = TimeSpan.FromSeconds(60);
        _process = await Emulators.StartAsync(binary,
            $"--blobHost 127.0.0.1 --blobPort {blob} --queueHost 127.0.0.1 --queuePort {queue} --tableHost 127.0.0.1 --tablePort {table} " +
            $"--location \"{_folder}\" --skipApiVersionCheck --disableTelemetry --silent", blob, timeout);
        await Emulators.WaitListeningAsync(_process, binary, queue, timeout);
        await Emulators.WaitListeningAsync(_process, binary, table, timeout);
        string account = AzuriteFixture.AccountName;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={account};AccountKey={AzuriteFixture.AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/{account};QueueEndpoint=http://127.0.0.1:{queue}/{account};TableEndpoint=http://127.0.0.1:{table}/{account}";
    }

    public Task DisposeAsync()
    {
        if (_process is not null)
        {
            Emulators.Stop(_process);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file Azurite was still closing; the temp folder is cleaned by the system
        }

        return Task.CompletedTask;
    }
}

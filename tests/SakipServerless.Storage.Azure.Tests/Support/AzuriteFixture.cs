using System.Diagnostics;
using SakipServerless.Storage.Azure.Blobs;

namespace SakipServerless.Storage.Azure.Tests.Support;

/// <summary>One Azurite blob server (in memory) for a test class, on a free loopback port.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Process? _process;

    public BlobAccount Account { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        int port = Emulators.FreePort();
        string binary = await Emulators.BinaryAsync("azurite-blob");
        _process = await Emulators.StartAsync(binary,
            $"--blobHost 127.0.0.1 --blobPort {port} --inMemoryPersistence --disableTelemetry --silent", port, TimeSpan.FromSeconds(60));
        Account = BlobAccount.Parse(
            $"DefaultEndpointsProtocol=http;AccountName={BlobAccount.DevelopmentAccountName};AccountKey={BlobAccount.DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:{port}/{BlobAccount.DevelopmentAccountName}");
    }

    public Task DisposeAsync()
    {
        if (_process is not null)
        {
            Emulators.Stop(_process);
        }

        return Task.CompletedTask;
    }
}

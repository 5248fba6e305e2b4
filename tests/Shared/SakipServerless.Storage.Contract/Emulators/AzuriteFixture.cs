using System.Diagnostics;

namespace SakipServerless.Storage.Contract.Emulators;

/// <summary>One Azurite blob server (in memory) for a test class, on a free loopback port.</summary>
/// <remarks>
/// <c>--skipApiVersionCheck</c>: Azure.Storage.Blobs sends its newest service version, which is newer than this Azurite
/// knows, and the production clients must not pin an older one just to please the emulator.
/// </remarks>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account (public; not a secret).</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    /// <summary>A connection string for the running server.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        int port = Emulators.FreePort();
        string binary = await Emulators.BinaryAsync("azurite-blob");
        _process = await Emulators.StartAsync(binary,
            $"--blobHost 127.0.0.1 --blobPort {port} --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --silent", port, TimeSpan.FromSeconds(60));
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/{AccountName}";
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

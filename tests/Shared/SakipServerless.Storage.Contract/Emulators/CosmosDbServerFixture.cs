using System.Diagnostics;

namespace SakipServerless.Storage.Contract.Emulators;

/// <summary>
/// One @vercel/cosmosdb-server (a partial Cosmos DB protocol server, empty at boot) for a test class, on a free
/// loopback port over HTTPS with its self-signed certificate, which clients accept in tests only.
/// </summary>
public class CosmosDbServerFixture : IAsyncLifetime
{
    /// <summary>The key is not checked by the server; any base64 will do.</summary>
    public const string Key = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private Process? _process;

    public Uri Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        int port = Emulators.FreePort();
        string binary = await Emulators.BinaryAsync("cosmosdb-server");
        _process = await Emulators.StartAsync(binary, $"--host 127.0.0.1 -p {port}", port, TimeSpan.FromSeconds(60));
        Endpoint = new Uri($"https://127.0.0.1:{port}/");
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

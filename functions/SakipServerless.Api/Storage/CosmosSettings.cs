using System.ComponentModel.DataAnnotations;

namespace SakipServerless.Api.Storage;

/// <summary>
/// Settings under <c>Sakip:Storage:Cosmos</c>, read when <c>Sakip:Storage:Provider</c> is <c>cosmos</c>. In Azure only
/// <see cref="Endpoint"/> is set and the app signs in with its managed identity; locally and in tests an emulator is
/// reached with a key or a connection string.
/// </summary>
public sealed class CosmosSettings
{
    /// <summary>The account endpoint, e.g. https://sakip-cosmos.documents.azure.com:443/.</summary>
    public string? Endpoint { get; set; }

    /// <summary>An account key for <see cref="Endpoint"/> (emulators, local runs). Empty: managed identity (DefaultAzureCredential).</summary>
    public string? Key { get; set; }

    /// <summary>A full connection string (AccountEndpoint=…;AccountKey=…), instead of <see cref="Endpoint"/> and <see cref="Key"/>.</summary>
    public string? ConnectionString { get; set; }

    public string Database { get; set; } = "sakip";

    /// <summary>Creates the database and containers on start. Local and tests only: refused in Production, where infra creates them.</summary>
    public bool CreateIfMissing { get; set; }

    /// <summary>
    /// Accepts the emulator's self-signed certificate and talks to it over the gateway, on its endpoint only.
    /// Development and tests only: refused in any other environment.
    /// </summary>
    public bool AcceptEmulatorCertificate { get; set; }

    /// <summary>Uses gateway mode (HTTPS) instead of direct mode (TCP to the replicas); on whenever the emulator certificate is accepted.</summary>
    public bool GatewayMode { get; set; }

    /// <summary>Master-data batches as one transactional batch per pemda; off only for a test server that lacks batches.</summary>
    public bool UseTransactionalBatch { get; set; } = true;

    /// <summary>Our retries after the SDK's own, for 429 and 503, honouring Retry-After.</summary>
    [Range(0, 20)]
    public int MaxThrottleRetries { get; set; } = 5;
}

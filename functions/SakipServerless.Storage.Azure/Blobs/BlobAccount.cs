namespace SakipServerless.Storage.Azure.Blobs;

/// <summary>
/// Where a storage account's blob service is and how to sign for it: an account key (connection strings, Azurite)
/// or none (a <see cref="global::Azure.Core.TokenCredential"/> such as managed identity supplies the bearer token).
/// </summary>
public sealed record BlobAccount(string AccountName, Uri BlobEndpoint, byte[]? AccountKey)
{
    /// <summary>The well-known development account of Azurite and the storage emulator.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>
    /// Path-style endpoints (Azurite: <c>http://127.0.0.1:10000/devstoreaccount1</c>) carry the account in the path,
    /// and SharedKey signs it twice in the canonical resource.
    /// </summary>
    public bool IsPathStyle => BlobEndpoint.AbsolutePath.Trim('/').Length > 0;

    /// <summary>Reads an Azure Storage connection string (account name and key, blob endpoint or endpoint suffix, or UseDevelopmentStorage=true).</summary>
    public static BlobAccount Parse(string connectionString)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);

        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && dev.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return new BlobAccount(DevelopmentAccountName, new Uri("http://127.0.0.1:10000/devstoreaccount1"), Convert.FromBase64String(DevelopmentAccountKey));
        }

        if (!parts.TryGetValue("AccountName", out var name) || string.IsNullOrWhiteSpace(name))
        {
            throw new FormatException("The storage connection string has no AccountName.");
        }

        byte[]? key = parts.TryGetValue("AccountKey", out var k) ? Convert.FromBase64String(k) : null;
        Uri endpoint = parts.TryGetValue("BlobEndpoint", out var e)
            ? new Uri(e)
            : new Uri($"{parts.GetValueOrDefault("DefaultEndpointsProtocol", "https")}://{name}.blob.{parts.GetValueOrDefault("EndpointSuffix", "core.windows.net")}");
        return new BlobAccount(name, endpoint, key);
    }
}

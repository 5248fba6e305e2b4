namespace SakipServerless.Api.Storage;

/// <summary>The values of <c>Sakip:Storage:Provider</c>.</summary>
public static class StorageProviders
{
    /// <summary>Embedded default: one SQLite file in the data folder.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>Azure Cosmos DB, partitioned by pemda.</summary>
    public const string Cosmos = "cosmos";

    public static bool IsCosmos(string? provider) => string.Equals(provider, Cosmos, StringComparison.OrdinalIgnoreCase);

    public static bool IsKnown(string? provider) => IsCosmos(provider) || string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase);
}

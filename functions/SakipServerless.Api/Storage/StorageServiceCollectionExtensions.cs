using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using SakipServerless.Api.Dashboard;
using SakipServerless.Api.Hosting;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Cosmos;
using SakipServerless.Storage.Sqlite;

namespace SakipServerless.Api.Storage;

/// <summary>
/// Registers the storage ports of the provider chosen by <c>Sakip:Storage:Provider</c>: SQLite (embedded default) or
/// Cosmos DB. The same binary runs either; nothing else in the app knows which.
/// </summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddSakipStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<SakipOptions>, StorageOptionsValidator>();
        string? provider = configuration[$"{SakipOptions.Section}:Storage:Provider"];
        return StorageProviders.IsCosmos(provider) ? services.AddCosmosStorage() : services.AddSqliteStorage();
    }

    /// <summary>One SQLite file; the dashboard reads the runs themselves (a local query, no read model needed).</summary>
    private static IServiceCollection AddSqliteStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            string path = sp.GetRequiredService<IOptions<SakipOptions>>().Value.Storage.SqlitePath;
            return new SqliteDatabase(Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path));
        });
        services.AddSingleton<IDocumentStore>(sp => new SqliteDocumentStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IRunStore>(sp => new SqliteRunStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<INotificationStore>(sp => new SqliteNotificationStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IDashboardRunReader>(sp => new RunStoreDashboardRunReader(sp.GetRequiredService<IRunStore>()));
        return services;
    }

    /// <summary>
    /// Cosmos DB: one client for the process (it pools connections), the containers opened (and, outside Production
    /// when configured, created) on first use; the dashboard reads the projections kept in the run items.
    /// </summary>
    private static IServiceCollection AddCosmosStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp => CosmosClientFactory.Create(Settings(sp)));
        services.AddSingleton(sp => CosmosClientFactory.AdapterOptions(Settings(sp), sp.GetRequiredService<IOptions<SakipOptions>>().Value.Engine));
        services.AddSingleton(sp => CosmosContainers.OpenAsync(sp.GetRequiredService<CosmosClient>(), sp.GetRequiredService<CosmosStorageOptions>())
            .GetAwaiter().GetResult());
        services.AddSingleton<IDocumentStore>(sp => new CosmosDocumentStore(
            sp.GetRequiredService<CosmosContainers>().Documents, sp.GetRequiredService<CosmosStorageOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IRunStore>(sp => new CosmosRunStore(
            sp.GetRequiredService<CosmosContainers>(), sp.GetRequiredService<CosmosStorageOptions>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CosmosRunStore>>()));
        services.AddSingleton<INotificationStore>(sp => new CosmosNotificationStore(sp.GetRequiredService<CosmosContainers>(),
            sp.GetRequiredService<CosmosStorageOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IDocumentStore>()));
        services.AddSingleton<IDashboardRunReader>(sp => new CosmosDashboardRunReader(
            sp.GetRequiredService<CosmosContainers>(), sp.GetRequiredService<CosmosStorageOptions>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    private static CosmosSettings Settings(IServiceProvider sp) => sp.GetRequiredService<IOptions<SakipOptions>>().Value.Storage.Cosmos;
}

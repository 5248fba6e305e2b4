namespace SakipServerless.Core.Storage;

/// <summary>
/// Master data as JSON documents keyed by (tenant, kind, id): tenants, OPDs, users, indicators, templates.
/// Every query names its tenant, so it stays inside one partition in Cosmos DB.
/// </summary>
public interface IDocumentStore
{
    Task<T?> GetAsync<T>(string tenantId, string kind, string id, CancellationToken ct = default) where T : class;

    Task<IReadOnlyList<T>> ListAsync<T>(string tenantId, string kind, CancellationToken ct = default) where T : class;

    /// <summary>Inserts or replaces one document.</summary>
    Task PutAsync<T>(string tenantId, string kind, string id, T document, CancellationToken ct = default) where T : class;

    /// <summary>Inserts a document that must not exist yet; false when it does (nothing is changed).</summary>
    Task<bool> TryInsertAsync<T>(string tenantId, string kind, string id, T document, CancellationToken ct = default) where T : class;

    /// <summary>Removes one document; false when there was none.</summary>
    Task<bool> DeleteAsync(string tenantId, string kind, string id, CancellationToken ct = default);

    /// <summary>Writes every document or none.</summary>
    Task PutManyAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken ct = default);

    /// <summary>Tenant ids that have a tenant document (the only listing that spans partitions; used by admin and seeding).</summary>
    Task<IReadOnlyList<string>> ListTenantIdsAsync(CancellationToken ct = default);
}

namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>Which requests a fault rule applies to, with a name for the test's messages.</summary>
public sealed record RequestMatch(string Name, Func<HttpRequestMessage, bool> Test)
{
    /// <summary>Every request on Cosmos items (reads, queries, writes); metadata (databases, containers, account) is left alone.</summary>
    public static RequestMatch CosmosItems { get; } = new("Cosmos item request", IsCosmosDocs);

    public static RequestMatch CosmosReplace { get; } = new("Cosmos replace", r => IsCosmosDocs(r) && r.Method == HttpMethod.Put);

    public static RequestMatch CosmosCreate { get; } = new("Cosmos create", r => IsCosmosDocs(r) && r.Method == HttpMethod.Post && !IsCosmosQuery(r) && !IsUpsert(r));

    /// <summary>Requests on one container's items (<c>runs</c>, <c>due</c>, <c>documents</c>).</summary>
    public static RequestMatch CosmosContainer(string name) => new($"container {name}", r => r.RequestUri!.AbsolutePath.Contains($"/colls/{name}/", StringComparison.Ordinal));

    public static RequestMatch BlobPutBlock { get; } = new("Put Block", r => r.Method == HttpMethod.Put && Query(r).Contains("comp=block&", StringComparison.Ordinal));

    public static RequestMatch BlobPutBlockList { get; } = new("Put Block List", r => r.Method == HttpMethod.Put && Query(r).Contains("comp=blocklist", StringComparison.Ordinal));

    /// <summary>Put Block of a staged upload (the store's append).</summary>
    public static RequestMatch BlobStagedBlock { get; } = BlobPutBlock.And(PathContains("/staging/"));

    /// <summary>Put Block List of a staged upload (the commit that makes an append's bytes count).</summary>
    public static RequestMatch BlobStagedCommit { get; } = BlobPutBlockList.And(PathContains("/staging/"));

    /// <summary>Put Blob of a block blob: a single-shot upload.</summary>
    public static RequestMatch BlobPutBlob { get; } = new("Put Blob", r => r.Method == HttpMethod.Put && !Query(r).Contains("comp=", StringComparison.Ordinal)
        && r.Headers.TryGetValues("x-ms-blob-type", out var type) && type.Contains("BlockBlob"));

    /// <summary>A request whose path contains <paramref name="fragment"/> (blob names, item ids).</summary>
    public static RequestMatch PathContains(string fragment) =>
        new($"path containing '{fragment}'", r => Uri.UnescapeDataString(r.RequestUri!.AbsolutePath).Contains(fragment, StringComparison.Ordinal));

    public RequestMatch And(RequestMatch other) => new($"{Name} and {other.Name}", r => Test(r) && other.Test(r));

    public override string ToString() => Name;

    private static bool IsCosmosDocs(HttpRequestMessage r) => r.RequestUri!.AbsolutePath.Contains("/docs", StringComparison.Ordinal);

    private static bool IsCosmosQuery(HttpRequestMessage r) =>
        r.Headers.TryGetValues("x-ms-documentdb-isquery", out var values) && values.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase))
        || r.Headers.Contains("x-ms-cosmos-is-query-plan-request");

    private static bool IsUpsert(HttpRequestMessage r) =>
        r.Headers.TryGetValues("x-ms-documentdb-is-upsert", out var values) && values.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));

    private static string Query(HttpRequestMessage r) => r.RequestUri!.Query + "&";
}

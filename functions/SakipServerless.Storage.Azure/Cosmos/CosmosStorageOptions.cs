namespace SakipServerless.Storage.Azure.Cosmos;

/// <summary>Settings of the Cosmos DB adapter (section <c>Sakip:Storage:Cosmos</c>).</summary>
public sealed class CosmosStorageOptions
{
    public string Database { get; set; } = "sakip";

    /// <summary>Creates the database and containers on start: local and test only, never in production (infra creates them).</summary>
    public bool CreateIfMissing { get; set; }

    /// <summary>
    /// Multi-document writes (master-data batches) use a transactional batch per partition. The test server lacks it,
    /// so tests turn it off and the adapter writes one by one with compensation.
    /// </summary>
    public bool UseTransactionalBatch { get; set; } = true;

    /// <summary>
    /// Keeps the hour-bucketed due index that the embedded engine's sweep reads (<see cref="CosmosRunStore.FindDueAsync"/>).
    /// Off with the durable engine, which is Azure mode: a run's deadlines are its orchestration's durable timers, so a
    /// save writes no index entry (and removes the run's entry left from before), and asking this store what is due is
    /// a mistake that fails loudly instead of answering an empty index.
    /// </summary>
    public bool DueIndex { get; set; } = true;

    /// <summary>Our own retries after the SDK's, for 429 and 503, honouring Retry-After.</summary>
    public int MaxThrottleRetries { get; set; } = 5;
}

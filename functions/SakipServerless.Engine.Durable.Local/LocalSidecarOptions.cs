namespace SakipServerless.Engine.Durable.Local;

/// <summary>Where the local sidecar keeps its task hub: an Azure Storage account (Azurite locally) and a hub name.</summary>
/// <param name="StorageConnectionString">Blob, Queue and Table endpoints of the account (Azurite's development account).</param>
/// <param name="TaskHubName">Names the hub's queues, tables and lease container; letters and digits, 3 to 45 long.</param>
/// <param name="Dispatch">True: this sidecar hands orchestrations and activities to the worker connected to it. False: it
/// only serves the management API (start, raise, query, purge), for a client in another process than the worker.</param>
public sealed record LocalSidecarOptions(string StorageConnectionString, string TaskHubName = LocalSidecarOptions.DefaultTaskHub, bool Dispatch = true)
{
    public const string DefaultTaskHub = "sakiplocal";
}

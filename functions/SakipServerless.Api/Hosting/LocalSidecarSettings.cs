using System.ComponentModel.DataAnnotations;

namespace SakipServerless.Api.Hosting;

/// <summary>
/// <c>Sakip:Engine:Sidecar</c>: local durable mode. With <c>Mode=durable</c> and a storage account here, the local
/// host runs the orchestrations itself on a Durable Task sidecar over that account (Azurite locally). The Functions
/// app ignores it: in Azure the Functions host is the task hub's client, on <c>AzureWebJobsStorage</c>.
/// </summary>
public sealed class LocalSidecarSettings
{
    /// <summary>Blob, Queue and Table endpoints of the task hub's account (Azurite's development account); empty: no sidecar.</summary>
    public string StorageConnectionString { get; set; } = "";

    /// <summary>Names the hub's queues, tables and lease container.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$", ErrorMessage = "TaskHubName must be 3 to 45 letters and digits, starting with a letter.")]
    public string TaskHubName { get; set; } = "sakiplocal";

    public bool Enabled => !string.IsNullOrWhiteSpace(StorageConnectionString);
}

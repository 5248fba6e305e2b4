using System.ComponentModel.DataAnnotations;

namespace SakipServerless.Api.Hosting;

/// <summary>Which engine applies run commands and deadlines (<c>Sakip:Engine</c>).</summary>
public sealed class EngineOptions
{
    public const string Embedded = "embedded";

    public const string Durable = "durable";

    /// <summary><c>embedded</c> (in the request, on the store; the default) or <c>durable</c> (one orchestration per run, whose host registers a <c>DurableRunClient</c>).</summary>
    [RegularExpression("^(embedded|durable)$", ErrorMessage = "Mode must be embedded or durable.")]
    public string Mode { get; set; } = Embedded;

    /// <summary>Durable only: how long a command waits for its outcome before it answers 202 with a place to poll.</summary>
    [Range(0, 60_000)]
    public int CommandWaitMilliseconds { get; set; } = 5000;

    /// <summary>Local durable mode only: the sidecar the local host runs the orchestrations on.</summary>
    public LocalSidecarSettings Sidecar { get; set; } = new();

    public bool IsDurable => string.Equals(Mode, Durable, StringComparison.Ordinal);
}

using System.ComponentModel.DataAnnotations;
using SakipServerless.Api.Scheduling;
using SakipServerless.Api.Storage;

namespace SakipServerless.Api.Hosting;

/// <summary>Settings under <c>Sakip</c>; validated on start.</summary>
public sealed class SakipOptions
{
    public const string Section = "Sakip";

    public StorageOptions Storage { get; set; } = new();

    public SweepOptions Sweep { get; set; } = new();

    public ScheduleOptions Schedule { get; set; } = new();

    public EngineOptions Engine { get; set; } = new();

    public EscalationOptions Escalation { get; set; } = new();

    public NotificationOptions Notifications { get; set; } = new();

    public DevelopmentOptions Development { get; set; } = new();

    /// <summary>Largest JSON request body accepted (uploads have their own limit).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxJsonBodyBytes { get; set; } = 1024 * 1024;
}

public sealed class StorageOptions
{
    /// <summary><c>sqlite</c> (embedded default) or <c>cosmos</c> (Azure Cosmos DB, <see cref="Cosmos"/>).</summary>
    public string Provider { get; set; } = "sqlite";

    public string SqlitePath { get; set; } = "data/sakip.db";

    public CosmosSettings Cosmos { get; set; } = new();
}

public sealed class SweepOptions
{
    public bool Enabled { get; set; } = true;

    [Range(1, 3600)]
    public int IntervalSeconds { get; set; } = 30;

    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 500;
}

public sealed class EscalationOptions
{
    [Range(0, 60)]
    public int Level2GraceWorkingDays { get; set; } = 1;

    [Range(0, 10_000)]
    public int Level2GraceWorkingMinutes { get; set; }
}

/// <summary>
/// Outbox dispatch (in-app inbox) and the optional webhook channel; validated by
/// <c>Notifications.NotificationOptionsValidator</c> (nested sections are not reached by data-annotation validation).
/// </summary>
public sealed class NotificationOptions
{
    /// <summary>Runs the dispatcher in-process; tests turn it off and call it themselves.</summary>
    public bool DispatchEnabled { get; set; } = true;

    [Range(1, 3600)]
    public int DispatchIntervalSeconds { get; set; } = 5;

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Absolute http(s) URL that receives one JSON POST per notification; empty turns the channel off.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>When set, each POST carries <c>X-Sakip-Signature: sha256=&lt;HMAC of the body&gt;</c>.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Attempts per notification, the first included, before it is recorded as failed for good.</summary>
    [Range(1, 50)]
    public int WebhookMaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failed attempt; doubled after each further failure up to the maximum.</summary>
    [Range(1, 86_400)]
    public int WebhookBaseDelaySeconds { get; set; } = 30;

    [Range(1, 604_800)]
    public int WebhookMaxDelaySeconds { get; set; } = 3600;

    [Range(1, 300)]
    public int WebhookTimeoutSeconds { get; set; } = 10;
}

/// <summary>Development conveniences; each is refused in the Production environment.</summary>
public sealed class DevelopmentOptions
{
    /// <summary><c>POST /api/dev/token</c> signs in as a seeded user without a password.</summary>
    public bool EnableDevSignIn { get; set; }

    /// <summary><c>POST /api/dev/clock</c> moves the application clock forward to show escalations.</summary>
    public bool EnableClockOffset { get; set; }

    /// <summary>Seeds the demo pemda, OPDs, users, indicators and runs into an empty database.</summary>
    public bool SeedDemoData { get; set; }
}

using SakipServerless.Core.Templates;

namespace SakipServerless.Importer.Steps;

/// <summary>A Waktu cell as read: the duration (null when unreadable) and, when the reading was not plain, why.</summary>
internal sealed record DurationReading(StepDuration? Duration, string? Problem = null);

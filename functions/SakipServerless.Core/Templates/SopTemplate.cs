using SakipServerless.Core.Calendar;

namespace SakipServerless.Core.Templates;

/// <summary>
/// An executable SOP "Pengumpulan Data Kinerja" (format PermenPAN-RB 35/2012), versioned and immutable once published.
/// Mirrors <c>sop/schema/sop-template.schema.json</c>.
/// </summary>
public sealed record SopTemplate
{
    public int SchemaVersion { get; init; } = 1;

    public required string Id { get; init; }

    public required int Version { get; init; }

    public required string Title { get; init; }

    public required SopAgency Agency { get; init; }

    public SopDocument? Document { get; init; }

    public IReadOnlyList<string> LegalBasis { get; init; } = [];

    public IReadOnlyList<string> Qualifications { get; init; } = [];

    public IReadOnlyList<string> RelatedSops { get; init; } = [];

    public IReadOnlyList<string> Equipment { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyList<string> Records { get; init; } = [];

    public CalendarMode Calendar { get; init; } = CalendarMode.Working;

    /// <summary>When runs start by themselves for every OPD on this template; null means only by hand.</summary>
    public StartSchedule? Schedule { get; init; }

    /// <summary>Set by the server when the version is published; a schedule never starts what came before it.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    public required IReadOnlyList<SopRole> Roles { get; init; }

    public required IReadOnlyList<SopStep> Steps { get; init; }

    public IReadOnlyList<string> Interpretation { get; init; } = [];

    /// <summary>Importer drafts only: what to check before publishing, each blocking or advisory; never stored with a published version.</summary>
    public IReadOnlyList<ImportWarning>? ImportWarnings { get; init; }

    public SopStep? FindStep(string stepId) => Steps.FirstOrDefault(s => s.Id == stepId);

    public int IndexOf(string stepId)
    {
        for (int i = 0; i < Steps.Count; i++)
        {
            if (Steps[i].Id == stepId)
            {
                return i;
            }
        }

        return -1;
    }

    public SopRole? FindRole(string roleId) => Roles.FirstOrDefault(r => r.Id == roleId);

    /// <summary>
    /// The supervisor of a role for escalation: the Pelaksana column to its left, since SOP tables list actors
    /// from the most senior down. The leftmost role has none here; escalation then goes to the head of the OPD.
    /// </summary>
    public string? SupervisorOf(string roleId)
    {
        for (int i = 1; i < Roles.Count; i++)
        {
            if (Roles[i].Id == roleId)
            {
                return Roles[i - 1].Id;
            }
        }

        return null;
    }

    /// <summary>The key a run pins: id and version.</summary>
    public string VersionKey => $"{Id}@{Version}";
}

using System.Text.Json;
using SakipServerless.Core;

namespace SakipServerless.Api.Seeding;

/// <summary>
/// The demo material in <c>Seeding/demo-data.json</c>: one pemda per seed SOP, each with its OPD, units and indicators.
/// Kept as data rather than code so the provenance notes (which values are real, which are demo) travel with the values.
/// </summary>
internal sealed record DemoData
{
    public const string FileName = "demo-data.json";

    /// <summary>Where the values come from and what "demo" marks mean.</summary>
    public required string Note { get; init; }

    public required IReadOnlyList<DemoTenant> Tenants { get; init; }

    /// <summary>The file as copied next to the application (the API project's content, also copied into test output).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Seeding", FileName);

    public static DemoData Load(string? path = null)
    {
        path ??= DefaultPath;
        var data = JsonSerializer.Deserialize<DemoData>(File.ReadAllText(path), CoreJson.Options)
            ?? throw new InvalidDataException($"{path} is empty.");
        data.EnsureConsistent(path);
        return data;
    }

    /// <summary>
    /// Catches mistakes in the hand-written file at start rather than as a half-seeded database: unknown units in
    /// <c>reportedBy</c>, duplicate ids, quarterly targets that are not four values.
    /// </summary>
    private void EnsureConsistent(string path)
    {
        foreach (var tenant in Tenants)
        {
            var units = tenant.Units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
            if (units.Count != tenant.Units.Count)
            {
                throw new InvalidDataException($"{path}: tenant '{tenant.Id}' lists a unit id twice.");
            }

            if (tenant.Indicators.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count() != tenant.Indicators.Count)
            {
                throw new InvalidDataException($"{path}: tenant '{tenant.Id}' lists an indicator id twice.");
            }

            foreach (var indicator in tenant.Indicators)
            {
                if (indicator.TargetTriwulan.Count != 4)
                {
                    throw new InvalidDataException($"{path}: indicator '{tenant.Id}/{indicator.Id}' needs four quarterly targets (null for none).");
                }

                if (indicator.ReportedBy.FirstOrDefault(u => !units.Contains(u)) is { } unknown)
                {
                    throw new InvalidDataException($"{path}: indicator '{tenant.Id}/{indicator.Id}' is reported by unknown unit '{unknown}'.");
                }
            }

            // A submission needs at least one realisasi (there are no evidence files in the demo), so every unit must
            // report an indicator that has a target in every quarter.
            foreach (var unit in tenant.Units)
            {
                for (int quarter = 1; quarter <= 4; quarter++)
                {
                    if (!tenant.Indicators.Any(i => i.ReportedBy.Contains(unit.Id) && i.TargetFor(quarter) is not null))
                    {
                        throw new InvalidDataException($"{path}: unit '{tenant.Id}/{unit.Id}' reports no indicator with a target in quarter {quarter}.");
                    }
                }
            }
        }
    }
}

using SakipServerless.Api.MasterData.Indicators;
using SakipServerless.Core.MasterData;

namespace SakipServerless.Api.MasterData.Import;

/// <summary>Matches the sheet's rows to the OPD's indicators of the year by kode: a known kode updates, a new one creates.</summary>
public static class ImportPlanner
{
    public static IReadOnlyList<ImportedRow> Plan(CsvSheet sheet, IReadOnlyList<IndicatorRecord> tenantIndicators, string tenantId, string opdId, int year)
    {
        var existing = tenantIndicators.Where(i => i.OpdId == opdId && i.Year == year).ToList();
        var taken = tenantIndicators.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var planned = new List<ImportedRow>();
        foreach (var row in sheet.Rows)
        {
            var warnings = IndicatorRules.Warnings(row.Draft);
            var match = existing.FirstOrDefault(i => IndicatorKode.SameKode(i, row.Draft.Kode));
            if (match is not null)
            {
                var updated = row.Draft.ToRecord(match.Id, tenantId, opdId, year);
                planned.Add(new(row.Row, row.Draft.Kode, updated == match ? ImportedRow.Unchanged : ImportedRow.Update, updated, warnings.Count > 0 ? warnings : null));
                continue;
            }

            string id = IndicatorKode.NewId(opdId, year, row.Draft.Kode, taken);
            taken.Add(id);
            planned.Add(new(row.Row, row.Draft.Kode, ImportedRow.Create, row.Draft.ToRecord(id, tenantId, opdId, year), warnings.Count > 0 ? warnings : null));
        }

        return planned;
    }
}

using SakipServerless.Core.MasterData;

namespace SakipServerless.Dashboard.Api.Models;

/// <summary>The pemda's settings as <c>GET /api/tenants/current</c> gives them to its admin.</summary>
public sealed record TenantSettingsDto(string Id, string Name, string TimeZone, string ZoneLabel, List<DateOnly> LiburDaerah, decimal? CapaianCap);

/// <summary>A published SOP template in the list: its latest version and every version.</summary>
public sealed record TemplateSummaryDto(string Id, int Version, string Title, string Agency, int Steps, List<int> Versions);

/// <summary>The answer to an indicator import or its dry run: counts and what happens to each row.</summary>
public sealed record IndicatorImportDto(string OpdId, int Year, bool DryRun, int Created, int Updated, int Unchanged, int NotInFile,
    string Separator, string Encoding, List<IndicatorImportRowDto> Rows);

public sealed record IndicatorImportRowDto(int Row, string Kode, string Action, IndicatorRecord Indicator, List<string>? Warnings);

using SakipServerless.Core.MasterData;

namespace SakipServerless.Api.Dashboard;

/// <summary>What one request may see and asked for: the tenant, the year and period, and the OPDs in scope after access rules.</summary>
/// <param name="Period">The period asked for; the whole year when only a year (or nothing) was given.</param>
/// <param name="OpdId">The OPD asked for (or forced for OPD staff); null means every OPD of the tenant.</param>
/// <param name="PeriodChosen">True when the request named a year or a period; the overdue list is then narrowed to it.</param>
public sealed record DashboardScope(Tenant Tenant, int Year, DashboardPeriod Period, string? OpdId, string? Sasaran, IReadOnlyList<Opd> Opds, bool PeriodChosen);

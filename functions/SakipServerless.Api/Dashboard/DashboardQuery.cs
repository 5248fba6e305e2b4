namespace SakipServerless.Api.Dashboard;

/// <summary>
/// The slicers of every dashboard endpoint, read from the query string as text so that a bad value gets a field
/// message in Bahasa Indonesia rather than a generic binding error. Empty values mean "not set" (an HTML form
/// sends <c>opdId=</c> for "Semua OPD").
/// </summary>
public sealed record DashboardQuery(string? Year, string? Period, string? OpdId, string? Sasaran);

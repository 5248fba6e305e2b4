using Microsoft.AspNetCore.Mvc;

namespace SakipServerless.Api.Dashboard;

/// <summary>
/// The slicers of every dashboard endpoint, read from the query string as text so that a bad value gets a field
/// message in Bahasa Indonesia rather than a generic binding error. Empty values mean "not set" (an HTML form
/// sends <c>opdId=</c> for "Semua OPD"). Names are given so the OpenAPI document shows them as clients send them.
/// </summary>
public sealed record DashboardQuery
{
    [FromQuery(Name = "year")]
    public string? Year { get; init; }

    [FromQuery(Name = "period")]
    public string? Period { get; init; }

    [FromQuery(Name = "opdId")]
    public string? OpdId { get; init; }

    [FromQuery(Name = "sasaran")]
    public string? Sasaran { get; init; }
}

namespace SakipServerless.Api.Dashboard;

/// <summary>Dashboard read models and rekap exports (built by the dashboard read-model work).</summary>
public static class DashboardApi
{
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api) => api;
}

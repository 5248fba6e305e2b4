namespace SakipServerless.Dashboard.Shared;

/// <summary>Small helpers for the page URL.</summary>
public static class QueryHelpers
{
    /// <summary>The current path and query without the <c>pemda</c> slicer (used as the way back after signing in there).</summary>
    public static string RemovePemda(HttpRequest request)
    {
        var kept = request.Query.Where(q => q.Key != "pemda").SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"));
        string query = string.Join('&', kept);
        return request.Path + (query.Length > 0 ? "?" + query : "");
    }
}

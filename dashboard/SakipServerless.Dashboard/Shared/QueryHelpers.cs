namespace SakipServerless.Dashboard.Shared;

/// <summary>Small helpers for the page URL.</summary>
public static class QueryHelpers
{
    /// <summary>The current path and query without the <c>pemda</c> slicer (used as the way back after signing in there).</summary>
    public static string RemovePemda(HttpRequest request) => RemovePemda(request.Path, request.Query);

    /// <summary>The same for a full URL (an interactive page knows its URL, not a request).</summary>
    public static string RemovePemda(Uri uri) =>
        RemovePemda(uri.AbsolutePath, new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query)));

    private static string RemovePemda(string path, IQueryCollection query)
    {
        var kept = query.Where(q => q.Key != "pemda").SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"));
        string joined = string.Join('&', kept);
        return path + (joined.Length > 0 ? "?" + joined : "");
    }
}

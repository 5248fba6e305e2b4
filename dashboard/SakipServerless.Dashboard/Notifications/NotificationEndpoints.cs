using System.Text.Json;
using SakipServerless.Dashboard.Api;

namespace SakipServerless.Dashboard.Notifications;

/// <summary>
/// The notification centre's non-page routes: the unread count an open page polls to keep the bell current, and the
/// link of a notification, which marks it read on the way to what it is about.
/// </summary>
public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/notifikasi/jumlah", async (HttpContext http, SakipApiClient api) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            var inbox = await api.GetInboxAsync(1, http.RequestAborted);
            return inbox.Ok
                ? Results.Json(new { unread = inbox.Value!.UnreadCount }, JsonSerializerOptions.Web)
                : Results.Problem(inbox.Problem!.Message, statusCode: inbox.Problem.Status);
        }).RequireAuthorization();

        // A GET, because it is a link (open in a new tab, long-press on a phone); reading twice is harmless.
        app.MapGet("/notifikasi/{id}/buka", async (string id, string? ke, HttpContext http, SakipApiClient api) =>
        {
            await api.MarkReadAsync(id, http.RequestAborted); // gone or already read: the reader still goes where it leads
            return Results.Redirect(ke is { Length: > 1 } && ke[0] == '/' && ke[1] != '/' && ke[1] != '\\' ? ke : "/notifikasi");
        }).RequireAuthorization();
        return app;
    }
}

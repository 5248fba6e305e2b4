using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SakipServerless.Api.Auth;
using SakipServerless.Api.Errors;
using SakipServerless.Api.Hosting.OpenApi;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Notifications;

/// <summary>
/// The in-app inbox of the signed-in user (list, mark read) and, for admins, the webhook deliveries of their pemda.
/// A user only ever reaches his own entries: every query is keyed by the tenant and user of the token.
/// </summary>
public static class NotificationsApi
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 200;

    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var inbox = api.MapGroup("/me/inbox").WithTags("Notifications");
        inbox.MapGet("/", ListInboxAsync).WithSummary("Kotak masuk notifikasi saya, terbaru lebih dulu, dengan jumlah yang belum dibaca");
        inbox.MapPost("/{id}/read", MarkReadAsync).DocumentsNoBody().WithSummary("Menandai satu notifikasi sudah dibaca");
        inbox.MapPost("/read-all", MarkAllReadAsync).DocumentsNoBody().WithSummary("Menandai semua notifikasi saya sudah dibaca");

        var webhooks = api.MapGroup("/notifications").WithTags("Notifications");
        webhooks.MapGet("/webhook-failures", (int? limit, CurrentUser me, INotificationStore store, CancellationToken ct) =>
                ListDeliveriesAsync(null, problemsOnly: true, limit, me, store, ct))
            .WithSummary("Kiriman webhook yang gagal permanen atau sedang diulang (khusus admin)");
        webhooks.MapGet("/webhook-deliveries", (string? status, int? limit, CurrentUser me, INotificationStore store, CancellationToken ct) =>
                ListDeliveriesAsync(status, problemsOnly: false, limit, me, store, ct))
            .WithSummary("Kiriman webhook menurut status: pending, delivered, failed (khusus admin)");
        return api;
    }

    private static async Task<Results<Ok<InboxView>, ValidationProblem>> ListInboxAsync(bool? unreadOnly, int? limit, CurrentUser me,
        INotificationStore store, CancellationToken ct)
    {
        if (InvalidLimit(limit) is { } invalid)
        {
            return invalid;
        }

        var user = await me.GetAsync(ct);
        var page = await store.ListInboxAsync(user.TenantId, user.Id, unreadOnly ?? false, limit ?? DefaultLimit, ct);
        return TypedResults.Ok(new InboxView(page.UnreadCount, [.. page.Entries.Select(InboxItemView.From)]));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkReadAsync(string id, CurrentUser me, INotificationStore store,
        TimeProvider clock, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        return await store.MarkReadAsync(user.TenantId, user.Id, id, clock.GetUtcNow(), ct)
            ? TypedResults.NoContent()
            : Problems.NotFound($"Notifikasi '{id}' tidak ditemukan di kotak masuk Anda.");
    }

    private static async Task<Ok<MarkAllReadResult>> MarkAllReadAsync(CurrentUser me, INotificationStore store, TimeProvider clock, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        return TypedResults.Ok(new MarkAllReadResult(await store.MarkAllReadAsync(user.TenantId, user.Id, clock.GetUtcNow(), ct)));
    }

    private static async Task<IResult> ListDeliveriesAsync(string? status, bool problemsOnly, int? limit, CurrentUser me, INotificationStore store,
        CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        if (!AccessPolicy.CanAdminister(user, user.TenantId))
        {
            return Problems.Forbidden("Hanya admin yang dapat melihat kiriman webhook.");
        }

        if (InvalidLimit(limit) is { } invalid)
        {
            return invalid;
        }

        WebhookDeliveryStatus? filter = null;
        if (status is not null)
        {
            filter = Enum.GetValues<WebhookDeliveryStatus>().Cast<WebhookDeliveryStatus?>()
                .FirstOrDefault(s => JsonNamingPolicy.KebabCaseLower.ConvertName(s!.Value.ToString()) == status);
            if (filter is null)
            {
                return Problems.Validation(new Dictionary<string, string[]> { ["status"] = ["Status harus salah satu dari: pending, delivered, failed."] });
            }
        }

        var deliveries = await store.ListWebhookDeliveriesAsync(new WebhookDeliveryQuery(user.TenantId, filter, problemsOnly, limit ?? DefaultLimit), ct);
        return TypedResults.Ok(deliveries.Select(WebhookDeliveryView.From).ToList());
    }

    private static ValidationProblem? InvalidLimit(int? limit) => limit is null or (>= 1 and <= MaxLimit)
        ? null
        : Problems.Validation(new Dictionary<string, string[]> { ["limit"] = [$"Jumlah (limit) harus antara 1 dan {MaxLimit}."] });
}

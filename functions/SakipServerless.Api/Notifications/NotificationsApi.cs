namespace SakipServerless.Api.Notifications;

/// <summary>In-app inbox and webhook delivery of outbox notifications (built by the notifications work).</summary>
public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api) => api;
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SakipServerless.Api.Hosting;

namespace SakipServerless.Api.Notifications;

/// <summary>Registrations of the notification dispatcher, its webhook client and its settings check.</summary>
public static class NotificationsServiceCollectionExtensions
{
    public static IServiceCollection AddSakipNotifications(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SakipOptions>, NotificationOptionsValidator>());
        services.AddHttpClient(WebhookSender.ClientName, (sp, client) =>
        {
            client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<SakipOptions>>().Value.Notifications.WebhookTimeoutSeconds);
            client.DefaultRequestHeaders.UserAgent.ParseAdd("SakipServerless-Webhook/1.0");
        });
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService<NotificationDispatcherService>();
        return services;
    }
}

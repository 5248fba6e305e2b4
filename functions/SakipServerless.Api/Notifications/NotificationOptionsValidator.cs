using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SakipServerless.Api.Hosting;

namespace SakipServerless.Api.Notifications;

/// <summary>
/// Validates <c>Sakip:Notifications</c> at start: data-annotation validation of <see cref="SakipOptions"/> does not reach
/// nested sections, and the webhook URL must be an absolute http(s) address.
/// </summary>
public sealed class NotificationOptionsValidator : IValidateOptions<SakipOptions>
{
    public ValidateOptionsResult Validate(string? name, SakipOptions options)
    {
        var settings = options.Notifications;
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
        var errors = results.Select(r => $"Sakip:Notifications: {r.ErrorMessage}").ToList();
        if (!string.IsNullOrWhiteSpace(settings.WebhookUrl)
            && !(Uri.TryCreate(settings.WebhookUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add("Sakip:Notifications:WebhookUrl must be an absolute http or https URL.");
        }

        if (settings.WebhookMaxDelaySeconds < settings.WebhookBaseDelaySeconds)
        {
            errors.Add("Sakip:Notifications:WebhookMaxDelaySeconds must not be below WebhookBaseDelaySeconds.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

using Microsoft.Extensions.Options;
using SakipServerless.Api.Hosting;

namespace SakipServerless.Api.Auth;

/// <summary>
/// Refuses to start with an identity setting that cannot work: an unknown mode, the platform mode without a way to
/// find user and tenant, or the platform mode beside the development sign-in (two ways in, one of them passwordless).
/// </summary>
public sealed class IdentityOptionsValidator(IOptions<SakipOptions> sakip) : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions options)
    {
        var failures = new List<string>();
        if (!options.IsAppService && !string.Equals(options.Mode, IdentityOptions.DevMode, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Sakip:Identity:Mode '{options.Mode}' is unknown; use '{IdentityOptions.DevMode}' or '{IdentityOptions.AppServiceMode}'.");
        }

        if (options.IsAppService)
        {
            if (string.IsNullOrWhiteSpace(options.UserIdClaim))
            {
                failures.Add("Sakip:Identity:UserIdClaim must name the claim that carries the user id.");
            }

            if (string.IsNullOrWhiteSpace(options.TenantIdClaim) && string.IsNullOrWhiteSpace(options.TenantId))
            {
                failures.Add("Sakip:Identity needs TenantIdClaim (multi-pemda) or TenantId (single pemda).");
            }

            if (sakip.Value.Development.EnableDevSignIn)
            {
                failures.Add("Sakip:Development:EnableDevSignIn must be off when Sakip:Identity:Mode is 'appservice'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

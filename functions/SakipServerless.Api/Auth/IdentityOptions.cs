namespace SakipServerless.Api.Auth;

/// <summary>
/// Settings under <c>Sakip:Identity</c>: where identity comes from. <c>dev</c> (default): bearer tokens of the
/// development sign-in. <c>appservice</c>: the platform's <c>X-MS-CLIENT-PRINCIPAL</c> header (App Service / Azure
/// Functions Authentication), trusted only in this mode. Validated on start by <see cref="IdentityOptionsValidator"/>.
/// </summary>
public sealed class IdentityOptions
{
    public const string Section = "Sakip:Identity";

    public const string DevMode = "dev";
    public const string AppServiceMode = "appservice";

    public string Mode { get; set; } = DevMode;

    /// <summary>Claim type of the platform principal whose value is our user id (the id of the user record).</summary>
    public string UserIdClaim { get; set; } = "sakip_user";

    /// <summary>Claim type whose value is the tenant (pemda) id; empty when every user belongs to <see cref="TenantId"/>.</summary>
    public string? TenantIdClaim { get; set; } = "sakip_tenant";

    /// <summary>The pemda of a single-tenant deployment, used when the principal carries no tenant claim.</summary>
    public string? TenantId { get; set; }

    public bool IsAppService => string.Equals(Mode, AppServiceMode, StringComparison.OrdinalIgnoreCase);
}

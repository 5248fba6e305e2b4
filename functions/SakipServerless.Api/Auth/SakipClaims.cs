namespace SakipServerless.Api.Auth;

/// <summary>The claims our principals carry: who (user id) and where (tenant); everything else is read from the user record.</summary>
public static class SakipClaims
{
    public const string UserId = "sub";
    public const string TenantId = "tenant";
}

using System.Text.Json.Serialization;

namespace SakipServerless.Api.Auth;

/// <summary>The JSON inside <c>X-MS-CLIENT-PRINCIPAL</c> (Base64) as App Service Authentication writes it.</summary>
public sealed record ClientPrincipal(
    [property: JsonPropertyName("auth_typ")] string? AuthType,
    [property: JsonPropertyName("name_typ")] string? NameType,
    [property: JsonPropertyName("role_typ")] string? RoleType,
    [property: JsonPropertyName("claims")] IReadOnlyList<ClientPrincipalClaim>? Claims);

/// <summary>One claim of a <see cref="ClientPrincipal"/>.</summary>
public sealed record ClientPrincipalClaim(
    [property: JsonPropertyName("typ")] string? Type,
    [property: JsonPropertyName("val")] string? Value);

namespace SakipServerless.Dashboard.Api;

/// <summary>
/// The backend refused the token (expired or signed out): the request cannot go on, so the sign-in middleware turns
/// this into a redirect to the sign-in page instead of every page handling it.
/// </summary>
public sealed class ApiUnauthorizedException() : Exception("Sesi berakhir; silakan masuk kembali.");

using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace SakipServerless.Dashboard.Api;

/// <summary>
/// Gives a circuit's <see cref="ApiCaller"/> the signed-in user of the connection that opened it. Circuit handlers
/// run in the circuit's own scope, before its components are rendered, so every API call of an interactive page
/// carries the user's token without reaching for an HttpContext that no longer exists.
/// </summary>
public sealed class CircuitCaller(ApiCaller caller, AuthenticationStateProvider authentication) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        caller.UseCircuitUser((await authentication.GetAuthenticationStateAsync()).User);
        authentication.AuthenticationStateChanged += Changed;
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= Changed;

    private async void Changed(Task<AuthenticationState> state)
    {
        try
        {
            caller.UseCircuitUser((await state).User);
        }
        catch (InvalidOperationException)
        {
            // A state that failed to load leaves the previous user; the backend still checks every token.
        }
    }
}

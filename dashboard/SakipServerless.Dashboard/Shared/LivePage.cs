using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using SakipServerless.Dashboard.Api;

namespace SakipServerless.Dashboard.Shared;

/// <summary>
/// What the interactive pages (InteractiveServer) share: an expired session ends on the sign-in page with the way
/// back, slicers go into the URL without a reload, and the page follows the backend live by reading again every few
/// seconds and redrawing only when what it shows changed. The dashboard may run apart from the API, so the circuit
/// asks (a call inside the data centre) rather than waiting for a push; dashboard/README.md says why.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource closing = new();

    [Inject] protected NavigationManager Nav { get; set; } = default!;

    [Inject] protected IJSRuntime JS { get; set; } = default!;

    /// <summary>Cancelled when the page (its circuit) closes.</summary>
    protected CancellationToken Closing => closing.Token;

    /// <summary>True after a live refresh changed what the page shows ("diperbarui otomatis").</summary>
    protected bool Refreshed { get; set; }

    private bool started;
    private int question;

    /// <summary>
    /// What the page currently asks the backend (its slicers, a cross-filter), as a number that grows with every
    /// change the user makes. A read captures it when it starts and draws its answer only if it is still the
    /// current question: a live refresh that was reading for the previous slicers when the user changed them must
    /// not overwrite the new view with the old one.
    /// </summary>
    protected int Question => question;

    /// <summary>The user changed what the page shows: reads already under way are for a stale question.</summary>
    protected void AskAnew() => question++;

    /// <summary>The page's own URL with its current slicers: where signing in again returns to.</summary>
    protected abstract string CurrentUrl { get; }

    /// <summary>
    /// Reads what the page shows, before its first render: once while prerendering, and again in the circuit. The
    /// circuit's first render replaces the prerendered HTML, so reading first keeps that HTML on screen meanwhile
    /// instead of an empty page. The circuit reads the backend itself (a call inside the data centre) rather than
    /// receiving the prerendered view as persisted state, which a phone would download in the page and upload again
    /// to open the circuit (and which outgrows SignalR's 32 KB message for a large pemda).
    /// </summary>
    protected abstract Task LoadFirstAsync();

    public override async Task SetParametersAsync(ParameterView parameters)
    {
        if (started)
        {
            await base.SetParametersAsync(parameters);
            return;
        }

        started = true;
        parameters.SetParameterProperties(this);
        await GuardAsync(LoadFirstAsync);
        await base.SetParametersAsync(ParameterView.Empty);
    }

    /// <summary>Runs <paramref name="work"/>; a session the backend no longer accepts leads to the sign-in page.</summary>
    protected async Task GuardAsync(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (ApiUnauthorizedException) when (RendererInfo.IsInteractive)
        {
            Nav.NavigateTo("/masuk?berakhir=1&kembali=" + Uri.EscapeDataString(CurrentUrl), forceLoad: true);
        }
    }

    /// <summary>Puts the current view into the address bar (pushState: Back returns to the previous view).</summary>
    protected async Task PushUrlAsync()
    {
        try
        {
            await JS.InvokeVoidAsync("history.pushState", null, "", CurrentUrl);
        }
        catch (JSDisconnectedException)
        {
            // The page is gone; there is no address bar to update.
        }
    }

    /// <summary>
    /// Starts the live refresh once the circuit is up: every <paramref name="every"/>, <paramref name="reload"/>
    /// reads again and says whether what the page shows changed; only then is it rendered again.
    /// </summary>
    protected void StartLiveRefresh(int everySeconds, Func<Task<bool>> reload)
    {
        if (everySeconds > 0 && RendererInfo.IsInteractive)
        {
            _ = RefreshLoopAsync(TimeSpan.FromSeconds(everySeconds), reload);
        }
    }

    private async Task RefreshLoopAsync(TimeSpan every, Func<Task<bool>> reload)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(closing.Token))
            {
                await InvokeAsync(async () =>
                {
                    bool changed = false;
                    await GuardAsync(async () => changed = await reload());
                    if (changed)
                    {
                        Refreshed = true;
                        StateHasChanged();
                    }
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }

    public void Dispose()
    {
        closing.Cancel();
        closing.Dispose();
        GC.SuppressFinalize(this);
    }
}

using Microsoft.AspNetCore.Components.Server.Circuits;

namespace SakipServerless.Dashboard.Bench;

/// <summary>Counts the dashboard's open circuits and their live connections (registered by the bench only, beside the app's own handler).</summary>
public sealed class CircuitCounter : CircuitHandler
{
    private int _open, _connected;

    public int Open => Volatile.Read(ref _open);

    public int Connected => Volatile.Read(ref _connected);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _connected);
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _connected);
        return Task.CompletedTask;
    }

    /// <summary>Waits until no circuit is open (closed pages send Blazor's disconnect beacon), at most <paramref name="timeout"/>.</summary>
    public async Task<bool> DrainAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Open > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        return Open == 0;
    }
}

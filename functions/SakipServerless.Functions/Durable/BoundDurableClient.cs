using Microsoft.DurableTask.Client;

namespace SakipServerless.Functions.Durable;

/// <summary>
/// The <see cref="DurableTaskClient"/> of the invocation that is running. The extension hands a client to a function
/// only through its <c>[DurableClient]</c> binding, while the backend's durable engine takes a
/// <c>DurableRunClient</c> from the container; each function binds its client here for the duration of its work.
/// </summary>
/// <remarks>An async-local value, like <c>IHttpContextAccessor</c>: it flows into everything the invocation awaits and
/// never into another invocation running beside it.</remarks>
public sealed class BoundDurableClient
{
    private readonly AsyncLocal<DurableTaskClient?> _current = new();

    /// <summary>The bound client; outside a function that bound one, a clear error instead of a null deep in the engine.</summary>
    public DurableTaskClient Current => _current.Value
        ?? throw new InvalidOperationException("No DurableTaskClient is bound: the durable engine runs only inside a function that declares [DurableClient] and binds it.");

    public bool IsBound => _current.Value is not null;

    /// <summary>Binds <paramref name="client"/> until the returned scope is disposed.</summary>
    public IDisposable Bind(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var previous = _current.Value;
        _current.Value = client;
        return new Scope(this, previous);
    }

    private sealed class Scope(BoundDurableClient owner, DurableTaskClient? previous) : IDisposable
    {
        public void Dispose() => owner._current.Value = previous;
    }
}

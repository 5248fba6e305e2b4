using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Core.Storage;
using SakipServerless.Engine.Durable;
using SakipServerless.Engine.Durable.Client;
using SakipServerless.Engine.Durable.Projection;

namespace SakipServerless.Api.Tests.Support;

/// <summary>
/// The durable engine's host for API tests: a DurableTaskTestHost started with the app's first command, whose
/// activities write to the app's own store, so the API reads what the orchestrations project.
/// </summary>
public sealed class InProcessDurableEngine : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private DurableTaskTestHost? _host;

    public static IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Sakip:Engine:Mode"] = "durable",
        ["Sakip:Engine:CommandWaitMilliseconds"] = "5000",
    };

    public void Register(IServiceCollection services) =>
        services.AddSingleton(sp => new DurableRunClient(Host(sp).Client));

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private DurableTaskTestHost Host(IServiceProvider app)
    {
        lock (_gate)
        {
            // Started from the app's container once it exists: the worker needs the app's store and answer renderer.
            return _host ??= DurableTaskTestHost.StartAsync(r => r.AddSakipRunEngine(), new DurableTaskTestHostOptions
            {
                ConfigureServices = services => services
                    .AddSingleton(app.GetRequiredService<IRunStore>())
                    .AddSingleton(app.GetRequiredService<IProjectionAnswers>()),
            }).GetAwaiter().GetResult();
        }
    }
}

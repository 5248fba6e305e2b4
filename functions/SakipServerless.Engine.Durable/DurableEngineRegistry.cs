using Microsoft.DurableTask;
using SakipServerless.Engine.Durable.Orchestration;
using SakipServerless.Engine.Durable.Projection;

namespace SakipServerless.Engine.Durable;

/// <summary>Registers the run engine's orchestrator and activities by type (no source generator): the worker builds activities with DI, so <c>IRunStore</c> must be registered.</summary>
public static class DurableEngineRegistry
{
    public static DurableTaskRegistry AddSakipRunEngine(this DurableTaskRegistry registry) =>
        registry.AddOrchestrator<SopRunOrchestrator>().AddActivity<WriteRunProjection>();
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using SakipServerless.Engine.Durable.Orchestration;

namespace SakipServerless.Functions.Orchestration;

/// <summary>
/// The run orchestration as a function: the Functions host dispatches orchestrations by function name, and the
/// class-based <see cref="SopRunOrchestrator"/> has no generated wrapper here (the DurableTask source generator is
/// not available), so this one forwards to it. The name stays the class's, which is what <c>DurableRunClient</c> schedules.
/// </summary>
public static class SopRunOrchestration
{
    [Function(nameof(SopRunOrchestrator))]
    public static Task<string> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new SopRunOrchestrator().RunAsync(context, context.GetInput<string>() ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} started without its state."));
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using SakipServerless.Core.Storage;
using SakipServerless.Engine.Durable.Projection;

namespace SakipServerless.Functions.Orchestration;

/// <summary>
/// The projection-write activity as a function, named as the orchestrator calls it
/// (<c>nameof(WriteRunProjection)</c>); the work is <see cref="WriteRunProjection"/>'s, built per call from the
/// app's store and projection answers like the DurableTask worker would.
/// </summary>
/// <remarks>The wrapper class has its own name: the DurableTask analyzer fails (AD0001) when a TaskActivity class
/// and the class holding its [Function] share one.</remarks>
public sealed class WriteRunProjectionActivity(IRunStore runs, IEnumerable<IProjectionAnswers> answers)
{
    [Function(nameof(WriteRunProjection))]
    public Task<ProjectionResult> RunAsync([ActivityTrigger] string input, FunctionContext context) =>
        new WriteRunProjection(runs, answers).RunAsync(new FunctionActivityContext(context), input);
}

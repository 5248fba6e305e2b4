using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace SakipServerless.Functions.Orchestration;

/// <summary>
/// The <see cref="TaskActivityContext"/> a class-based activity expects, taken from the function invocation: its
/// name is the function's, its instance id the one the host passes in the trigger's binding data.
/// </summary>
internal sealed class FunctionActivityContext(FunctionContext function) : TaskActivityContext
{
    public override TaskName Name => function.FunctionDefinition.Name;

    public override string InstanceId =>
        function.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? "" : "";
}

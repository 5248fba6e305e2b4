using Microsoft.Azure.Functions.Worker;
using Moq;

namespace SakipServerless.Functions.Tests.Durable;

/// <summary>A FunctionContext as the worker gives an activity: the function's name and the trigger's binding data.</summary>
public static class FunctionContexts
{
    public static FunctionContext For(string functionName, IServiceProvider services, IReadOnlyDictionary<string, object?>? bindingData = null, CancellationToken ct = default)
    {
        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.Name).Returns(functionName);
        var binding = new Mock<BindingContext>();
        binding.SetupGet(b => b.BindingData).Returns(bindingData ?? new Dictionary<string, object?>());
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        context.SetupGet(c => c.BindingContext).Returns(binding.Object);
        context.SetupGet(c => c.InstanceServices).Returns(services);
        context.SetupGet(c => c.CancellationToken).Returns(ct);
        context.SetupGet(c => c.InvocationId).Returns(Guid.NewGuid().ToString("N"));
        return context.Object;
    }
}

using SakipServerless.Dashboard.Api.Models;

namespace SakipServerless.Dashboard.Tasks;

/// <summary>The signed-in user's open tasks and the backend's clock at reading.</summary>
public sealed class MyTasksView
{
    public DateTimeOffset Now { get; set; }

    public List<MyTaskDto> Tasks { get; set; } = [];
}

using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace SakipServerless.Engine.Durable.Local;

/// <summary>
/// The Azure Storage provider as the gRPC sidecar needs it. Every deviation from the provider's defaults is here, each
/// with the reason it exists; the rest of this project uses the provider only through <see cref="Create"/>.
/// </summary>
public static class AzureStorageProviderAdapter
{
    /// <summary>
    /// The provider backs off polling an idle queue up to this interval (default 30 s). Locally a queue is idle most of
    /// the time, so with the default a command or a due timer waits 10–16 s before the sidecar picks it up.
    /// </summary>
    public static readonly TimeSpan MaxQueuePollingInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a dequeued message stays invisible before another dequeue sees it again (default 5 minutes). A worker
    /// killed mid-episode leaves its message dequeued and undeleted; only when it reappears does the episode run again
    /// and its half-sent effects (a timer message already queued, its history not yet written) line up. Locally an
    /// episode or a projection write takes well under a second, and activities in progress are renewed by the sidecar,
    /// so a crash costs half a minute instead of five.
    /// </summary>
    public static readonly TimeSpan MessageVisibilityTimeout = TimeSpan.FromSeconds(30);

    public static AzureStorageOrchestrationService Create(LocalSidecarOptions options, ILoggerFactory loggerFactory) =>
        new(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(options.StorageConnectionString),
            TaskHubName = options.TaskHubName,
            MaxQueuePollingInterval = MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = MessageVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = MessageVisibilityTimeout,
            CustomMessageTypeBinder = new ProtobufMapBinder(),
            LoggerFactory = loggerFactory,
        });

    /// <summary>
    /// The sidecar copies a worker's tags into the core's actions as the protobuf <c>MapField</c> itself (typed only as
    /// <c>IDictionary</c>). The provider writes queue messages with type names, so the message would name a Google.Protobuf
    /// type that its reader refuses, and the message could never be read. Written as a plain dictionary, it reads back.
    /// </summary>
    private sealed class ProtobufMapBinder : ICustomTypeBinder
    {
        public void BindToName(Type serializedType, out string assemblyName, out string typeName)
        {
            var written = IsProtobufMap(serializedType) ? typeof(Dictionary<,>).MakeGenericType(serializedType.GetGenericArguments()) : serializedType;
            assemblyName = written.Assembly.FullName!;
            typeName = written.FullName!;
        }

        public Type BindToType(string assemblyName, string typeName) =>
            Type.GetType($"{typeName}, {assemblyName}", throwOnError: true)!;

        private static bool IsProtobufMap(Type type) =>
            type.IsGenericType && type.GetGenericTypeDefinition().FullName == "Google.Protobuf.Collections.MapField`2";
    }
}

using Microsoft.DurableTask.Client;
using SakipServerless.Engine.Durable.Orchestration;

namespace SakipServerless.Engine.Durable.Client;

/// <summary>One run's orchestration as the task hub lists it: whose run it is, its runtime status and what it last reported.</summary>
public sealed record RunOrchestrationSummary(string RunId, string TenantId, OrchestrationRuntimeStatus RuntimeStatus, RunStatusReport? Report);

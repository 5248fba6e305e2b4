using System.Text.Json;
using SakipServerless.Core;
using SakipServerless.Core.Storage;

namespace SakipServerless.Engine.Durable.Projection;

/// <summary>One write of a run's projection: the run (state, new history, outbox, submissions, due key) and an optional idempotency record.</summary>
/// <param name="ExpectedVersion">The projected version it follows; null for the run's creation.</param>
public sealed record ProjectionWrite(string RunJson, int Version, int? ExpectedVersion, IdempotencyRecord? Idempotency)
{
    public string ToJson() => JsonSerializer.Serialize(this, CoreJson.Options);

    public static ProjectionWrite Parse(string json) =>
        JsonSerializer.Deserialize<ProjectionWrite>(json, CoreJson.Options) ?? throw new JsonException("Penulisan proyeksi run kosong.");
}

using SakipServerless.Core.Runs;

namespace SakipServerless.Engine.Durable.Projection;

/// <summary>
/// Renders the answer stored under an <c>Idempotency-Key</c> from the run as just written, so a repeated key gets
/// the same bytes as the first answer. The API registers one (its run view); without one, the outcome is stored.
/// </summary>
public interface IProjectionAnswers
{
    Task<string> RenderAsync(SopRun run, int statusCode, CancellationToken ct);
}

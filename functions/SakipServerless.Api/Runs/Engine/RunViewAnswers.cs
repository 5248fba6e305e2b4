using System.Text.Json;
using SakipServerless.Api.Templates;
using SakipServerless.Core;
using SakipServerless.Core.Runs;
using SakipServerless.Engine.Durable.Projection;

namespace SakipServerless.Api.Runs.Engine;

/// <summary>The answer a keyed command stores in durable mode: the run's view, as the embedded engine stores it.</summary>
public sealed class RunViewAnswers(TemplateCatalog templates, RunContextFactory contexts) : IProjectionAnswers
{
    public async Task<string> RenderAsync(SopRun run, int statusCode, CancellationToken ct)
    {
        var template = await templates.GetAsync(run.TenantId, run.TemplateId, run.TemplateVersion, ct);
        return JsonSerializer.Serialize(RunView.From(run, template, contexts.Clock.GetUtcNow()), CoreJson.Options);
    }
}

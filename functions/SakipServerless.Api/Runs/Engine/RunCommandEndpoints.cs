namespace SakipServerless.Api.Runs.Engine;

/// <summary>The OpenAPI description every run command shares, whichever engine answers it.</summary>
public static class RunCommandEndpoints
{
    public static RouteHandlerBuilder AnswersRunCommand(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<RunView>()
        .Produces<CommandAccepted>(StatusCodes.Status202Accepted)
        .WithDescription("200 dengan keadaan pelaksanaan SOP yang baru, atau masalah (problem+json) dari domain: 404, 403, 409, 422. "
            + "Pada mesin durable, bila hasil belum tercatat dalam batas tunggu (Sakip:Engine:CommandWaitMilliseconds), jawabannya 202 "
            + "dengan header Location tempat hasilnya dapat diambil. Idempotency-Key yang sama memberi jawaban pertama.");
}

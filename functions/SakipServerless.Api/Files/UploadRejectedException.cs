using Microsoft.AspNetCore.Http.HttpResults;
using SakipServerless.Api.Errors;

namespace SakipServerless.Api.Files;

/// <summary>An upload refused for a reason the sender can act on; becomes a problem+json answer and nothing is kept.</summary>
public sealed class UploadRejectedException(int status, string code, string detail, IDictionary<string, object?>? extensions = null) : Exception(detail)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public IDictionary<string, object?>? Extensions { get; } = extensions;

    public ProblemHttpResult ToProblem() => Problems.Create(Status, Code, Message, Extensions);
}

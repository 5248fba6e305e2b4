namespace SakipServerless.Dashboard.Api;

/// <summary>A backend answer: the value on success, the problem otherwise. Pages show problems; they never throw them.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Ok => Problem is null;

    public static ApiResult<T> Success(T value) => new(value, null);

    public static ApiResult<T> Failure(ApiProblem problem) => new(default, problem);
}

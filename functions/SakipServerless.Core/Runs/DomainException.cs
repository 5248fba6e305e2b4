namespace SakipServerless.Core.Runs;

/// <summary>
/// A command the domain refuses. The message is in Bahasa Indonesia because it reaches the user as is;
/// <see cref="Code"/> is stable for clients and tests. A refused command has changed nothing.
/// </summary>
public sealed class DomainException(DomainErrorKind kind, string code, string message) : Exception(message)
{
    public DomainErrorKind Kind { get; } = kind;

    public string Code { get; } = code;

    public static DomainException Invalid(string code, string message) => new(DomainErrorKind.Invalid, code, message);

    public static DomainException NotFound(string code, string message) => new(DomainErrorKind.NotFound, code, message);

    public static DomainException Forbidden(string code, string message) => new(DomainErrorKind.Forbidden, code, message);

    public static DomainException Conflict(string code, string message) => new(DomainErrorKind.Conflict, code, message);
}

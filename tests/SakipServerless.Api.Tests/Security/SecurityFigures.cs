using Xunit.Abstractions;

namespace SakipServerless.Api.Tests.Security;

/// <summary>
/// Counts what a hardening test tried and how the API answered, prints it (visible with
/// <c>--logger "console;verbosity=detailed"</c>) and keeps the failures for one readable assertion at the end.
/// </summary>
public sealed class SecurityFigures(string title, ITestOutputHelper output)
{
    private readonly List<string> _failures = [];

    public int Tried { get; private set; }

    public int Rejected { get; private set; }

    public int ServerErrors { get; private set; }

    /// <summary>Records one answer; <paramref name="failure"/> says what was wrong with it, if anything.</summary>
    public void Record(string @case, int status, string? failure)
    {
        Tried++;
        if (status is >= 400 and < 500)
        {
            Rejected++;
        }

        if (status >= 500)
        {
            ServerErrors++;
        }

        if (failure is not null)
        {
            _failures.Add($"{@case}: {failure}");
        }
    }

    public void Fail(string what) => _failures.Add(what);

    public void Report()
    {
        output.WriteLine($"{title}: {Tried} tried, {Rejected} rejected (4xx), {ServerErrors} answered 5xx.");
        Assert.True(_failures.Count == 0, $"{title}: {_failures.Count} problem(s):\n" + string.Join('\n', _failures.Take(40)));
    }
}

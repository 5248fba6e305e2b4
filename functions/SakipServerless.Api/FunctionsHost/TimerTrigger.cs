namespace SakipServerless.Api.FunctionsHost;

/// <summary>
/// Endpoint metadata that makes an endpoint the handler side of a Functions <c>timerTrigger</c>: the function.json
/// generator writes the trigger from it, and the host POSTs each invocation to <c>/{FunctionName}</c>.
/// </summary>
/// <param name="FunctionName">Function folder name, and so the path the host invokes.</param>
/// <param name="Schedule">NCRONTAB with seconds (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>), UTC.</param>
/// <param name="BindingName">Name of the trigger binding: the key of the timer's entry in the invocation's <c>Data</c>.</param>
public sealed record TimerTrigger(string FunctionName, string Schedule, string BindingName = "timer")
{
    /// <summary>The handler path the host invokes the function at.</summary>
    public string InvocationPath => "/" + FunctionName;
}

namespace SakipServerless.Api.Runs.Engine;

/// <summary><c>Prefer: return=minimal</c> (RFC 7240): the answer leaves out the run's history, and says so.</summary>
public static class MinimalAnswers
{
    public static bool Preferred(HttpContext? context)
    {
        var request = context?.Request;
        if (request is null || !request.Headers["Prefer"].Any(p => p is not null && p.Contains("return=minimal", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        request.HttpContext.Response.Headers["Preference-Applied"] = "return=minimal";
        return true;
    }
}

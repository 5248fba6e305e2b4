using System.Text.RegularExpressions;

namespace SakipServerless.Api.Files;

/// <summary>The <c>Content-Range: bytes first-last/total</c> of a chunk (RFC 9110 §14.4), inclusive byte positions.</summary>
public sealed partial record ContentRange(long First, long Last, long Total)
{
    public long Length => Last - First + 1;

    public static ContentRange? Parse(string? header)
    {
        var match = header is null ? null : Pattern().Match(header.Trim());
        if (match is not { Success: true }
            || !long.TryParse(match.Groups[1].Value, out long first)
            || !long.TryParse(match.Groups[2].Value, out long last)
            || !long.TryParse(match.Groups[3].Value, out long total)
            || first > last || last >= total)
        {
            return null;
        }

        return new ContentRange(first, last, total);
    }

    [GeneratedRegex(@"^bytes ([0-9]{1,18})-([0-9]{1,18})/([0-9]{1,18})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

using System.Text.RegularExpressions;

namespace SakipServerless.Api.Tests.Deployment;

/// <summary>
/// A small structural reader of infra/main.bicep. No Bicep compiler can be installed here (neither npm, Debian nor
/// the NuGet copy ships one), so the tests read the text: declarations, app-setting arrays, delimiters.
/// </summary>
public sealed partial class BicepFile(string text)
{
    public static BicepFile Main { get; } = new(Repository.Read("infra", "main.bicep"));

    public string Text { get; } = text;

    /// <summary>The text with comments and string contents blanked, so delimiters and identifiers can be counted.</summary>
    public string Code { get; } = StripStringsAndComments(text);

    public IReadOnlyList<(string Symbol, string Type, string ApiVersion)> Resources =>
        [.. ResourceDeclaration().Matches(Text).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value))];

    public IReadOnlyList<string> Params => [.. ParamDeclaration().Matches(Text).Select(m => m.Groups[1].Value)];

    public IReadOnlyList<string> Vars => [.. VarDeclaration().Matches(Text).Select(m => m.Groups[1].Value)];

    public IReadOnlyList<string> Outputs => [.. OutputDeclaration().Matches(Text).Select(m => m.Groups[1].Value)];

    /// <summary>Name → raw value expression of the <c>{ name: … value: … }</c> objects in the array variable <paramref name="variable"/>.</summary>
    public IReadOnlyDictionary<string, string> AppSettings(string variable)
    {
        int start = Text.IndexOf($"var {variable} = ", StringComparison.Ordinal);
        Assert.True(start >= 0, $"main.bicep declares no variable {variable}");
        int end = Text.IndexOf("\n\n", start, StringComparison.Ordinal);
        string block = Text[start..(end < 0 ? Text.Length : end)];
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Setting().Matches(block))
        {
            Assert.True(settings.TryAdd(m.Groups[1].Value, m.Groups[2].Value.Trim()), $"{variable} sets {m.Groups[1].Value} twice");
        }

        return settings;
    }

    /// <summary>A literal value (<c>'false'</c>), or a parameter's literal default; null for values known only at deployment.</summary>
    public string? Resolve(string expression)
    {
        if (Literal().Match(expression) is { Success: true } literal)
        {
            return literal.Groups[1].Value;
        }

        var param = Regex.Match(Text, $@"^param {Regex.Escape(expression)} string = '([^']*)'$", RegexOptions.Multiline);
        return param.Success ? param.Groups[1].Value : null;
    }

    /// <summary>The decorator lines directly above a declaration.</summary>
    public IReadOnlyList<string> DecoratorsOf(string declaration)
    {
        var lines = Text.Split('\n');
        int at = Array.FindIndex(lines, l => l.StartsWith(declaration, StringComparison.Ordinal));
        Assert.True(at >= 0, $"no line starts with '{declaration}'");
        var decorators = new List<string>();
        for (int i = at - 1; i >= 0 && (lines[i].StartsWith('@') || lines[i].StartsWith("  '", StringComparison.Ordinal) || lines[i] == "])"); i--)
        {
            decorators.Add(lines[i]);
        }

        return decorators;
    }

    private static string StripStringsAndComments(string text)
    {
        var code = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                code.Append('\n');
            }
            else if (text[i] == '\'')
            {
                // '…' with \' escapes; interpolations ${…} inside are code, but blanking them keeps delimiters balanced.
                code.Append('\'');
                for (i++; i < text.Length && text[i] != '\''; i++)
                {
                    if (text[i] == '\\')
                    {
                        i++;
                    }

                    Assert.True(i < text.Length && text[i] != '\n', "a string literal in main.bicep is not closed on its line");
                }

                code.Append('\'');
            }
            else
            {
                code.Append(text[i]);
            }
        }

        return code.ToString();
    }

    [GeneratedRegex(@"^resource (\w+) '([\w./]+)@(\d{4}-\d{2}-\d{2}(?:-preview)?)' = ", RegexOptions.Multiline)]
    private static partial Regex ResourceDeclaration();

    [GeneratedRegex(@"^param (\w+) ", RegexOptions.Multiline)]
    private static partial Regex ParamDeclaration();

    [GeneratedRegex(@"^var (\w+) = ", RegexOptions.Multiline)]
    private static partial Regex VarDeclaration();

    [GeneratedRegex(@"^output (\w+) \w+ = ", RegexOptions.Multiline)]
    private static partial Regex OutputDeclaration();

    [GeneratedRegex(@"name: '([^']+)'\s*\n\s*value: ([^\n]+)")]
    private static partial Regex Setting();

    [GeneratedRegex(@"^'([^'$]*)'$")]
    private static partial Regex Literal();
}

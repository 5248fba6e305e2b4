using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SakipServerless.Api.Tests.Support;

/// <summary>The page sizes of a PDF as LibreOffice writes it (page objects in plain text, each with its MediaBox).</summary>
internal static partial class PdfPages
{
    public static List<(double Width, double Height)> Sizes(byte[] pdf)
    {
        string text = Encoding.Latin1.GetString(pdf);
        return PageObject().Matches(text).Select(m => MediaBox().Match(m.Value)).Where(b => b.Success)
            .Select(b => (Number(b.Groups[3]) - Number(b.Groups[1]), Number(b.Groups[4]) - Number(b.Groups[2]))).ToList();
    }

    private static double Number(Group g) => double.Parse(g.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<<(?:(?!>>).)*?/Type\s*/Page(?![s\w]).*?>>", RegexOptions.Singleline)]
    private static partial Regex PageObject();

    [GeneratedRegex(@"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}

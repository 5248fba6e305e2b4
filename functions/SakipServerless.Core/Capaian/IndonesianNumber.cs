using System.Globalization;

namespace SakipServerless.Core.Capaian;

/// <summary>Formats numbers for Indonesian messages (decimal comma) without depending on installed culture data.</summary>
internal static class IndonesianNumber
{
    private static readonly NumberFormatInfo Format = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NegativeSign = "-",
    };

    public static string ToText(decimal value) => value.ToString("#,0.##########", Format);
}

using System.Text;
using SakipServerless.Importer.Text;

namespace SakipServerless.Importer.Tests.Text;

public sealed class TextHelpersTests
{
    [Theory]
    [InlineData("BADAN KESATUAN BANGSA DAN POLITIK", "Badan Kesatuan Bangsa dan Politik")]
    [InlineData("SUB BAG PENYUSUNAN PROGRAM DAN KEUANGAN", "Sub Bag Penyusunan Program dan Keuangan")]
    [InlineData("SEKRETARIAT", "Sekretariat")]
    [InlineData("BAPPEDA", "BAPPEDA")]
    [InlineData("DINAS PUPR", "Dinas PUPR")]
    [InlineData("Kabupaten Balangan", "Kabupaten Balangan")]
    public void Letterheads_AreTitleCased_KeepingConnectorsAndAcronyms(string text, string expected)
    {
        Assert.Equal(expected, IndonesianTitleCase.ForHeading(text));
    }

    [Theory]
    [InlineData("Kasubid/ Kasubag", "kasubid-kasubag")]
    [InlineData("Kepala Seksi/ Lurah", "kepala-seksi-lurah")]
    [InlineData("Staf Penyusun Evaluasi Kinerja", "staf-penyusun-evaluasi-kinerja")]
    [InlineData("Pemeriksaan Ulang (Revisi) — Tahap 2", "pemeriksaan-ulang-revisi-tahap-2")]
    [InlineData("Kécamatan", "kecamatan")]
    [InlineData("!!!", "")]
    public void Slugs_FollowTheSchemaPattern(string text, string slug)
    {
        Assert.Equal(slug, Slug.From(text));
    }

    [Fact]
    public void Utf8_WithAndWithoutBom_Decodes()
    {
        byte[] text = Encoding.UTF8.GetBytes("Kegiatan → ☐");

        Assert.Equal(new DecodedDocument("Kegiatan → ☐", null), DocumentDecoder.Decode(text));
        Assert.Equal(new DecodedDocument("Kegiatan → ☐", null), DocumentDecoder.Decode([0xEF, 0xBB, 0xBF, .. text]));
    }

    [Fact]
    public void Utf16WithBom_Decodes()
    {
        Assert.Equal("No\tKegiatan", DocumentDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("No\tKegiatan")]).Text);
    }

    [Fact]
    public void InvalidUtf8_FallsBackToLatin1_WithAWarning()
    {
        var decoded = DocumentDecoder.Decode([(byte)'K', 0xE9, (byte)'c']);

        Assert.Equal("Kéc", decoded.Text);
        Assert.NotNull(decoded.Warning);
    }
}

using SakipServerless.Importer.Steps;

namespace SakipServerless.Importer.Tests.Steps;

public sealed class RolePhraseReaderTests
{
    [Theory]
    [InlineData("Dilaksanakan oleh Sekretaris Kecamatan", new[] { "Sekretaris Kecamatan" })]
    [InlineData("Pelaksana: Kasi Pemerintahan", new[] { "Kasi Pemerintahan" })]
    [InlineData("oleh Kasubag Umum untuk diarsipkan", new[] { "Kasubag Umum" })]
    [InlineData("Camat, Sekretaris Kecamatan dan Kasi Pemerintahan", new[] { "Camat", "Sekretaris Kecamatan", "Kasi Pemerintahan" })]
    [InlineData("Kasubag Perencanaan dan Keuangan", new[] { "Kasubag Perencanaan dan Keuangan" })]
    [InlineData("Kepala Dinas", new[] { "Kepala Dinas" })]
    public void ActorsWrittenInWords_AreRead(string text, string[] titles)
    {
        Assert.Equal(titles, RolePhraseReader.Read(text));
    }

    [Theory]
    [InlineData("Data Kinerja sesuai dengan indikator kinerja masing-masing")]
    [InlineData("Selesai")]
    [InlineData("-")]
    [InlineData("")]
    public void Remarks_NameNoActor(string text)
    {
        Assert.Empty(RolePhraseReader.Read(text));
    }
}

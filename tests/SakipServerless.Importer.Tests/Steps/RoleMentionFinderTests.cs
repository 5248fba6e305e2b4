using SakipServerless.Importer.Steps;

namespace SakipServerless.Importer.Tests.Steps;

public sealed class RoleMentionFinderTests
{
    private static readonly RoleCatalog Jeneponto = new(["Kabid", "Kasubid/ Kasubag", "Analisis Data", "Kasubag Perencanaan"]);

    [Fact]
    public void CommandVerb_MakesTheNamedRoleItsObject_AndAShortNameFindsTheLongerTitle()
    {
        var mention = Assert.Single(RoleMentionFinder.Find("Memerintahkan Analis mengumpulkan bahan laporan kinerja", Jeneponto));

        Assert.Equal((2, MentionRole.Object), (mention.Role, mention.As));
    }

    [Fact]
    public void LongestTitleWins_OverAPartOfAnotherTitle()
    {
        var mentions = RoleMentionFinder.Find("diserahkan pada kasubid/kasubag untuk diserahkan kepada kasubag perencanaan", Jeneponto);

        Assert.Equal([(1, MentionRole.Recipient), (3, MentionRole.Recipient)], mentions.Select(m => (m.Role, m.As)));
    }

    [Fact]
    public void DecisionBranches_AreTold()
    {
        var mentions = RoleMentionFinder.Find(
            "Memeriksa laporan kinerja, jika disetujui diserahkan pada kasubid/kasubag untuk diserahkan kepada kasubag perencanaan, jika tidak dikembalikan pada kasubag/kasubid untuk diperbaiki",
            Jeneponto);

        Assert.Equal(
            [(1, MentionClause.Approve), (3, MentionClause.Approve), (1, MentionClause.Return), (1, MentionClause.Return)],
            mentions.Select(m => (m.Role, m.Clause)));
    }

    [Fact]
    public void SpelledOutTitles_MatchAbbreviatedColumns()
    {
        var roles = new RoleCatalog(["Kepala Bidang", "Kasubbag Perencanaan", "Kasi Pemerintahan"]);

        var mentions = RoleMentionFinder.Find("Kabid menugaskan Kepala Sub Bagian Perencanaan dan Kepala Seksi Pemerintahan", roles);

        Assert.Equal([0, 1, 2], mentions.Select(m => m.Role));
    }

    [Fact]
    public void Companions_AndSubjects_AreTold()
    {
        var roles = new RoleCatalog(["Camat", "Sekretaris", "Kepala Seksi/ Lurah", "Kasubag", "Kasubag Perenc"]);

        var mentions = RoleMentionFinder.Find("Rapat Kepala Seksi dengan Kasubag Perenc untuk membahas", roles);

        Assert.Equal([(2, MentionRole.Subject), (4, MentionRole.Companion)], mentions.Select(m => (m.Role, m.As)));
    }

    [Fact]
    public void AWordShortOfEveryTitle_IsNoMention()
    {
        var roles = new RoleCatalog(["Camat", "Sekretaris", "Kepala Seksi/ Lurah"]);

        Assert.Empty(RoleMentionFinder.Find("menyampaikan kepada masing-masing Seksi dan Sekretariat", roles));
    }

    [Fact]
    public void AmbiguousHeadWord_IsNoMention()
    {
        var roles = new RoleCatalog(["Kasubag Umum", "Kasubag Keuangan"]);

        Assert.Empty(RoleMentionFinder.Find("Menyerahkan kepada Kasubag", roles));
    }
}

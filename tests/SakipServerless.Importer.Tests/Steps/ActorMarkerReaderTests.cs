using SakipServerless.Importer.Steps;

namespace SakipServerless.Importer.Tests.Steps;

public sealed class ActorMarkerReaderTests
{
    [Theory]
    [InlineData("☐", "Check")]
    [InlineData("X", "Check")]
    [InlineData("√", "Check")]
    [InlineData("Mulai", "Start")]
    [InlineData("Selesai", "End")]
    [InlineData("Ya", "Yes")]
    [InlineData("tidak", "No")]
    [InlineData("→", "ArrowRight")]
    [InlineData("->", "ArrowRight")]
    [InlineData("←", "ArrowLeft")]
    [InlineData("↑", "ArrowUp")]
    [InlineData("↓", "ArrowDown")]
    [InlineData("◇", "Decision")]
    [InlineData("→ Mulai", "ArrowRight, Start")]
    [InlineData("Kasubag", "Text")]
    public void Cell_IsReadAsItsMarkers(string cell, string expected)
    {
        Assert.Equal(Enum.Parse<MarkerKind>(expected), ActorMarkerReader.Read(cell).Kinds);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void EmptyCell_HasNoMarker(string? cell)
    {
        Assert.True(ActorMarkerReader.Read(cell).IsEmpty);
    }

    [Fact]
    public void HorizontalArrow_CanBeACrossingLine_VerticalCannot()
    {
        Assert.True(ActorMarkerReader.Read("→").IsHorizontalOnly);
        Assert.False(ActorMarkerReader.Read("↓").IsHorizontalOnly);
        Assert.False(ActorMarkerReader.Read("→ Mulai").IsHorizontalOnly);
    }
}

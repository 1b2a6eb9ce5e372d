using Kubeadm.App.CertsCommands;

namespace Kubeadm.App.Tests.CertsCommands;

public sealed class GoTabWriterTests
{
    [Fact]
    public void Should_AlignColumnsAndLeaveTheTrailingCellUnpadded_When_LinesHaveTabs()
    {
        var writer = new GoTabWriter(minWidth: 10, padding: 3);
        writer.WriteLine("A\tlonger cell\tend");
        writer.WriteLine("bb\tx\t");

        Assert.Equal("A         longer cell   end\nbb        x             \n", writer.ToString());
    }

    [Fact]
    public void Should_StartNewColumnBlocks_When_ALineHasFewerCells()
    {
        var writer = new GoTabWriter(minWidth: 1, padding: 1);
        writer.WriteLine("aaaa\tb");
        writer.WriteLine("");
        writer.WriteLine("c\td");

        Assert.Equal("aaaa b\n\nc d\n", writer.ToString());
    }
}

using System.Buffers.Binary;
using System.Text;
using Kubeadm.Cli.Tests.RealNode;

namespace Kubeadm.Cli.Tests.Packaging;

/// <summary>
/// How the shipped binary is linked, read from its ELF headers: a fixed-address executable whose runtime type data
/// stays in the file (no `.hydrated` section to fill at start). Either setting lost brings back 6.7 MiB of private
/// memory at every start (docs/performance.md, "The type data").
/// </summary>
[Trait("Category", "Packaging")]
public sealed class PublishedBinaryTests
{
    private const ushort ExecutableType = 2; // ET_EXEC; a position-independent executable is ET_DYN (3)

    [PublishedBinaryFact]
    public void Should_BeAFixedAddressExecutable_When_ItsElfHeaderIsRead()
    {
        var elf = ElfHeaders.Read(PublishedKubeadm.Path);

        Assert.Equal(ExecutableType, elf.Type);
    }

    [PublishedBinaryFact]
    public void Should_KeepTheTypeDataInTheFile_When_ItsSectionsAreListed()
    {
        var elf = ElfHeaders.Read(PublishedKubeadm.Path);

        Assert.Contains(".data", elf.SectionNames);
        Assert.DoesNotContain(".hydrated", elf.SectionNames);
    }

    private sealed record ElfHeaders(ushort Type, IReadOnlyList<string> SectionNames)
    {
        /// <summary>The ELF64 little-endian header's type and the section names (x86-64 Linux is all we ship).</summary>
        public static ElfHeaders Read(string path)
        {
            var bytes = File.ReadAllBytes(path);
            Assert.True(bytes.AsSpan(0, 4).SequenceEqual("\u007fELF"u8) && bytes[4] == 2 && bytes[5] == 1, $"{path} is not a 64-bit little-endian ELF file");

            var type = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x10));
            var sectionTable = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(0x28)));
            var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x3A));
            var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x3C));
            var namesIndex = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x3E));

            var names = Section(namesIndex);
            var nameTable = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(names[0x18..]));
            var sectionNames = Enumerable.Range(0, count).Select(index =>
            {
                var start = nameTable + checked((int)BinaryPrimitives.ReadUInt32LittleEndian(Section(index)));
                var end = Array.IndexOf(bytes, (byte)0, start);
                return Encoding.ASCII.GetString(bytes, start, end - start);
            }).ToList();
            return new ElfHeaders(type, sectionNames);

            ReadOnlySpan<byte> Section(int index) => bytes.AsSpan(sectionTable + (index * entrySize), entrySize);
        }
    }
}

/// <summary>Runs when the published binary exists; under CI=true a missing one fails the test instead.</summary>
public sealed class PublishedBinaryFactAttribute : FactAttribute
{
    public PublishedBinaryFactAttribute()
    {
        if (!File.Exists(PublishedKubeadm.Path) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"{PublishedKubeadm.Path} is not published (bash scripts/publish.sh)";
        }
    }
}

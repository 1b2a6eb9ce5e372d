using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>Parses a multi-document YAML (or JSON) text into <see cref="YamlTreeNode"/> documents.</summary>
internal static class YamlTreeReader
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>Every document's root node in order; throws <see cref="YamlException"/> on a syntax error.</summary>
    public static List<YamlTreeNode> ReadDocuments(string content)
    {
        var parser = new Parser(new StringReader(content));
        parser.Consume<StreamStart>();
        var documents = new List<YamlTreeNode>();
        while (parser.TryConsume<DocumentStart>(out _))
        {
            var anchors = new Dictionary<string, YamlTreeNode>(StringComparer.Ordinal);
            documents.Add(ReadNode(parser, anchors));
            parser.Consume<DocumentEnd>();
        }

        parser.Consume<StreamEnd>();
        return documents;
    }

    private static YamlTreeNode ReadNode(IParser parser, Dictionary<string, YamlTreeNode> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new YamlException(alias.Start, alias.End, $"unknown anchor \"{alias.Value.Value}\"");
        }

        YamlTreeNode node;
        AnchorName anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var taggedString = !scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific
                && scalar.Tag.Value.Equals(StringTag, StringComparison.Ordinal);
            var isPlain = scalar.Style == ScalarStyle.Plain && !taggedString;
            node = new YamlTreeScalar(scalar.Start, scalar.Value, isPlain);
            anchor = scalar.Anchor;
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<YamlTreeNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, anchors));
            }

            node = new YamlTreeSequence(sequenceStart.Start, items);
            anchor = sequenceStart.Anchor;
        }
        else
        {
            var mappingStart = parser.Consume<MappingStart>();
            var entries = new List<KeyValuePair<YamlTreeNode, YamlTreeNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = ReadNode(parser, anchors);
                entries.Add(new(key, ReadNode(parser, anchors)));
            }

            node = new YamlTreeMapping(mappingStart.Start, entries);
            anchor = mappingStart.Anchor;
        }

        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }

        return node;
    }
}

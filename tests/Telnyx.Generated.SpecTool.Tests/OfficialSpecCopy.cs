using YamlDotNet.RepresentationModel;

namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// A temporary copy of the official excerpt with one deliberate change, as Telnyx might publish it (or of another
/// spec file, for tests that change both sides).
/// </summary>
internal sealed class OfficialSpecCopy : IDisposable
{
    private readonly YamlStream _stream = new();
    private readonly YamlMappingNode _root;

    public OfficialSpecCopy(string? source = null)
    {
        using (var reader = File.OpenText(source ?? Repo.OfficialExcerpt))
        {
            _stream.Load(reader);
        }

        _root = (YamlMappingNode)_stream.Documents[0].RootNode;
        FilePath = Path.Combine(Path.GetTempPath(), $"telnyx-official-{Guid.NewGuid():N}.yaml");
    }

    public string FilePath { get; }

    /// <summary>The mapping at the given keys, e.g. <c>Map("components", "schemas", "ReferRequest")</c>.</summary>
    public YamlMappingNode Map(params string[] keys) => (YamlMappingNode)Node(keys);

    public YamlSequenceNode Sequence(params string[] keys) => (YamlSequenceNode)Node(keys);

    public YamlNode Node(params string[] keys)
    {
        YamlNode node = _root;
        foreach (var key in keys)
        {
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        }

        return node;
    }

    public string Save()
    {
        using var writer = File.CreateText(FilePath);
        _stream.Save(writer, assignAnchors: false);
        return FilePath;
    }

    public void Dispose() => File.Delete(FilePath);
}

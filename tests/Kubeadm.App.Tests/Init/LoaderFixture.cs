using System.Net;
using System.Text;
using Kubeadm.App.Init;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.Init;

/// <summary>An <see cref="InitConfigurationLoader"/> over an in-memory host with a fixed name, route and randomness.</summary>
public sealed class LoaderFixture
{
    public InMemoryFileSystem FileSystem { get; } = new();

    public Dictionary<string, string> UserFiles { get; } = new(StringComparer.Ordinal);

    public List<string> Warnings { get; } = [];

    public IPAddress? DefaultRoute { get; set; } = IPAddress.Parse("10.0.0.7");

    public LoadedInitConfiguration Load(InitOptions options)
    {
        var host = DefaultRoute is { } address ? new FixedHostInfo("Node-A", address) : new FixedHostInfo("Node-A");
        return new InitConfigurationLoader(FileSystem, host, new SeededRandomSource(7), Warnings.Add, ReadUserFile).Load(options);
    }

    private byte[] ReadUserFile(string path) =>
        UserFiles.TryGetValue(path, out var text) ? Encoding.UTF8.GetBytes(text) : throw new FileNotFoundException(path);
}

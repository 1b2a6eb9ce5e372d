using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Kubeadm.Cli.Tests.Runtime;

/// <summary>
/// Writes a single-image OCI archive (oci-layout, index.json, blobs/sha256/…: one gzip layer, a config whose
/// rootfs.diff_ids holds the uncompressed layer's digest, a manifest) from host files — typically an executable plus
/// the shared libraries and loader ldd reports — so tests get runnable images without any network.
/// </summary>
internal sealed class OciImageBuilder
{
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private string[] _entrypoint = [];
    private string[] _command = [];

    /// <summary>An image holding <paramref name="executable"/> and every library it needs (per ldd), at their host paths.</summary>
    public static async Task<OciImageBuilder> ForExecutableAsync(string executable)
    {
        var builder = new OciImageBuilder().WithHostFile(executable);
        foreach (var library in await SharedLibrariesAsync(executable))
        {
            builder.WithHostFile(library);
        }

        return builder.WithEntrypoint(executable);
    }

    /// <summary>
    /// Adds the host <paramref name="executable"/> at <paramref name="imagePath"/> in the image (e.g. on the image's PATH
    /// under the name a pod's command uses), plus every library it needs (per ldd) at their host paths.
    /// </summary>
    public async Task<OciImageBuilder> WithExecutableAsync(string executable, string imagePath)
    {
        WithFile(imagePath, await File.ReadAllBytesAsync(executable));
        foreach (var library in await SharedLibrariesAsync(executable))
        {
            WithHostFile(library);
        }

        return this;
    }

    public OciImageBuilder WithHostFile(string path) => WithFile(path, File.ReadAllBytes(path));

    public OciImageBuilder WithFile(string path, byte[] content)
    {
        _files[path.TrimStart('/')] = content;
        return this;
    }

    public OciImageBuilder WithEntrypoint(params string[] entrypoint)
    {
        _entrypoint = entrypoint;
        return this;
    }

    public OciImageBuilder WithCommand(params string[] command)
    {
        _command = command;
        return this;
    }

    /// <summary>Writes the archive; <paramref name="refName"/> (e.g. "127.0.0.1:5000/pause:3.10.1") is the index's ref.name annotation.</summary>
    public void WriteArchive(string archivePath, string refName)
    {
        var layer = LayerTar();
        var compressed = Gzip(layer);
        var config = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["config"] = new JsonObject
            {
                ["Entrypoint"] = new JsonArray([.. _entrypoint.Select(part => (JsonNode)part)]),
                ["Cmd"] = new JsonArray([.. _command.Select(part => (JsonNode)part)]),
            },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(Digest(layer)) },
        }.ToJsonString());
        var manifest = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = Descriptor("application/vnd.oci.image.config.v1+json", config),
            ["layers"] = new JsonArray(Descriptor("application/vnd.oci.image.layer.v1.tar+gzip", compressed)),
        }.ToJsonString());
        var manifestDescriptor = Descriptor("application/vnd.oci.image.manifest.v1+json", manifest);
        manifestDescriptor["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = refName };
        var index = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["manifests"] = new JsonArray(manifestDescriptor),
        }.ToJsonString());

        using var file = File.Create(archivePath);
        using var tar = new TarWriter(file, TarEntryFormat.Pax);
        AddEntry(tar, "oci-layout", """{"imageLayoutVersion":"1.0.0"}"""u8.ToArray());
        AddEntry(tar, "index.json", index);
        foreach (var blob in new[] { compressed, config, manifest })
        {
            AddEntry(tar, "blobs/sha256/" + Digest(blob)["sha256:".Length..], blob);
        }
    }

    private static async Task<IReadOnlyList<string>> SharedLibrariesAsync(string executable)
    {
        var output = await HostTool.RunCheckedAsync("/usr/bin/ldd", [executable], TimeSpan.FromSeconds(10));
        // Lines look like "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)" or "/lib64/ld-linux-x86-64.so.2 (0x…)".
        return [.. output.Split('\n')
            .Select(line => line.Trim().Split(' '))
            .Select(parts => parts.Length >= 3 && parts[1] == "=>" ? parts[2] : parts[0])
            .Where(path => path.StartsWith('/'))
            .Distinct(StringComparer.Ordinal)];
    }

    private byte[] LayerTar()
    {
        using var buffer = new MemoryStream();
        using (var tar = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            var directories = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var path in _files.Keys)
            {
                for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
                {
                    directories.Add(path[..slash] + "/");
                }
            }

            foreach (var directory in directories)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, directory) { Mode = (UnixFileMode)0b111_101_101 });
            }

            foreach (var (path, content) in _files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, path)
                {
                    Mode = (UnixFileMode)0b111_101_101,
                    DataStream = new MemoryStream(content),
                };
                tar.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }

    private static void AddEntry(TarWriter tar, string name, byte[] content) =>
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content), Mode = (UnixFileMode)0b110_100_100 });

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    private static string Digest(byte[] data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));

    private static JsonObject Descriptor(string mediaType, byte[] blob) =>
        new() { ["mediaType"] = mediaType, ["digest"] = Digest(blob), ["size"] = blob.Length };
}

using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;

namespace Kubeadm.Cli.Commands;

/// <summary>`kubeadm version [-o short|json|yaml]`, in kubeadm's shapes.</summary>
public static class VersionCommand
{
    public static Command Create(TextWriter output, GlobalFlags global)
    {
        var format = new Option<string>("--output", "-o") { Description = "Print it as 'short' (the version alone), 'json' or 'yaml'; by default as one line with the build details." };
        format.CompletionSources.Add("yaml", "json", "short");
        var command = new Command("version", "Print this kubeadm's version and build details") { format };
        command.SetAction((parse, _) => CommandErrors.RunAsync(parse.InvocationConfiguration.Error, parse.GetValue(global.Verbosity), async () =>
        {
            await output.WriteAsync(Render(parse.GetValue(format) ?? "")).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    public static string Render(string format) => format switch
    {
        "" => "kubeadm version: &version.Info{" + string.Join(", ", Fields().Select(f => $"{Pascal(f.Key)}:\"{f.Value}\"")) + "}\n",
        "short" => KubeadmVersion.Current + "\n",
        "json" => Json(),
        "yaml" => "clientVersion:\n" + string.Concat(Fields().OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"  {f.Key}: {Yaml(f.Value)}\n")),
        _ => throw new KubeadmUserException($"invalid output format: {format}; use one of 'yaml', 'json' or 'short'"),
    };

    private static IEnumerable<KeyValuePair<string, string>> Fields() =>
    [
        new("major", KubeadmVersion.Major.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("minor", KubeadmVersion.Minor.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("gitVersion", KubeadmVersion.Current),
        new("gitCommit", KubeadmVersion.GitCommit),
        new("gitTreeState", ""),
        new("buildDate", ""),
        // Kept under kubeadm's key names so tools that parse them keep working; the values say what we really are.
        new("goVersion", RuntimeInformation.FrameworkDescription),
        new("compiler", RuntimeFeature()),
        new("platform", $"linux/{Architecture()}"),
    ];

    private static string Json()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("clientVersion");
            foreach (var (key, value) in Fields())
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static string Yaml(string value) => value.Length == 0 || value.All(char.IsAsciiDigit) ? $"\"{value}\"" : value;

    private static string Pascal(string key) => char.ToUpperInvariant(key[0]) + key[1..];

    private static string RuntimeFeature() =>
        System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported ? "dotnet-jit" : "dotnet-nativeaot";

    private static string Architecture() => RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "amd64",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        var other => other.ToString().ToLowerInvariant(),
    };
}

using System.Text;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Errors;

namespace Kubeadm.App.Init;

/// <summary>Reads and decodes a config file the user named (--config, --old-config), with one clear error if it cannot.</summary>
public static class UserConfigFile
{
    public static string ReadText(Func<string, byte[]> readUserFile, string path)
    {
        ArgumentNullException.ThrowIfNull(readUserFile);
        try
        {
            return Encoding.UTF8.GetString(readUserFile(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeadmUserException($"unable to read config from \"{path}\": {e.Message}", e);
        }
    }

    public static KubeadmConfig Decode(Func<string, byte[]> readUserFile, string path, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(warn);
        var decoded = KubeadmConfigDecoder.Decode(ReadText(readUserFile, path), path);
        foreach (var warning in decoded.Warnings)
        {
            warn(warning);
        }

        return decoded.Config;
    }
}

using System.Text;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Errors;

namespace Kubeadm.App.Upgrade;

/// <summary>The UpgradeConfiguration named by --config of every `upgrade` sub-command (an empty one without the flag).</summary>
public static class UpgradeConfigurationFile
{
    public static UpgradeConfiguration Load(Func<string, byte[]> readUserFile, string? path)
    {
        ArgumentNullException.ThrowIfNull(readUserFile);
        if (path is null)
        {
            return new UpgradeConfiguration();
        }

        string text;
        try
        {
            text = new UTF8Encoding(false).GetString(readUserFile(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeadmUserException($"unable to read config from \"{path}\": {e.Message}", e);
        }

        try
        {
            return KubeadmConfigDecoder.DecodeUpgrade(text, path);
        }
        catch (ValidationException e)
        {
            throw new KubeadmUserException(e.Message, e);
        }
    }
}

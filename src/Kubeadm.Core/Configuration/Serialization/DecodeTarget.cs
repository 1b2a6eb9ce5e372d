namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>Which command a config file is decoded for: each reads its own kinds and passes over the others.</summary>
internal enum DecodeTarget
{
    Init,
    Join,
    Reset,
    Upgrade,
}

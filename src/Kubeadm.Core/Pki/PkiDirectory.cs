using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kubeadm.Core.Host;

namespace Kubeadm.Core.Pki;

/// <summary>
/// The certificates directory as kubeadm reads and writes it, through <see cref="IFileSystem"/>: certificates 0644,
/// private keys and sa.pub 0600. Loads return null for a file that does not exist; a file that exists but cannot be
/// used is a <see cref="PkiFileException"/> naming it.
/// </summary>
public sealed class PkiDirectory
{
    private readonly IFileSystem _fileSystem;

    public PkiDirectory(IFileSystem fileSystem, string path)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentException.ThrowIfNullOrEmpty(path);
        _fileSystem = fileSystem;
        Path = path.TrimEnd('/');
        if (Path.Length == 0)
        {
            Path = "/";
        }
    }

    public string Path { get; }

    public string PathOf(string fileName) => Path == "/" ? "/" + fileName : $"{Path}/{fileName}";

    public string CertificatePath(string baseName) => PathOf(baseName + ".crt");

    public string KeyPath(string baseName) => PathOf(baseName + ".key");

    public bool Exists(string fileName) => _fileSystem.FileExists(PathOf(fileName));

    /// <summary>The certificate chain in <c>&lt;base&gt;.crt</c> (leaf first), or null when the file does not exist.</summary>
    public IReadOnlyList<X509Certificate2>? LoadCertificateChain(string baseName)
    {
        var path = CertificatePath(baseName);
        return Read(path) is { } bytes ? PemCodec.DecodeCertificates(bytes, path) : null;
    }

    /// <summary>The private key in <c>&lt;base&gt;.key</c>, or null when the file does not exist.</summary>
    public AsymmetricAlgorithm? LoadPrivateKey(string baseName) => LoadPrivateKeyFile(baseName + ".key");

    public AsymmetricAlgorithm? LoadPrivateKeyFile(string fileName)
    {
        var path = PathOf(fileName);
        return Read(path) is { } bytes ? PemCodec.DecodePrivateKey(bytes, path) : null;
    }

    /// <summary>Writes the key (0600) then the certificate (0644), as kubeadm does.</summary>
    public void WriteCertificateAndKey(string baseName, X509Certificate2 certificate, AsymmetricAlgorithm key)
    {
        var keyBytes = PemCodec.EncodePrivateKey(key);
        var certificateBytes = PemCodec.EncodeCertificates(certificate);
        _fileSystem.WriteFile(KeyPath(baseName), keyBytes, FileModes.Private);
        _fileSystem.WriteFile(CertificatePath(baseName), certificateBytes, FileModes.Public);
    }

    /// <summary>Writes a private key and its PKIX public key, both 0600 (kubeadm writes sa.pub with its key writer).</summary>
    public void WriteKeyPair(string privateKeyFileName, string publicKeyFileName, AsymmetricAlgorithm key)
    {
        var privateBytes = PemCodec.EncodePrivateKey(key);
        var publicBytes = PemCodec.EncodePublicKey(key);
        _fileSystem.WriteFile(PathOf(privateKeyFileName), privateBytes, FileModes.Private);
        _fileSystem.WriteFile(PathOf(publicKeyFileName), publicBytes, FileModes.Private);
    }

    private byte[]? Read(string path)
    {
        if (!_fileSystem.FileExists(path))
        {
            return null;
        }

        try
        {
            return _fileSystem.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PkiFileException(path, $"the file could not be read ({e.Message})", e);
        }
    }
}

using System.Globalization;
using System.Text;
using k8s.Models;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Errors;

namespace Kubeadm.Core.BootstrapTokens;

/// <summary>
/// The Secret form of a bootstrap token (k8s.io/cluster-bootstrap's format): kube-system/bootstrap-token-&lt;id&gt; of
/// type bootstrap.kubernetes.io/token, with token-id, token-secret, description, expiration (RFC3339, UTC),
/// usage-bootstrap-&lt;usage&gt;: "true" and auth-extra-groups.
/// </summary>
public static class BootstrapTokenSecret
{
    public const string SecretType = "bootstrap.kubernetes.io/token";
    public const string Namespace = "kube-system";
    public const string NamePrefix = "bootstrap-token-";
    public const string IdKey = "token-id";
    public const string SecretKey = "token-secret";
    public const string DescriptionKey = "description";
    public const string ExpirationKey = "expiration";
    public const string UsagePrefix = "usage-bootstrap-";
    public const string ExtraGroupsKey = "auth-extra-groups";

    /// <summary>The field selector that lists only bootstrap token Secrets.</summary>
    public const string FieldSelector = "type=" + SecretType;

    private static readonly string[] Rfc3339Formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>
    /// The Secret for <paramref name="token"/>. Expires wins over a TTL; a TTL counts from <paramref name="now"/>, and a
    /// zero TTL means the token never expires (no expiration key).
    /// </summary>
    public static V1Secret Encode(BootstrapToken token, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!BootstrapTokenString.TryParse(token.Token, out var parsed))
        {
            throw new KubeadmUserException(
                $"the bootstrap token \"{Redacted(token.Token)}\" was not of the form \"{BootstrapTokenString.Pattern}\"");
        }

        var data = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [IdKey] = Bytes(parsed.Id),
            [SecretKey] = Bytes(parsed.Secret),
        };
        if (token.Description.Length > 0)
        {
            data[DescriptionKey] = Bytes(token.Description);
        }

        if (ExpirationOf(token, now) is { } expiration)
        {
            data[ExpirationKey] = Bytes(FormatTime(expiration));
        }

        foreach (var usage in token.Usages)
        {
            data[UsagePrefix + usage] = Bytes("true");
        }

        if (token.Groups.Count > 0)
        {
            data[ExtraGroupsKey] = Bytes(string.Join(',', token.Groups));
        }

        return new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = BootstrapTokenString.SecretName(parsed.Id), NamespaceProperty = Namespace },
            Type = SecretType,
            Data = data,
        };
    }

    /// <summary>Reads a token back from its Secret; a malformed Secret is a <see cref="KubeadmUserException"/> naming it.</summary>
    public static BootstrapTokenInfo Decode(V1Secret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var name = secret.Metadata?.Name ?? "";
        var id = Get(secret, IdKey);
        if (id.Length == 0)
        {
            throw new KubeadmUserException($"bootstrap Token Secret has no token-id data: {name}");
        }

        if (name != BootstrapTokenString.SecretName(id))
        {
            throw new KubeadmUserException(
                $"bootstrap token name is not of the form '{NamePrefix}(token-id)'. Actual: \"{name}\". Expected: \"{BootstrapTokenString.SecretName(id)}\"");
        }

        var tokenSecret = Get(secret, SecretKey);
        if (tokenSecret.Length == 0)
        {
            throw new KubeadmUserException($"bootstrap Token Secret has no token-secret data: {name}");
        }

        if (!BootstrapTokenString.TryParse($"{id}.{tokenSecret}", out var token))
        {
            throw new KubeadmUserException(
                $"bootstrap Token Secret is invalid and couldn't be parsed: the bootstrap token \"{id}.<redacted>\" was not of the form \"{BootstrapTokenString.Pattern}\"");
        }

        DateTimeOffset? expires = null;
        if (Get(secret, ExpirationKey) is { Length: > 0 } expiration)
        {
            expires = DateTimeOffset.TryParseExact(expiration, Rfc3339Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw new KubeadmUserException($"can't parse expiration time of bootstrap token \"{name}\": \"{expiration}\" is not RFC3339");
        }

        var usages = (secret.Data ?? new Dictionary<string, byte[]>())
            .Where(entry => entry.Key.StartsWith(UsagePrefix, StringComparison.Ordinal) && Encoding.UTF8.GetString(entry.Value ?? []) == "true")
            .Select(entry => entry.Key[UsagePrefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
        var groupsText = Get(secret, ExtraGroupsKey);
        IReadOnlyList<string> groups = groupsText.Length == 0 ? [] : groupsText.Split(',');
        return new BootstrapTokenInfo(token, Get(secret, DescriptionKey), expires, usages, groups);
    }

    /// <summary>When the token expires: Expires if set, else now + TTL; null for "never".</summary>
    public static DateTimeOffset? ExpirationOf(BootstrapToken token, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Expires is { } expires)
        {
            return expires;
        }

        return token.Ttl is { } ttl && ttl > TimeSpan.Zero ? now + ttl : null;
    }

    /// <summary>RFC3339 in UTC, whole seconds: 2025-03-02T12:00:00Z (Go's time.RFC3339 after UTC()).</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Get(V1Secret secret, string key) =>
        secret.Data is { } data && data.TryGetValue(key, out var value) && value is not null ? Encoding.UTF8.GetString(value) : "";

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Redacted(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? "<redacted>" : token[..(dot + 1)] + "<redacted>";
    }
}

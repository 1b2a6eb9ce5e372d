using Kubeadm.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await KubeadmCli.RunAsync(args, KubeadmCli.RealHost(Console.Out, Console.Error), cancellation.Token).ConfigureAwait(false);

using System.CommandLine;
using Kubeadm.App.Init;
using Kubeadm.App.Runtime;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Images;

namespace Kubeadm.Cli.Commands;

/// <summary>`kubeadm config`: print init-defaults, validate, images list|pull and migrate.</summary>
public sealed class ConfigCommand
{
    private readonly InitEnvironment _environment;
    private readonly GlobalFlags _global;

    public ConfigCommand(InitEnvironment environment, GlobalFlags global)
    {
        _environment = environment;
        _global = global;
    }

    public Command Create()
    {
        var config = new Command("config", "Print, check and convert kubeadm configuration files; list and pull the control-plane images");
        config.Subcommands.Add(CreatePrint());
        config.Subcommands.Add(CreateValidate());
        config.Subcommands.Add(CreateImages());
        config.Subcommands.Add(CreateMigrate());
        return config;
    }

    private Command CreatePrint()
    {
        var initDefaults = new Command("init-defaults", "Print the default InitConfiguration and ClusterConfiguration, a starting point for \"kubeadm init --config\"");
        initDefaults.SetAction((parse, _) => Run(parse, () =>
        {
            _environment.Out.Write(InitDefaultsPrinter.Print());
            return 0;
        }));
        var joinDefaults = new Command("join-defaults", "Print the default JoinConfiguration, a starting point for \"kubeadm join --config\"");
        joinDefaults.SetAction((parse, _) => Run(parse, () =>
        {
            _environment.Out.Write(JoinDefaultsPrinter.Print());
            return 0;
        }));
        return new Command("print", "Print default configuration files") { initDefaults, joinDefaults };
    }

    private Command CreateValidate()
    {
        var flags = new InitFlags();
        var command = new Command("validate", "Check a kubeadm configuration file and print what is wrong with it, or \"ok\"") { flags.Config };
        command.SetAction((parse, _) => Run(parse, () =>
        {
            var options = flags.Bind(parse, _global);
            if (options.ConfigPath is null)
            {
                throw new KubeadmUserException("the --config flag is mandatory: name the kubeadm configuration file to validate");
            }

            var fileSystem = _environment.FileSystemFor(options.Rootfs);
            new InitConfigurationLoader(fileSystem, _environment.HostInfoFor(fileSystem), _environment.Random, Warn, _environment.ReadUserFile)
                .Load(options);
            _environment.Out.WriteLine("ok");
            return 0;
        }));
        return command;
    }

    private Command CreateImages()
    {
        var flags = new InitFlags();
        var list = new Command("list", "Print the images the control plane and addons run, one a line, for the given version, registry and configuration")
        {
            flags.Config, flags.FeatureGates, flags.ImageRepository, flags.KubernetesVersion,
        };
        list.SetAction((parse, _) => Run(parse, () =>
        {
            var config = ImageConfigurationLoader.Load(flags.Bind(parse, _global), _environment.ReadUserFile, Warn);
            foreach (var image in ControlPlaneImages.List(config.Cluster, Warn))
            {
                _environment.Out.WriteLine(image);
            }

            return 0;
        }));
        return new Command("images", "List or pull the container images a kubeadm control plane runs") { list, CreateImagesPull() };
    }

    private Command CreateImagesPull()
    {
        var flags = new InitFlags();
        var pull = new Command("pull", "Pull the control-plane and addon images through the node's container runtime")
        {
            flags.Config, flags.CriSocket, flags.FeatureGates, flags.ImageRepository, flags.KubernetesVersion,
        };
        pull.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(_environment.Err, parse.GetValue(_global.Verbosity), async () =>
        {
            var options = flags.Bind(parse, _global);
            var config = ImageConfigurationLoader.Load(options, _environment.ReadUserFile, Warn);
            var fileSystem = _environment.FileSystemFor(options.Rootfs);
            var criSocket = config.Init.NodeRegistration.CriSocket is { Length: > 0 } socket ? socket : CriSocketDetector.Detect(fileSystem);
            await using var runtime = _environment.ContainerRuntimeFor(fileSystem, criSocket);
            await ImagesPullCommand.RunAsync(runtime, config, _environment.Out, cancellationToken);
            return 0;
        }));
        return pull;
    }

    private Command CreateMigrate()
    {
        var oldConfig = new Option<string>("--old-config") { Description = "The configuration file to convert, written for an older API version (required)." };
        var newConfig = new Option<string>("--new-config") { Description = "Where to write the converted file; when not given it is printed." };
        var command = new Command("migrate", "Convert a configuration file from an older kubeadm API version to the current one")
        {
            oldConfig, newConfig,
        };
        command.SetAction((parse, _) => Run(parse, () =>
        {
            var oldPath = parse.GetValue(oldConfig);
            if (string.IsNullOrEmpty(oldPath))
            {
                throw new KubeadmUserException("the --old-config flag is mandatory: name the kubeadm configuration file to migrate");
            }

            var migrated = ConfigMigrator.Migrate(UserConfigFile.ReadText(_environment.ReadUserFile, oldPath), oldPath);
            if (parse.GetValue(newConfig) is { Length: > 0 } newPath)
            {
                File.WriteAllText(newPath, migrated);
            }
            else
            {
                _environment.Out.Write(migrated);
            }

            return 0;
        }));
        return command;
    }

    private Task<int> Run(ParseResult parse, Func<int> body) =>
        CommandErrors.RunAsync(_environment.Err, parse.GetValue(_global.Verbosity), () => Task.FromResult(body()));

    private void Warn(string message) => _environment.Err.WriteLine(message.StartsWith('[') ? message : $"WARNING: {message}");
}

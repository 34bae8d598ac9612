using Multistage.Cli.Templates;
using Multistage.Core.Docker;
using Spectre.Console.Cli;

namespace Multistage.Cli;

/// <summary>What the commands work with besides their settings and the console Spectre hands them: where
/// errors go, where the templates come from, which daemon to use, and the clock that times a seed. The
/// real tool's are <see cref="ForRunningTool"/>; a test passes its own and runs the commands in-process.</summary>
public sealed record CommandServices(ErrorOutput Errors, TemplateLoader Templates, DockerConnector Docker, TimeProvider Clock)
{
    /// <summary>What the "Cancelled" line says, kept current by the command that runs.</summary>
    public CancelledState Cancelled { get; } = new();

    public static CommandServices ForRunningTool()
    {
        var errors = ErrorOutput.StandardError();
        return new CommandServices(errors, TemplateLoader.ForRunningTool(), new DockerConnector(DockerLocation.FromEnvironment(), errors), TimeProvider.System);
    }

    public ITypeRegistrar Registrar()
    {
        var registrar = new ServiceRegistrar();
        registrar.RegisterInstance(typeof(ErrorOutput), Errors);
        registrar.RegisterInstance(typeof(TemplateLoader), Templates);
        registrar.RegisterInstance(typeof(DockerConnector), Docker);
        registrar.RegisterInstance(typeof(TimeProvider), Clock);
        registrar.RegisterInstance(typeof(CancelledState), Cancelled);
        return registrar;
    }
}

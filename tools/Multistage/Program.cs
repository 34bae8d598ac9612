using Multistage.Cli;
using Multistage.Cli.Seeding;
using Spectre.Console;
using Spectre.Console.Cli;

// Redirected output (CI logs, pipes) has no real width: Spectre would hard-wrap every message at 80
// columns, splitting one error over several lines and the commands users copy out of it.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 1000;
}

var services = CommandServices.ForRunningTool();
var app = new CommandApp<SeedCommand>(services.Registrar());
app.Configure(config => MultistageCommands.Configure(config, services));

using var cancellation = new SignalCancellation();
return await MultistageCommands.RunAsync(args, services, arguments => app.RunAsync(arguments, cancellation.Token));

using System.ComponentModel;
using Multistage.Cli.Templates;
using Spectre.Console.Cli;

namespace Multistage.Cli.Init;

/// <summary>The command line of <c>init</c>; checked in depth by <see cref="InitPlanner"/>.</summary>
public sealed class InitSettings : ImageBuildSettings
{
    [CommandArgument(0, "[DIR]")]
    [Description("The project's folder. Default: the current folder.")]
    public string Directory { get; init; } = ".";

    [CommandOption("-l|--language <LANG>")]
    [Description("The project's language (a template folder's name, as `multistage catalog` lists them). Default: detected from the project's files.")]
    public string? Language { get; init; }

    [CommandOption("-n|--name <NAME>")]
    [Description("Name of the image, the compose service and the OCI title. Default: the module, package, crate or project name.")]
    public string? Name { get; init; }

    [CommandOption("-r|--runtime <CHOICE>")]
    [Description("Final-stage base of the multi-stage Dockerfile (the language's choices, as in seed). Default: the template's, or aot for a PublishAot project.")]
    public string? Runtime { get; init; }

    [CommandOption("-p|--port <N>")]
    [Description("The port the app listens on. Default: the one its code names (a variable's or a flag's default, a literal), else 8080.")]
    public string? Port { get; init; }

    [CommandOption("-s|--set <OPTION=VALUE>")]
    [Description("Any option of the language's item template, overriding what init read: main=./cmd/api, binary=api, app=wsgi:app, entry=src/index.js, project-file=src/Web/Web.csproj, health-path=/healthz, ... Repeat for more.")]
    public string[] Set { get; init; } = [];

    [CommandOption("--dry-run")]
    [Description("Print what init found and what it would write, with a diff of each file that exists and would change; write nothing.")]
    public bool DryRun { get; init; }

    [CommandOption("--verify")]
    [Description("After writing, build both Dockerfiles, run the image read-only as a non-root user, probe its port and health path and stop it (needs a Docker daemon; the images are removed afterwards). Exit 4 if a check fails.")]
    public bool Verify { get; init; }

    [CommandOption("-f|--force")]
    [Description("Replace a Dockerfile, Dockerfile.single, .dockerignore, compose.yaml or README.Docker.md that already exists. Other files are never touched.")]
    public bool Force { get; init; }

    [CommandOption("--skip-existing")]
    [Description("Keep every Docker file that already exists and differs from what init writes; write only the missing ones.")]
    public bool SkipExisting { get; init; }
}

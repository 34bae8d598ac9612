using Multistage.Tests.Shared;

namespace Generator.Tests;

/// <summary>What init writes for .NET projects beyond the image-tested layouts: the framework of the
/// project --set project-file names picks the image tags (the image tests build a net8.0 layout too:
/// dotnet-solution), and tini when asked for.</summary>
public sealed class DotnetInitTests : IDisposable
{
    private readonly TempFolder _work = TempFolder.Create("init-dotnet");

    public void Dispose() => _work.Dispose();

    [Theory]
    [InlineData("net8.0", "8.0")]
    [InlineData("net9.0", "9.0")]
    [InlineData("net10.0", "10.0")]
    public async Task The_chosen_projects_framework_picks_the_sdk_and_runtime_tags(string framework, string tag)
    {
        var folder = InitLayouts.CopyTo(TestRepository.Root, "dotnet-solution-library", Path.Combine(_work.Path, framework));
        Directory.CreateDirectory(Path.Combine(folder, "src", "Admin"));
        File.WriteAllText(Path.Combine(folder, "src", "Admin", "Admin.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>{framework}</TargetFramework>
                <AssemblyName>Ledger.Admin</AssemblyName>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="..\Ledger.Domain\Ledger.Domain.csproj" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "src", "Admin", "Program.cs"), "var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n");

        var result = await InProcessCli.RunAsync(["init", folder, "--set", "project-file=src/Admin/Admin.csproj"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.Describe());
        var dockerfile = File.ReadAllLines(Path.Combine(folder, "Dockerfile"));
        Assert.Equal(
            [$"FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:{tag} AS build", $"FROM mcr.microsoft.com/dotnet/aspnet:{tag} AS final"],
            dockerfile.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Equal(
            ["COPY [\"src/Admin/Admin.csproj\", \"src/Admin/\"]", "COPY [\"src/Ledger.Domain/Ledger.Domain.csproj\", \"src/Ledger.Domain/\"]"],
            dockerfile.Where(l => l.StartsWith("COPY [", StringComparison.Ordinal)));
        Assert.Contains("ENTRYPOINT [\"/app/Ledger.Admin\"]", dockerfile);
        Assert.Equal($"FROM mcr.microsoft.com/dotnet/sdk:{tag}", File.ReadAllLines(Path.Combine(folder, "Dockerfile.single")).Single(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Tini_when_asked_for_runs_as_PID_1_from_its_own_stage()
    {
        var folder = InitLayouts.CopyTo(TestRepository.Root, "dotnet-src-healthz", Path.Combine(_work.Path, "tini"));

        var result = await InProcessCli.RunAsync(["init", folder, "--set", "tini=true"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.Describe());
        var dockerfile = File.ReadAllLines(Path.Combine(folder, "Dockerfile"));
        Assert.Contains("FROM debian:trixie-slim AS tini", dockerfile);
        Assert.Contains("COPY --from=tini /usr/bin/tini-static /usr/local/bin/tini", dockerfile);
        Assert.Contains("ENTRYPOINT [\"/usr/local/bin/tini\", \"--\", \"/app/Api\"]", dockerfile);
    }
}

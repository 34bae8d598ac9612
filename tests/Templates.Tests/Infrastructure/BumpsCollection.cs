namespace Templates.Tests.Infrastructure;

/// <summary>
/// The bump tests (ToolchainBumpTests, BaseLineBumpTests): each works on a scratch copy with a hive of its own and
/// reads from the fixture only the catalog and paths, so they share nothing with the Templates collection and run
/// beside it. Their time is almost all `dotnet new` processes, so they keep a second core busy while the other
/// collection waits on its own processes.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BumpsCollection : ICollectionFixture<TemplatesFixture>
{
    public const string Name = "Bumps";
}

namespace Images.Tests;

/// <summary>All image tests share one fixture, so each variant is built once per run.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ImagesCollection : ICollectionFixture<ImageFixture>
{
    public const string Name = "Images";
}

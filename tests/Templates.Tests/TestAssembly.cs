// Prints each reason tests were skipped for once, at the end of the run (see SkipSummary).
[assembly: AssemblyFixture(typeof(SkipSummary))]

// The packed template pack and tool, made once per run and shared by PackageTests and InstalledToolTests, which run
// in different collections (at the same time).
[assembly: AssemblyFixture(typeof(Templates.Tests.Infrastructure.PackagesFixture))]

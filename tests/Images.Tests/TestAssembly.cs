// At most two image tests run at once, from three collections (ImagesCollection.cs): see there why.
[assembly: Xunit.v3.Parallelization(MaxThreads = 2)]

// Prints each reason tests were skipped for once, at the end of the run (see SkipSummary).
[assembly: AssemblyFixture(typeof(SkipSummary))]

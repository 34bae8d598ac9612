// Prints each reason tests were skipped for once, at the end of the run (see SkipSummary).
[assembly: AssemblyFixture(typeof(SkipSummary))]

// Two image builds at once fight over the machine's two cores and make every timeout flaky, so the
// image tests run one at a time.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

// Prints each reason tests were skipped for once, at the end of the run (see SkipSummary).
[assembly: AssemblyFixture(typeof(SkipSummary))]

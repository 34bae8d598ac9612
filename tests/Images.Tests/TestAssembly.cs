// Two collections (ImagesCollection.cs) run at once, no more: see there why.
[assembly: Xunit.v3.Parallelization(MaxThreads = 2)]

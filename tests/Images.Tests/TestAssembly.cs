// Two collections (ImagesCollection.cs) run at once, no more: see there why.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]

using Ledger.Domain;

namespace Ledger.Core;

/// <summary>The entries booked so far and their balance.</summary>
public sealed class Book
{
    private readonly List<Entry> _entries =
    [
        new("opening balance", 10_000),
        new("coffee beans", -1_250),
        new("invoice 17", 4_500),
    ];

    public int Count => _entries.Count;

    public long BalanceCents => _entries.Sum(e => e.Cents);
}

using Ledger.Core;

namespace Ledger.Core.Tests;

// A test project beside the app, as solutions have: init must not pick it, nor copy it.
public static class BookTests
{
    public static bool BalanceIsTheSumOfEntries() => new Book().BalanceCents == 13_250;
}

using Humanizer;

namespace Orders.Catalog;

/// <summary>The open orders, counted in words a person reads.</summary>
public sealed class OrderBook
{
    private readonly string[] _open = ["A-1001", "A-1002", "B-2001"];

    public string Summary => "open order".ToQuantity(_open.Length);
}

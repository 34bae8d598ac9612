namespace Lib;

/// <summary>Whether the warehouse's stock has been loaded: until then the service is not ready.</summary>
public sealed class Warehouse
{
    public bool StockLoaded { get; set; }
}

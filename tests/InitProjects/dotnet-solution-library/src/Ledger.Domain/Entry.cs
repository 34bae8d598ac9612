namespace Ledger.Domain;

/// <summary>One booking: an amount in cents, positive for income, negative for spending.</summary>
public sealed record Entry(string Description, long Cents);

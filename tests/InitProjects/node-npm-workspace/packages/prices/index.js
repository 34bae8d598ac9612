/** Cents to a price tag. */
exports.format = (cents) => `EUR ${(cents / 100).toFixed(2)}`;

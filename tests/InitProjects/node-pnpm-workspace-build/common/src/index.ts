export const quotes: readonly string[] = ["Simplicity is prerequisite for reliability."];

export function quoteOfTheDay(day: number): string {
  return quotes[day % quotes.length];
}

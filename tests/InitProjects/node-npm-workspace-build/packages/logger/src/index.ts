import { plural } from "@tally/words";

// Imports @tally/words' built types: words must build before this package.
export function requests(count: number): string {
  return `served ${plural(count, "request")}`;
}

export function log(message: string): void {
  console.log(`[tally] ${message}`);
}

import ms from "ms";

export function uptimeText(elapsed: number): string {
  return ms(Math.max(elapsed, 0));
}

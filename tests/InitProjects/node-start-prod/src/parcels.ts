export function describe(count: number): string {
  return count === 1 ? "1 in transit" : `${count} in transit`;
}

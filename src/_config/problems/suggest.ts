// "Did you mean …?" for names editors type: authors, layouts, level ids.

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The valid value nearest to `wrong`, if it is near enough to be a typo. */
export function nearest(wrong: string, valid: readonly string[]): string | undefined {
  const w = wrong.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of valid) {
    const d = distance(w, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.floor(w.length / 3)) ? best : undefined;
}

/** " — did you mean 'X'?" or nothing. */
export function didYouMean(wrong: string, valid: readonly string[]): string {
  const best = nearest(wrong, valid);
  return best ? ` — did you mean '${best}'?` : "";
}

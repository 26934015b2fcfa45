/** Short random ids for activities and variables (Elsa uses 16-hex ids; any unique string works). */
export function newId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A name unused by `taken`, e.g. `ApplyTag2`. */
export function uniqueName(base: string, taken: Iterable<string | undefined>): string {
  const set = new Set(taken);
  if (!set.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}${i}`;
    if (!set.has(candidate)) return candidate;
  }
}

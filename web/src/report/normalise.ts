/** Small, predictable clean-ups of what people type; the server still validates everything. */

export function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** `example.org/page` becomes `https://example.org/page`. */
export function url(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/** `+33 6 12-34.56 78` and `0033…` become `+33612345678` (E.164); a national number is left for the server to refuse. */
export function phone(value: string): string | undefined {
  const compact = value.replace(/[\s().-]/g, '');
  if (compact === '') return undefined;
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}

export function email(value: string): string | undefined {
  return text(value);
}

export function integer(value: string): number | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

/** `69` in France becomes `FR-69`; `fr-2a` becomes `FR-2A`. */
export function subdivision(value: string, country: string): string | undefined {
  const code = value.trim().toUpperCase();
  if (code === '') return undefined;
  return code.includes('-') || country === '' ? code : `${country}-${code}`;
}

/** Keeps only the defined members, so that an untouched field is not sent at all. */
export function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function isEmpty(value: object): boolean {
  return Object.keys(value).length === 0;
}

import { useState } from 'react';

/**
 * Add and remove rows of a list held by the parent, and remember which row was just added
 * so that its first input takes the focus (adding by keyboard lands where the typing goes).
 */
export function useList<T extends { key: string }>(rows: readonly T[], onChange: (rows: T[]) => void, empty: () => T) {
  const [added, setAdded] = useState<string | null>(null);
  return {
    added,
    add() {
      const row = empty();
      setAdded(row.key);
      onChange([...rows, row]);
    },
    remove(key: string) {
      onChange(rows.filter((row) => row.key !== key));
    },
    update(key: string, patch: Partial<T>) {
      onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
    },
  };
}

/**
 * A text column whose values are sealed with the field cipher. Each module that stores
 * personal data exports the list of its sealed columns; the application passes all the
 * lists to key rotation, which re-seals every value of every column declared here.
 */
export interface SealedColumn {
  /** Table name, optionally schema-qualified (`identity.users`). */
  readonly table: string;
  readonly column: string;
  /** A unique, ordered key of the table (used to page through it). */
  readonly idColumn: string;
  /**
   * The context a row's value is sealed with; the module must seal with exactly this. It
   * receives the id as PostgreSQL writes it as text (`id::text`: lower-case uuid, decimal).
   */
  readonly context: (id: string) => string;
  /** `text` (the default): values of `seal` in a text column; `bytes`: values of `sealBytes` in a bytea column. */
  readonly type?: 'text' | 'bytes';
}

export interface SealedColumnSpec {
  table: string;
  column: string;
  idColumn?: string;
  context?: (id: string) => string;
  type?: 'text' | 'bytes';
}

/**
 * Declares a sealed column. The default context is `<table>.<column>:<id>`, so a value
 * cannot be moved to another row or column.
 */
export function sealedColumn(spec: SealedColumnSpec): SealedColumn {
  const { table, column } = spec;
  return {
    table,
    column,
    idColumn: spec.idColumn ?? 'id',
    context: spec.context ?? ((id) => `${table}.${column}:${id}`),
    type: spec.type ?? 'text',
  };
}

/** Joins the lists of several modules, refusing a column declared twice. */
export function collectSealedColumns(...lists: readonly (readonly SealedColumn[])[]): readonly SealedColumn[] {
  const seen = new Set<string>();
  const all: SealedColumn[] = [];
  for (const column of lists.flat()) {
    const name = `${column.table}.${column.column}`;
    if (seen.has(name)) throw new Error(`The sealed column ${name} is declared twice`);
    seen.add(name);
    all.push(column);
  }
  return all;
}

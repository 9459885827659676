import type { CompiledQuery, Kysely, Transaction } from 'kysely';

type Db = Kysely<any> | Transaction<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Row = Record<string, unknown>;

/**
 * Multi-row inserts compiled once per chunk size and bound many times. Kysely builds and compiles
 * a syntax tree for every query; a rebuild inserts hundreds of thousands of rows of the same shape.
 * The SQL comes from Kysely, so each dialect gets its own placeholders and upsert syntax.
 */
export class BulkInsert<T extends Row> {
  private readonly compiled = new Map<string, CompiledQuery>();

  constructor(
    private readonly columns: readonly (keyof T & string)[],
    private readonly build: (db: Db, rows: T[]) => { compile(): CompiledQuery },
    private readonly chunkSize = 200,
  ) {}

  async insert(db: Db, rows: readonly T[]): Promise<void> {
    for (let i = 0; i < rows.length; i += this.chunkSize) {
      const chunk = rows.slice(i, i + this.chunkSize);
      const parameters: unknown[] = [];
      for (const row of chunk) for (const column of this.columns) parameters.push(row[column]);
      // Placeholders and upsert syntax differ by dialect: cache per dialect and chunk size.
      const key = `${db.getExecutor().adapter.constructor.name}:${chunk.length}`;
      let query = this.compiled.get(key);
      if (!query) {
        query = this.build(db, chunk).compile();
        if (query.parameters.length !== parameters.length || query.parameters.some((p, k) => p !== parameters[k])) {
          throw new Error(
            `BulkInsert: columns [${this.columns.join(', ')}] do not match the compiled query's parameters`,
          );
        }
        this.compiled.set(key, query);
      }
      await db.executeQuery({ ...query, parameters });
    }
  }
}

import type { RowShape, SqliteConnection, SqliteStatement } from './sqlite-driver';

/**
 * Prepared statements of one connection, keyed by SQL text and row shape. Preparing costs far more than running,
 * so every statement the storage builds is prepared once per connection and reused.
 */
export class StatementCache {
  private readonly statements = new Map<string, SqliteStatement<unknown>>();

  constructor(private readonly connection: SqliteConnection) {}

  get<Row>(sql: string, shape: RowShape = 'object'): SqliteStatement<Row> {
    const key = `${shape}:${sql}`;
    let statement = this.statements.get(key);
    if (statement === undefined) {
      statement = this.connection.prepare(sql, shape);
      this.statements.set(key, statement);
    }
    // Callers always ask for the same SQL with the same row type; the map cannot carry that per key.
    return statement as SqliteStatement<Row>;
  }

  /** Forgets every statement (after DDL changed the tables they refer to). */
  clear(): void {
    this.statements.clear();
  }
}

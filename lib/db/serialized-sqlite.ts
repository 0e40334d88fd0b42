import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";

// Prisma's better-sqlite3 adapter runs every query of the process on one connection and locks only transactions
// against each other: while one is open, any other query (the in-process worker's claims, the receiver's inserts)
// runs inside it — and is rolled back with it. This wrapper gives the connection one FIFO lock that transactions
// hold from BEGIN to COMMIT/ROLLBACK and every other query takes for its own duration, so nothing joins a
// transaction it did not open. It also hands the connection, under the same lock, to code that must run several
// statements synchronously (the webhook receiver's hot path).

type Factory = InstanceType<typeof PrismaBetterSQLite3>;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** A first-in first-out lock; `acquire` resolves with the function that releases it. */
export class FifoLock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const turn = this.#tail.then(() => once(release));
    this.#tail = this.#tail.then(() => held);
    return turn;
  }

  async run<T>(fn: () => Promise<T> | T): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

function once(fn: () => void): () => void {
  let called = false;
  return () => {
    if (called) return;
    called = true;
    fn();
  };
}

const QUERIES = new Set<PropertyKey>(["queryRaw", "executeRaw", "executeScript"]);

function lockedTransaction(tx: Transaction, release: () => void): Transaction {
  return new Proxy(tx, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== "function") return value;
      if (property !== "commit" && property !== "rollback") return value.bind(target);
      return async () => {
        try {
          return await (value as () => Promise<void>).call(target);
        } finally {
          release();
        }
      };
    },
  });
}

function lockedAdapter(adapter: Adapter, lock: FifoLock): Adapter {
  return new Proxy(adapter, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== "function") return value;
      // Bound to the real adapter: its methods use private fields a proxy does not carry.
      const method = (value as (...args: unknown[]) => unknown).bind(target);
      if (QUERIES.has(property)) return (...args: unknown[]) => lock.run(() => method(...args));
      if (property !== "startTransaction") return method;
      return async (...args: unknown[]) => {
        const release = await lock.acquire();
        try {
          return lockedTransaction((await method(...args)) as Transaction, release);
        } catch (error) {
          release();
          throw error;
        }
      };
    },
  });
}

/** The adapter factory for PrismaClient, plus exclusive synchronous access to the same connection. */
export function serializedSqlite(
  config: ConstructorParameters<typeof PrismaBetterSQLite3>[0],
  onConnect: (db: BetterSqlite3.Database) => void = () => undefined,
) {
  const inner = new PrismaBetterSQLite3(config);
  const lock = new FifoLock();
  let connection: BetterSqlite3.Database | null = null;

  const factory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      connection = (adapter as unknown as { client: BetterSqlite3.Database }).client;
      onConnect(connection);
      return lockedAdapter(adapter, lock);
    },
    async connectToShadowDb() {
      return lockedAdapter(await inner.connectToShadowDb(), new FifoLock());
    },
  } satisfies Pick<Factory, "provider" | "adapterName" | "connect" | "connectToShadowDb">;

  return {
    factory,
    /**
     * Runs `fn` with the connection to itself: no transaction is open and no other query runs until it returns.
     * `fn` is synchronous, so a transaction it opens with `db.transaction` cannot interleave with anything.
     * `connect` opens the connection first when Prisma has not yet.
     */
    async exclusive<T>(connect: () => Promise<void>, fn: (db: BetterSqlite3.Database) => T): Promise<T> {
      if (!connection) await connect();
      return lock.run(() => fn(connection!));
    },
  };
}

const preparedByConnection = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/** The connection's prepared statement for `sql`, prepared once. */
export function prepared<Row = unknown>(
  db: BetterSqlite3.Database,
  sql: string,
): BetterSqlite3.Statement<unknown[], Row> {
  let statements = preparedByConnection.get(db);
  if (!statements) preparedByConnection.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement as BetterSqlite3.Statement<unknown[], Row>;
}

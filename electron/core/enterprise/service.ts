import { enterpriseInput } from '../../../shared/enterprise/schemas';
import { AppError } from '../../../shared/result';
import type { Enterprise } from '../../../shared/enterprise/types';
import type { z } from 'zod';
import { writeAudit, type Actor } from '../audit';
import type { Store } from '../db/store';
import { nowIso, uuidv7 } from '../util';

type EnterpriseData = z.output<typeof enterpriseInput>;
interface Row {
  id: string;
  name: string;
  uscc: string;
  address: string | null;
  industry: string | null;
  headcount: number;
  updated_at: string;
}
const toEnterprise = (r: Row): Enterprise => ({
  id: r.id,
  name: r.name,
  uscc: r.uscc,
  address: r.address,
  industry: r.industry,
  headcount: r.headcount,
  updatedAt: r.updated_at,
});

export function findEnterprise(store: Store): Enterprise | null {
  const r = store.get<Row>('SELECT * FROM enterprise WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1');
  return r ? toEnterprise(r) : null;
}

export function getEnterprise(store: Store): Enterprise {
  const e = findEnterprise(store);
  if (!e) throw new AppError('NOT_FOUND', 'err.enterprise.missing');
  return e;
}

/** Inside a transaction. */
export function createEnterprise(store: Store, actor: Actor, d: EnterpriseData): Enterprise {
  if (findEnterprise(store)) throw new AppError('CONFLICT', 'err.enterprise.exists');
  const now = nowIso();
  const id = uuidv7();
  store.run(
    `INSERT INTO enterprise (id, name, uscc, address, industry, headcount, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, d.name, d.uscc, d.address, d.industry, d.headcount, now, now],
  );
  const e = getEnterprise(store);
  writeAudit(store, actor, { entity: 'enterprise', entityId: id, action: 'create', after: e }, now);
  return e;
}

export function updateEnterprise(store: Store, actor: Actor, d: EnterpriseData): Enterprise {
  return store.tx(() => {
    const before = getEnterprise(store);
    const now = nowIso();
    store.run(
      `UPDATE enterprise SET name = ?, uscc = ?, address = ?, industry = ?, headcount = ?, updated_at = ? WHERE id = ?`,
      [d.name, d.uscc, d.address, d.industry, d.headcount, now, before.id],
    );
    const after = getEnterprise(store);
    writeAudit(store, actor, { entity: 'enterprise', entityId: before.id, action: 'update', before, after }, now);
    return after;
  });
}

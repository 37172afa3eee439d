import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { notFound } from './problems';

/**
 * The row `id` of `entity`, locked until the transaction ends (so that concurrent writes to it queue up), or a 404
 * naming it as `kind`.
 */
export async function lockedOrNotFound<Row extends { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  id: string,
  kind: string,
): Promise<Row> {
  const row = await manager.findOne(entity, { where: { id } as FindOptionsWhere<Row>, lock: { mode: 'pessimistic_write' } });
  if (!row) throw notFound(kind, id);
  return row;
}

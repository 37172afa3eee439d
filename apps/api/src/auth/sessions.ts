import { EntityManager, IsNull } from 'typeorm';
import { RefreshTokenEntity } from './user.entities';

/** Ends every session of an account: its refresh tokens still in force are revoked now. */
export async function endSessions(manager: EntityManager, userId: string): Promise<void> {
  await manager.update(RefreshTokenEntity, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
}

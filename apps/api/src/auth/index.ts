export { AuthModule } from './auth.module';
export { DEMO_ACCOUNTS } from './demo-accounts';
export { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password';
export { endSessions } from './sessions';
export { generateTemporaryPassword } from './temporary-password';
export { AUTH_ENTITIES, RefreshTokenEntity, UserEntity } from './user.entities';

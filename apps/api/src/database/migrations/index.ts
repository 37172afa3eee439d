import { MigrationInterface } from 'typeorm';

/**
 * Every migration, oldest first. The api is bundled, so migrations are listed
 * here rather than found by a file glob; add each generated migration here.
 */
export const migrations: Array<new () => MigrationInterface> = [];

import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

const NAME = 'access-token-signing-key';

/**
 * The key access tokens are signed with: made once per installation and kept
 * in the database, so every app process behind the same database agrees on it
 * and a restart does not sign everyone out.
 */
@Injectable()
export class SigningKeyService implements OnModuleInit {
  private key?: string;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.dataSource.query('INSERT INTO instance_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
      NAME,
      randomBytes(48).toString('base64url'),
    ]);
    const [row] = await this.dataSource.query('SELECT value FROM instance_secret WHERE name = $1', [NAME]);
    this.key = row.value as string;
  }

  get secret(): string {
    if (!this.key) throw new Error('The signing key is not loaded yet.');
    return this.key;
  }
}

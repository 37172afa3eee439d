/**
 * Creates the first administrator outside demo mode:
 *
 *   npm run admin:create -- --email hr@example.org
 *
 * The password comes from PROFICIO_ADMIN_PASSWORD, or is asked for on the
 * terminal. Uses DATABASE_URL, or the embedded PostgreSQL (stop `npm start` first).
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { CommandError, runCommand, withAppDatabase } from '../database/cli-support';
import { runMigrations } from '../database/migrate';
import { hashPassword, passwordProblems } from './password';
import { UserEntity } from './user.entities';

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) throw new CommandError('Set PROFICIO_ADMIN_PASSWORD, or run this in a terminal to be asked for the password.');
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await terminal.question('Password for the administrator (at least 12 characters): ');
  } finally {
    terminal.close();
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const email = args[args.indexOf('--email') + 1];
  if (!args.includes('--email') || !email || !/^[^\s@]+@[^\s@]+$/.test(email)) {
    console.error('Usage: npm run admin:create -- --email admin@example.org');
    return 2;
  }
  const password = process.env['PROFICIO_ADMIN_PASSWORD'] ?? (await askPassword());
  const problems = passwordProblems(password, email);
  if (problems.length) {
    console.error(`The password ${problems.join(' and ')}.`);
    return 2;
  }
  const config = loadConfig(process.env);
  return withAppDatabase(config, async (url) => {
    await runMigrations(url);
    const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
    try {
      const existing = await dataSource
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .where('lower(u.email) = lower(:email)', { email })
        .getOne();
      if (existing) {
        console.error(`An account for ${email} already exists.`);
        return 1;
      }
      await dataSource.manager.insert(UserEntity, { id: randomUUID(), email, passwordHash: await hashPassword(password), isAdmin: true });
      console.log(`Created the administrator ${email}. Sign in at http://localhost:${config.port}/sign-in.`);
      return 0;
    } finally {
      await dataSource.destroy();
    }
  });
}

runCommand(main);

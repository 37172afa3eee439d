import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  FieldError,
  Page,
  PeopleImportColumn,
  PeopleImportCommitResult,
  PeopleImportPreview,
  PeopleImportRowError,
  PeopleImportRowView,
} from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditedWrites } from '../audit';
import { ProblemException } from '../common/filters/problem.exception';
import { lockedOrNotFound } from '../common/locked-row';
import { conflict, notFound } from '../common/problems';
import { execute, query, sql } from '../common/sql';
import type { Actor } from '../access';
import { PeopleFileError, PeopleFileOptions, RawPeopleRow, readPeopleFile } from './people-import-file';
import { describeCounts, PeopleImportPlan, planPeopleImport, RowPlan } from './people-import-plan';
import { loadSnapshot, PeopleImportWriterService } from './people-import-writer.service';
import { PeopleImportEntity } from './people-import.entities';

/** How uploaded files are read (PeopleImportsModule.forRoot). */
export const PEOPLE_IMPORT_OPTIONS = Symbol('PEOPLE_IMPORT_OPTIONS');

export interface UploadedPeopleFile {
  buffer: Buffer;
  originalname: string;
}

/** Previews nobody committed are removed after a day. */
const PREVIEW_LIFETIME = '1 day';
/** Rows written per INSERT while storing a preview. */
const STORE_CHUNK = 10_000;
/** Longest cell text a row of the preview shows. */
const SHOWN_CHARS = 500;

/** Postgres text cannot hold NUL; such a cell is already an error of its row, this only keeps it storable. */
const storable = (text: string | undefined): string | null => (text === undefined ? null : text.replaceAll('\u0000', '\uFFFD'));
const shown = (text: string | null): string | undefined =>
  text === null || text === '' ? undefined : text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;

const errorsAsFields = (rows: RowPlan[], limit = 20): FieldError[] =>
  rows
    .filter((row) => row.errors.length)
    .slice(0, limit)
    .flatMap((row) =>
      row.errors.map((error) => ({ field: `row ${row.row}${error.column ? `, ${error.column}` : ''}`, message: error.message })),
    );

interface StoredRow {
  row_number: number;
  email: string;
  name: string;
  job_title: string | null;
  team_path: string | null;
  manager_email: string | null;
  role_profile: string | null;
  extra_cells: boolean;
  action: PeopleImportRowView['action'];
  errors: PeopleImportRowError[] | null;
}

/**
 * People import in two steps, like the framework import: `preview` reads and
 * checks an uploaded file against the organisation and keeps the result (rows
 * and their errors, server-side); `commit` checks it again against the
 * organisation as it is then and writes it in one transaction.
 */
@Injectable()
export class PeopleImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: AuditedWrites,
    private readonly writer: PeopleImportWriterService,
    @Inject(PEOPLE_IMPORT_OPTIONS) private readonly options: PeopleFileOptions,
  ) {}

  async preview(actor: Actor, file: UploadedPeopleFile): Promise<PeopleImportPreview> {
    let read;
    try {
      read = await readPeopleFile(file.buffer, this.options);
    } catch (error) {
      if (!(error instanceof PeopleFileError)) throw error;
      // 413: a workbook that would expand beyond the limit once unpacked, like a file over the upload limit.
      const tooLarge = error.status === HttpStatus.PAYLOAD_TOO_LARGE;
      throw new ProblemException(
        error.status,
        tooLarge ? 'The file is too large' : 'The file cannot be imported',
        error.message,
        error.errors,
        { type: tooLarge ? 'urn:proficio:problem:import-too-large' : 'urn:proficio:problem:import-invalid' },
      );
    }
    const plan = planPeopleImport(read, await loadSnapshot(this.dataSource.manager));
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await execute(
        manager,
        sql`DELETE FROM people_import WHERE status = 'previewed' AND created_at < now() - ${PREVIEW_LIFETIME}::interval`,
      );
      await manager.insert(PeopleImportEntity, {
        id,
        fileName: (storable(file.originalname) ?? '').slice(0, 255) || 'people',
        format: read.format,
        status: 'previewed',
        columns: read.columns,
        counts: plan.counts,
        warnings: read.warnings.map((warning) => storable(warning) as string),
        teamsToCreate: plan.teamsToCreate.map((team) => storable(team.path) as string),
        createdBy: actor.userId,
      });
      await this.storeRows(manager, id, plan);
    });
    return this.get(id);
  }

  async get(id: string): Promise<PeopleImportPreview> {
    const row = await this.dataSource.manager.findOneBy(PeopleImportEntity, { id });
    if (!row) throw notFound('Import', id);
    return {
      id: row.id,
      fileName: row.fileName,
      format: row.format,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      columns: row.columns,
      counts: row.counts,
      warnings: row.warnings,
      teamsToCreate: row.teamsToCreate,
      ...(row.committedAt ? { committedAt: row.committedAt.toISOString() } : {}),
    };
  }

  async rows(id: string, paging: { page: number; pageSize: number; errorsOnly: boolean }): Promise<Page<PeopleImportRowView>> {
    const preview = await this.get(id);
    const rows = await query<StoredRow>(
      this.dataSource,
      sql`SELECT row_number, email, name, job_title, team_path, manager_email, role_profile, extra_cells, action, errors
          FROM people_import_row WHERE import_id = ${id} ${paging.errorsOnly ? sql`AND errors IS NOT NULL` : sql.empty}
          ORDER BY row_number LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize}`,
    );
    return {
      items: rows.map((row) => ({
        row: row.row_number,
        email: shown(row.email) ?? '',
        name: shown(row.name) ?? '',
        ...(shown(row.job_title) ? { jobTitle: shown(row.job_title) } : {}),
        ...(shown(row.team_path) ? { teamPath: shown(row.team_path) } : {}),
        ...(shown(row.manager_email) ? { managerEmail: shown(row.manager_email) } : {}),
        ...(shown(row.role_profile) ? { roleProfile: shown(row.role_profile) } : {}),
        action: row.action,
        errors: row.errors ?? [],
      })),
      total: paging.errorsOnly ? preview.counts.error : preview.counts.rows,
      page: paging.page,
      pageSize: paging.pageSize,
    };
  }

  async commit(actor: Actor, id: string): Promise<PeopleImportCommitResult> {
    return this.writes.run(actor, async (tx) => {
      const { manager } = tx;
      const stored = await lockedOrNotFound(manager, PeopleImportEntity, id, 'Import');
      if (stored.status === 'committed') throw conflict(`Import ${id} has already been committed.`);
      if (stored.counts.error > 0) {
        throw new ProblemException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'The file has errors',
          `${stored.counts.error} row${stored.counts.error === 1 ? ' has' : 's have'} errors: correct the file and upload it again. Nothing was imported.`,
          [],
          { type: 'urn:proficio:problem:import-invalid' },
        );
      }
      // No other change to people or teams until this commit ends, so that the checks below stay true.
      await execute(manager, sql`LOCK TABLE team, employee IN SHARE ROW EXCLUSIVE MODE`);
      const plan = planPeopleImport({ columns: stored.columns, rows: await this.loadRows(manager, id) }, await loadSnapshot(manager));
      if (plan.counts.error > 0) throw this.stale(plan);
      const result = await this.writer.write(tx, id, plan, new Set(stored.columns));
      await manager.update(PeopleImportEntity, { id }, { status: 'committed', committedAt: new Date(), result });
      return result;
    });
  }

  /** The organisation changed since the preview (someone added a person, archived a role profile…) and rows now fail. */
  private stale(plan: PeopleImportPlan): ProblemException {
    return new ProblemException(
      HttpStatus.CONFLICT,
      'The organisation changed since the preview',
      `Checked again against the organisation as it is now, the file gives ${describeCounts(plan.counts)}. Upload it again to see the errors. Nothing was imported.`,
      errorsAsFields(plan.rows),
      { type: 'urn:proficio:problem:import-stale' },
    );
  }

  private async storeRows(manager: EntityManager, id: string, plan: PeopleImportPlan): Promise<void> {
    for (let start = 0; start < plan.rows.length; start += STORE_CHUNK) {
      const chunk = plan.rows.slice(start, start + STORE_CHUNK);
      const column = (name: PeopleImportColumn) => chunk.map((row) => storable(row.values[name]));
      const errors = chunk.map((row) => (row.errors.length ? JSON.stringify(row.errors).replace(/\\u0000/g, '\\ufffd') : null));
      await execute(
        manager,
        sql`INSERT INTO people_import_row
              (import_id, row_number, email, name, job_title, team_path, manager_email, role_profile, extra_cells, action, errors)
            SELECT ${id}, t.row_number, t.email, t.name, t.job_title, t.team_path, t.manager_email, t.role_profile, t.extra_cells, t.action,
              t.errors::jsonb
            FROM unnest(${chunk.map((row) => row.row)}::int[], ${column('email')}::text[], ${column('name')}::text[],
              ${column('job title')}::text[], ${column('team path')}::text[], ${column('manager email')}::text[],
              ${column('role profile')}::text[], ${chunk.map((row) => row.extraCells)}::boolean[], ${chunk.map((row) => row.action)}::text[],
              ${errors}::text[])
              AS t(row_number, email, name, job_title, team_path, manager_email, role_profile, extra_cells, action, errors)`,
      );
    }
  }

  private async loadRows(manager: EntityManager, id: string): Promise<RawPeopleRow[]> {
    const rows = await query<Omit<StoredRow, 'action' | 'errors'>>(
      manager,
      sql`SELECT row_number, email, name, job_title, team_path, manager_email, role_profile, extra_cells
          FROM people_import_row WHERE import_id = ${id} ORDER BY row_number`,
    );
    return rows.map((row) => {
      const values: RawPeopleRow['values'] = { email: row.email, name: row.name };
      if (row.job_title !== null) values['job title'] = row.job_title;
      if (row.team_path !== null) values['team path'] = row.team_path;
      if (row.manager_email !== null) values['manager email'] = row.manager_email;
      if (row.role_profile !== null) values['role profile'] = row.role_profile;
      return { row: row.row_number, values, extraCells: row.extra_cells };
    });
  }
}

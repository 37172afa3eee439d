import type { EvidenceStatus, EvidenceVerdict } from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import type { FileStore } from '../files';

/** One revision of a demo item: its content, and the verdict it got (none for the newest of a waiting or draft item). */
interface DemoRevision {
  title: string;
  narrative: string;
  /** Answers to the claimed level's interview questions, by position. */
  answers?: string[];
  /** Positions of the claimed level's behaviour indicators it shows. */
  indicators?: number[];
  links?: string[];
  files?: { name: string; bytes: Buffer }[];
  verdict?: { verdict: EvidenceVerdict; comment?: string };
  /** Days before today it was submitted; absent for a draft. */
  submittedDaysAgo?: number;
}

export interface DemoEvidenceItem {
  person: string;
  competency: string;
  level: number;
  /** Days before today the activity took place. */
  activityDaysAgo: number;
  revisions: DemoRevision[];
  comments?: { by: 'person' | 'reviewer'; body: string; daysAgo: number }[];
}

/** A one-page PDF that says what it is. */
export const DEMO_PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj',
    '4 0 obj << /Length 60 >> stream',
    'BT /F1 18 Tf 72 770 Td (Proficio demo evidence) Tj ET',
    'endstream endobj',
    '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
  'latin1',
);

/** A 1×1 transparent PNG. */
export const DEMO_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * The demo's evidence: one item in every state, mostly Sara's (the demo employee) so that her
 * Evidence tab shows them all, reviewed by Marco (the demo manager, above her in the line), with
 * two more waiting in his inbox.
 */
export const DEMO_EVIDENCE: DemoEvidenceItem[] = [
  {
    person: 'sara',
    competency: 'SMP',
    level: 2,
    activityDaysAgo: 70,
    revisions: [
      {
        title: 'Ran the triage rota during the March service-desk peak',
        narrative: 'I organised the triage rota for the three weeks of the peak.',
        answers: ['The queue doubled after the mail migration; I set up a triage rota with two colleagues.'],
        indicators: [0],
        files: [{ name: 'triage-rota.pdf', bytes: DEMO_PDF }],
        submittedDaysAgo: 60,
        verdict: {
          verdict: 'changes_requested',
          comment: 'Good work. Please add what changed for users: the queue figures before and after.',
        },
      },
      {
        title: 'Ran the triage rota during the March service-desk peak',
        narrative: 'I organised the triage rota for the three weeks of the peak. The open queue went from 410 to 95 tickets in 12 days.',
        answers: [
          'The queue doubled after the mail migration; I set up a triage rota with two colleagues.',
          'I measured the queue daily and shared the figures at the stand-up; we kept the rota for the next release.',
        ],
        indicators: [0, 1],
        files: [{ name: 'triage-rota.pdf', bytes: DEMO_PDF }],
        submittedDaysAgo: 50,
        verdict: { verdict: 'accepted' },
      },
    ],
    comments: [{ by: 'person', body: 'Added the queue figures and the follow-up.', daysAgo: 51 }],
  },
  {
    person: 'sara',
    competency: 'C.1',
    level: 2,
    activityDaysAgo: 9,
    revisions: [
      {
        title: 'Resolved the VPN certificate incident for 40 remote users',
        narrative:
          'Diagnosed the expired intermediate certificate, walked users through the fix and wrote the knowledge article that closed the follow-up calls.',
        links: ['https://intranet.example.org/kb/vpn-certificate'],
        files: [
          { name: 'vpn-error-screenshot.png', bytes: DEMO_PNG },
          {
            name: 'knowledge-article.txt',
            bytes: Buffer.from('VPN certificate renewal: steps for remote users.\n1. Open the VPN client…\n'),
          },
        ],
        submittedDaysAgo: 5,
      },
    ],
  },
  {
    person: 'sara',
    competency: 'C.4',
    level: 2,
    activityDaysAgo: 30,
    revisions: [
      {
        title: 'Root-cause note on the printer queue outages',
        narrative: 'Collected the outage times and found the print server’s nightly job behind them.',
        submittedDaysAgo: 12,
        verdict: { verdict: 'changes_requested', comment: 'Please link the problem record and say what the permanent fix was.' },
      },
    ],
  },
  {
    person: 'sara',
    competency: 'SLMO',
    level: 3,
    activityDaysAgo: 3,
    revisions: [
      { title: 'Service review pack for the quarterly review', narrative: 'Draft: collecting the figures for the service review.' },
    ],
  },
  {
    person: 'tom',
    competency: 'C.1',
    level: 1,
    activityDaysAgo: 20,
    revisions: [
      {
        title: 'Password-reset walkthrough for new starters',
        narrative: 'Wrote and recorded a short walkthrough used in onboarding.',
        submittedDaysAgo: 14,
      },
    ],
  },
  {
    person: 'luca',
    competency: 'C.4',
    level: 3,
    activityDaysAgo: 120,
    revisions: [
      {
        title: 'Weekly incident trend report',
        narrative: 'A weekly report of incident volumes per service.',
        submittedDaysAgo: 100,
        verdict: { verdict: 'rejected', comment: 'This shows reporting, not problem management: no root cause or permanent fix.' },
      },
    ],
  },
];

/** What the seeder has looked up: people, accounts and competencies by key. */
export interface DemoEvidenceContext {
  people: ReadonlyMap<string, { employeeId: string; userId?: string }>;
  /** Writes drafts and items for people without an account. */
  adminUserId: string;
  reviewer: { userId: string; employeeId: string };
  competencies: ReadonlyMap<string, { id: string; levels: ReadonlyMap<number, { questions: unknown[]; indicators: unknown[] }> }>;
}

const daysAgo = (today: Date, days: number): Date => new Date(today.getTime() - days * 86_400_000);
const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/** Writes the demo evidence with SQL (the history tables take inserts only) and its files through the file store. */
export async function writeDemoEvidence(
  manager: EntityManager,
  store: FileStore,
  context: DemoEvidenceContext,
  today = new Date(),
): Promise<number> {
  let written = 0;
  for (const item of DEMO_EVIDENCE) {
    const person = context.people.get(item.person);
    const competency = context.competencies.get(item.competency);
    const prompts = competency?.levels.get(item.level);
    if (!person || !competency || !prompts) continue;
    const id = randomUUID();
    const author = person.userId ?? context.adminUserId;
    const last = item.revisions[item.revisions.length - 1] as DemoRevision;
    const submitted = [...item.revisions].reverse().find((revision) => revision.submittedDaysAgo !== undefined);
    const status: EvidenceStatus = !submitted ? 'draft' : (submitted.verdict?.verdict ?? 'submitted');
    const submittedNumber = submitted ? item.revisions.indexOf(submitted) + 1 : null;
    await manager.query(
      `INSERT INTO evidence (id, employee_id, created_by_user_id, created_at, status, current_revision, submitted_revision, title, submitted_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        person.employeeId,
        author,
        daysAgo(today, item.activityDaysAgo),
        status,
        item.revisions.length,
        submittedNumber,
        (submitted ?? last).title,
        submitted?.submittedDaysAgo !== undefined ? daysAgo(today, submitted.submittedDaysAgo) : null,
        daysAgo(today, Math.min(...item.revisions.map((revision) => revision.submittedDaysAgo ?? 0))),
      ],
    );
    for (const [index, revision] of item.revisions.entries()) {
      const number = index + 1;
      const answers = (revision.answers ?? []).flatMap((answer, question) =>
        prompts.questions[question] ? [{ claim: 0, question, questionText: prompts.questions[question], answer }] : [],
      );
      const indicators = (revision.indicators ?? []).flatMap((indicator) =>
        prompts.indicators[indicator] ? [{ claim: 0, indicator, text: prompts.indicators[indicator] }] : [],
      );
      const submittedAt = revision.submittedDaysAgo !== undefined ? daysAgo(today, revision.submittedDaysAgo) : null;
      await manager.query(
        `INSERT INTO evidence_revision (evidence_id, number, title, activity_from, narrative, answers, indicators, links, author_user_id,
                                        created_at, updated_at, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::text[], $9, $10, $10, $11)`,
        [
          id,
          number,
          revision.title,
          isoDate(daysAgo(today, item.activityDaysAgo)),
          revision.narrative,
          JSON.stringify(answers),
          JSON.stringify(indicators),
          revision.links ?? [],
          author,
          submittedAt ?? today,
          submittedAt,
        ],
      );
      await manager.query(`INSERT INTO evidence_claim (evidence_id, revision, position, competency_id, level) VALUES ($1, $2, 0, $3, $4)`, [
        id,
        number,
        competency.id,
        item.level,
      ]);
      for (const file of revision.files ?? []) {
        const stored = await store.write(manager, Readable.from([file.bytes]), { maxBytes: 10 * 1024 * 1024 });
        const fileId = randomUUID();
        await manager.query(
          `INSERT INTO evidence_file (id, evidence_id, stored_file_id, name, uploaded_by_user_id) VALUES ($1, $2, $3, $4, $5)`,
          [fileId, id, stored.id, file.name, author],
        );
        await manager.query(`INSERT INTO evidence_revision_file (evidence_id, revision, file_id) VALUES ($1, $2, $3)`, [
          id,
          number,
          fileId,
        ]);
      }
      if (revision.verdict && submittedAt) {
        await manager.query(
          `INSERT INTO evidence_verdict (id, evidence_id, revision, verdict, comment, reviewer_user_id, reviewer_employee_id, given_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            randomUUID(),
            id,
            number,
            revision.verdict.verdict,
            revision.verdict.comment ?? null,
            context.reviewer.userId,
            context.reviewer.employeeId,
            new Date(submittedAt.getTime() + 86_400_000),
          ],
        );
      }
    }
    for (const comment of item.comments ?? []) {
      await manager.query(`INSERT INTO evidence_comment (id, evidence_id, author_user_id, body, created_at) VALUES ($1, $2, $3, $4, $5)`, [
        randomUUID(),
        id,
        comment.by === 'person' ? author : context.reviewer.userId,
        comment.body,
        daysAgo(today, comment.daysAgo),
      ]);
    }
    written += 1;
  }
  return written;
}

import { JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerInputEvent, MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { ParamMap, RouterLink } from '@angular/router';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, AuditAction, AuditEntityType, AuditEventView } from '@proficio/shared/contracts';
import { AuditApi, auditChanges, auditValue } from '@proficio/web/audit/data-access';
import { ListState, LocalDatePipe, SearchField, SelectFilter, SelectFilters } from '@proficio/web/shared/ui';
import { loaded, QueryParams, readChoice, readPaging, resultSummary, urlList } from '@proficio/web/shared/util';
import { fromIsoDate, injectDateInputPattern, provideLocaleDateAdapter, toIsoDate } from '@proficio/web/shared/util/date-input';
import type { DateTime } from 'luxon';

export const PAGE_SIZES = [25, 50, 100] as const;
/** The API's default page size for the audit log. */
export const DEFAULT_PAGE_SIZE = 50;

/** The words the page uses for each kind of record the API audits (every kind has one: the type says so). */
const ENTITY_TYPE_LABELS: Record<AuditEntityType, string> = {
  employee: 'Person',
  team: 'Team',
  role_profile: 'Role profile',
  role_profile_version: 'Role profile version',
  people_import: 'People import',
  framework_import: 'Framework import',
  framework: 'Framework',
  user: 'Sign-in account',
  session: 'Sign-in session',
  assessment: 'Assessment',
  evidence: 'Evidence',
  review_cycle: 'Review cycle',
  review: 'Review',
};

/** The kinds of records the API audits, with the words the page uses for them. */
export const ENTITY_TYPES: readonly { value: AuditEntityType; label: string }[] = AUDIT_ENTITY_TYPES.map((value) => ({
  value,
  label: ENTITY_TYPE_LABELS[value],
}));

export const ACTION_LABELS: Record<AuditAction, string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  import: 'Imported',
  anonymise: 'Anonymised',
  refuse: 'Refused',
  publish: 'Published',
  submit: 'Submitted',
  review: 'Reviewed',
  open: 'Opened',
  close: 'Closed',
  transition: 'Moved on',
  sign: 'Signed',
  reopen: 'Reopened',
  reassign: 'Reassigned',
};

export interface AuditQuery {
  readonly entityType: string;
  readonly entityId: string;
  readonly actor: string;
  readonly action: AuditAction | undefined;
  /** `YYYY-MM-DD` or ''. */
  readonly from: string;
  readonly to: string;
  readonly page: number;
  readonly pageSize: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readAuditQuery(params: ParamMap): AuditQuery {
  const date = (name: string) => (DATE.test(params.get(name) ?? '') ? (params.get(name) as string) : '');
  return {
    entityType: params.get('entityType')?.trim() ?? '',
    entityId: params.get('entityId')?.trim() ?? '',
    actor: params.get('actor')?.trim() ?? '',
    action: readChoice(params, 'action', AUDIT_ACTIONS),
    from: date('from'),
    to: date('to'),
    ...readPaging(params, PAGE_SIZES, DEFAULT_PAGE_SIZE),
  };
}

/**
 * `/audit-events` (admins): every write, newest first — who, when, what — filtered by kind of
 * record, record id, actor, action and dates through the URL, paged; each row opens to what changed.
 */
@Component({
  selector: 'app-audit-log-page',
  imports: [
    LocalDatePipe,
    JsonPipe,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatTableModule,
    RouterLink,
    ListState,
    SearchField,
    SelectFilters,
  ],
  providers: [provideLocaleDateAdapter()],
  templateUrl: './audit-log-page.html',
  styleUrl: './audit-log-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLogPage {
  private readonly api = inject(AuditApi);

  /** The filters, page and page size, as the URL has them. */
  protected readonly list = urlList({
    read: readAuditQuery,
    load: (query$) => loaded(query$, (query) => this.api.listEvents(query)),
    pageSizes: PAGE_SIZES,
    defaultPageSize: DEFAULT_PAGE_SIZE,
  });
  protected readonly query = this.list.query;

  protected readonly isFiltered = computed(() => {
    const { entityType, entityId, actor, action, from, to } = this.query();
    return !!(entityType || entityId || actor || action || from || to);
  });
  protected readonly fromDate = computed(() => fromIsoDate(this.query().from));
  protected readonly toDate = computed(() => fromIsoDate(this.query().to));
  /** How the browser's locale writes a date (DD/MM/YYYY in en-GB), as the date fields read it. */
  protected readonly datePattern = injectDateInputPattern();
  protected readonly resultSummary = resultSummary(this.list, ['event', 'events']);

  /** Ids of the rows opened to show their changes. */
  protected readonly expanded = signal<ReadonlySet<number>>(new Set());

  protected readonly columns = ['expand', 'occurredAt', 'actor', 'action', 'entity'];
  protected readonly filters: readonly SelectFilter[] = [
    {
      param: 'entityType',
      label: 'Record',
      anyLabel: 'Any kind of record',
      options: ENTITY_TYPES,
      testId: 'entity-type-filter',
      width: '14rem',
    },
    {
      param: 'action',
      label: 'Action',
      anyLabel: 'Any action',
      options: AUDIT_ACTIONS.map((value) => ({ value, label: ACTION_LABELS[value] })),
      testId: 'action-filter',
      width: '14rem',
    },
  ];
  protected readonly changesOf = (event: AuditEventView) => auditChanges(event.before, event.after);
  protected readonly valueOf = auditValue;
  protected readonly isDetailRow = (_index: number, event: AuditEventView) => this.expanded().has(event.id);

  protected actionLabel(action: string): string {
    return ACTION_LABELS[action as AuditAction] ?? action;
  }

  protected entityLabel(type: string): string {
    return ENTITY_TYPES.find((entity) => entity.value === type)?.label ?? type;
  }

  /** Where the record an event is about can be seen, when the web app has a page for it. */
  protected entityLink(event: AuditEventView): string[] | null {
    if (!event.entityId || event.action === 'delete') return null;
    if (event.entityType === 'employee') return ['/people', event.entityId];
    if (event.entityType === 'team') return ['/teams'];
    if (event.entityType === 'role_profile') return ['/role-profiles', event.entityId];
    if (event.entityType === 'role_profile_version') {
      const profileId = (event.after as { roleProfileId?: unknown } | undefined)?.roleProfileId;
      return typeof profileId === 'string' ? ['/role-profiles', profileId] : null;
    }
    return null;
  }

  protected toggle(event: AuditEventView): void {
    this.expanded.update((ids) => {
      const next = new Set(ids);
      if (!next.delete(event.id)) next.add(event.id);
      return next;
    });
  }

  protected pickDate(name: 'from' | 'to', event: MatDatepickerInputEvent<DateTime>): void {
    this.navigate({ [name]: toIsoDate(event.value) });
  }

  protected clearFilters(): void {
    this.navigate({ entityType: null, entityId: null, actor: null, action: null, from: null, to: null });
  }

  /** A new filter starts again from the first page, with every row closed. */
  protected navigate(filters: QueryParams, replaceUrl = false): void {
    this.expanded.set(new Set());
    this.list.filter(filters, replaceUrl);
  }
}

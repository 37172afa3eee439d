import { Injectable, inject } from '@angular/core';
import { EvidenceSummary, InboxCounts, InboxDisagreement, Page } from '@proficio/shared/contracts';
import { AssessmentsStore } from '@proficio/web/people/data-access';
import { Loaded, loaded } from '@proficio/web/shared/util';
import { Observable, merge, of } from 'rxjs';
import { EvidenceStore } from './evidence-store';
import { InboxApi, InboxPageQuery } from './inbox-api';
import { refreshTicks } from './refresh';

/**
 * What waits for a reviewer, as the pages and the navigation show it: the lists reload after every evidence write
 * (a verdict takes an item out) and, for disagreements, every saved assessment; the counts also after each
 * navigation and every minute, since other people's submissions change them. Loads need an injection context.
 */
@Injectable({ providedIn: 'root' })
export class InboxStore {
  private readonly api = inject(InboxApi);
  private readonly evidenceChanges = inject(EvidenceStore).changes;
  private readonly assessmentChanges = inject(AssessmentsStore).changes;

  /** The counts while `active$` says the person reviews (a manager or an admin); null otherwise, without asking. */
  counts(active$: Observable<boolean>): Loaded<InboxCounts | null> {
    return loaded(active$, (active) => (active ? this.api.counts() : of(null)), {
      reloadOn: merge(this.evidenceChanges, this.assessmentChanges, refreshTicks()),
    });
  }

  /** A page of evidence waiting for a verdict, oldest submitted first, for each query. */
  evidence(query$: Observable<InboxPageQuery>): Loaded<Page<EvidenceSummary>> {
    return loaded(query$, (query) => this.api.evidence(query), { reloadOn: this.evidenceChanges });
  }

  /** A page of self-assessments far from the caller's own rating, for each query. */
  disagreements(query$: Observable<InboxPageQuery>): Loaded<Page<InboxDisagreement>> {
    return loaded(query$, (query) => this.api.disagreements(query), { reloadOn: this.assessmentChanges });
  }
}

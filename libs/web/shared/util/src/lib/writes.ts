import { computed, signal } from '@angular/core';
import { Observable, Subject, defer, finalize, tap } from 'rxjs';

/**
 * The writes of one area (an area store holds one): whether any is in flight, and a stream of
 * those that succeeded, which the area's lists and pages (and later dashboards) reload on.
 */
export class Writes {
  private readonly inFlight = signal(0);
  private readonly done = new Subject<void>();

  /** True while a write is in flight. */
  readonly saving = computed(() => this.inFlight() > 0);
  /** Emits once each write has succeeded. */
  readonly changes: Observable<void> = this.done.asObservable();

  /** Wraps a write: counted while in flight, announced on `changes` when it completes without error. */
  track<T>(write: Observable<T>): Observable<T> {
    return defer(() => {
      this.inFlight.update((count) => count + 1);
      return write.pipe(
        tap({ complete: () => this.done.next() }),
        finalize(() => this.inFlight.update((count) => count - 1)),
      );
    });
  }

  /** Announces a change made elsewhere (e.g. a write of another area that touches this one). */
  changed(): void {
    this.done.next();
  }
}

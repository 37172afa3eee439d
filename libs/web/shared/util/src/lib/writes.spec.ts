import { Subject, throwError } from 'rxjs';
import { Writes } from './writes';

describe('Writes', () => {
  it('is saving while a write is in flight and announces it once it completes', () => {
    const writes = new Writes();
    const changes: number[] = [];
    writes.changes.subscribe(() => changes.push(changes.length));
    const answer = new Subject<string>();
    const values: string[] = [];

    writes.track(answer).subscribe((value) => values.push(value));
    expect(writes.saving()).toBe(true);
    answer.next('saved');
    answer.complete();

    expect(values).toEqual(['saved']);
    expect(writes.saving()).toBe(false);
    expect(changes).toHaveLength(1);
  });

  it('does not announce a write that fails, and stops saving', () => {
    const writes = new Writes();
    const changes: unknown[] = [];
    writes.changes.subscribe((change) => changes.push(change));
    let failed = false;
    writes.track(throwError(() => new Error('409'))).subscribe({ error: () => (failed = true) });
    expect(failed).toBe(true);
    expect(writes.saving()).toBe(false);
    expect(changes).toEqual([]);
  });

  it('sends nothing until the write is subscribed to', () => {
    const writes = new Writes();
    writes.track(new Subject<void>());
    expect(writes.saving()).toBe(false);
  });
});

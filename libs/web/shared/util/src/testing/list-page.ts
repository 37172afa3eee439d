/// <reference types="jest" />
import { TestRequest } from '@angular/common/http/testing';
import { textOf } from './dialog';

/** The problem an API answers when it fails: `<app-list-state>` shows it as "Internal Server Error: Database unavailable". */
export const SERVER_ERROR = { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Database unavailable' };

/** Answers `request` with `SERVER_ERROR`, a 500. */
export function answerServerError(request: TestRequest): void {
  request.flush(SERVER_ERROR, { status: 500, statusText: 'Internal Server Error' });
}

/**
 * For specs of a list page (a search field above an `<app-list-state>`), each step followed by `settle`: typing a
 * search as a user does (`debounceMs`, the search field's wait, passes in fake time; the rest runs in real time, as
 * the router harness needs), and the list's problem panel.
 */
export function listPage(root: () => HTMLElement, settle: () => Promise<unknown>, debounceMs: number) {
  return {
    search: async (value: string): Promise<void> => {
      const input = root().querySelector<HTMLInputElement>('input[type="search"]');
      if (!input) throw new Error('no search box');
      jest.useFakeTimers();
      try {
        input.value = value;
        input.dispatchEvent(new Event('input'));
        await jest.advanceTimersByTimeAsync(debounceMs);
        // Whatever the search scheduled (the navigation, change detection) runs before real time resumes.
        await jest.runAllTimersAsync();
      } finally {
        jest.useRealTimers();
      }
      await settle();
    },
    /** `<app-list-state>`'s problem panel (`{testId}-error`): its role, heading and problem, and its "Try again". */
    error: (testId: string) => {
      const panel = root().querySelector<HTMLElement>(`[data-testid="${testId}-error"]`);
      if (!panel) throw new Error(`no ${testId}-error panel`);
      return {
        role: panel.getAttribute('role'),
        heading: textOf(panel.querySelector('h2')),
        problem: textOf(panel.querySelector('p')),
        retry: async (): Promise<void> => {
          panel.querySelector('button')?.click();
          await settle();
        },
      };
    },
  };
}

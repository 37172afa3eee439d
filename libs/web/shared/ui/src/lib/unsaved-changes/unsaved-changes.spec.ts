import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { of } from 'rxjs';
import { HasUnsavedChanges, LEAVE_WITH_UNSAVED_CHANGES, unsavedChangesGuard, warnBeforeUnload } from './unsaved-changes';

@Component({ template: 'form' })
class FormPage implements HasUnsavedChanges {
  static dirty = signal(false);
  constructor() {
    warnBeforeUnload(() => FormPage.dirty());
  }
  hasUnsavedChanges(): boolean {
    return FormPage.dirty();
  }
}

@Component({ template: 'elsewhere' })
class Elsewhere {}

describe('unsavedChangesGuard and warnBeforeUnload', () => {
  let answer: boolean | undefined;
  let asked: unknown[];

  beforeEach(async () => {
    answer = undefined;
    asked = [];
    FormPage.dirty.set(false);
    TestBed.configureTestingModule({
      providers: [
        provideNoopAnimations(),
        provideRouter([
          { path: 'form', component: FormPage, canDeactivate: [unsavedChangesGuard] },
          { path: 'elsewhere', component: Elsewhere },
        ]),
        {
          provide: MatDialog,
          useValue: {
            open: (_component: unknown, config: { data: unknown }) => {
              asked.push(config.data);
              return { afterClosed: () => of(answer) };
            },
          },
        },
      ],
    });
    // The harness renders the routed page, so the guard gets the component as the router does.
    await RouterTestingHarness.create('/form');
  });

  it('lets a page without changes go without asking', async () => {
    expect(await TestBed.inject(Router).navigateByUrl('/elsewhere')).toBe(true);
    expect(asked).toEqual([]);
  });

  it('asks before leaving unsaved changes, and stays when the answer is not "leave"', async () => {
    FormPage.dirty.set(true);
    const router = TestBed.inject(Router);
    expect(await router.navigateByUrl('/elsewhere')).toBe(false);
    expect(asked).toEqual([LEAVE_WITH_UNSAVED_CHANGES]);
    expect(router.url).toBe('/form');
    answer = true;
    expect(await router.navigateByUrl('/elsewhere')).toBe(true);
    expect(router.url).toBe('/elsewhere');
  });

  it('makes the browser warn before unloading only while there are unsaved changes', () => {
    const clean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);
    FormPage.dirty.set(true);
    const dirty = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(dirty);
    expect(dirty.defaultPrevented).toBe(true);
  });
});

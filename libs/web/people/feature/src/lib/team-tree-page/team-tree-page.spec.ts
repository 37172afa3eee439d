import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes } from '@proficio/shared/contracts';
import { DEMO_IDS, demoTeams } from '@proficio/web/people/data-access/testing';
import { AXE_TIMEOUT_MS, httpTesting, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { TeamNode } from '@proficio/shared/contracts';
import { signInAs } from '@proficio/web/auth/data-access/testing';
import { TeamTreePage } from './team-tree-page';

@Component({ template: '<h1>Directory stub</h1>' })
class DirectoryStub {}

describe('TeamTreePage', () => {
  let harness: RouterTestingHarness;
  const { http } = httpTesting({
    providers: [
      provideRouter([
        { path: 'teams', component: TeamTreePage },
        { path: 'people', component: DirectoryStub },
      ]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const items = (): HTMLElement[] => Array.from(page().querySelectorAll<HTMLElement>('[role="treeitem"]'));
  const settle = () => harness.fixture.whenStable();

  beforeEach(async () => {
    harness = await RouterTestingHarness.create('/teams');
  });

  it('shows a labelled progress indicator while the teams load', () => {
    expect(page().querySelector('[data-testid="teams-loading"] [role="progressbar"]')?.getAttribute('aria-label')).toBe('Loading teams');
    http().expectOne(ApiRoutes.teams).flush(demoTeams());
  });

  it('shows the nested teams with their member counts, each linking to its people', async () => {
    http().expectOne(ApiRoutes.teams).flush(demoTeams());
    await settle();

    expect(textOf(page().querySelector('h1'))).toBe('Teams');
    expect(page().querySelector('[role="tree"]')?.getAttribute('aria-label')).toBe('Teams');
    expect(items().map((item) => [item.getAttribute('aria-level'), textOf(item)])).toEqual([
      ['1', 'Proficio Demo Ltd No members'],
      ['2', 'IT Services 1 member'],
      ['3', 'Service Desk 3 members'],
      ['3', 'Service Delivery 3 members'],
      ['2', 'People & Culture 1 member'],
    ]);

    const desk = items()[2].querySelector('a');
    expect(desk?.getAttribute('href')).toBe(`/people?teamId=${DEMO_IDS.desk}`);
    desk?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/people?teamId=${DEMO_IDS.desk}`);
  });

  it('says so when there are no teams', async () => {
    http().expectOne(ApiRoutes.teams).flush([]);
    await settle();
    expect(textOf(page().querySelector('[data-testid="teams-empty"]'))).toBe('There are no teams yet.');
  });

  it('shows the problem when the API fails, and tries again on request', async () => {
    http()
      .expectOne(ApiRoutes.teams)
      .flush({ type: 'about:blank', title: 'Internal Server Error', status: 500 }, { status: 500, statusText: 'Internal Server Error' });
    await settle();

    const error = page().querySelector('[data-testid="teams-error"]');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(textOf(error)).toContain('Could not load the teams');
    error?.querySelector('button')?.click();
    await settle();
    http().expectOne(ApiRoutes.teams).flush(demoTeams());
    await settle();
    expect(items()).toHaveLength(5);
  });

  it(
    'has no serious accessibility violations',
    async () => {
      http().expectOne(ApiRoutes.teams).flush(demoTeams());
      await settle();
      expect(await seriousA11yViolations(page())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );

  describe('managing teams', () => {
    const EMPTY_ID = '0a000000-0000-4000-8000-0000000000ee';
    const withEmptyTeam = (): TeamNode[] => {
      const tree = demoTeams();
      tree[0]?.children.push({ id: EMPTY_ID, name: 'Archive', memberCount: 0, children: [] });
      return tree;
    };
    const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;
    const byText = <T extends HTMLElement>(root: ParentNode, selector: string, text: string): T | undefined =>
      Array.from(root.querySelectorAll<T>(selector)).find((element) => textOf(element) === text || textOf(element).startsWith(text));
    const openActions = async (team: string) => {
      page().querySelector<HTMLButtonElement>(`button[aria-label="Change ${team}"]`)?.click();
      await settle();
    };
    const type = (input: HTMLInputElement | null, value: string) => {
      if (!input) throw new Error('no input');
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };

    /** The tree loaded with `teams` (the demo teams unless given), and an admin signed in. */
    const givenAdmin = async (teams: TeamNode[] = demoTeams()): Promise<void> => {
      http().expectOne(ApiRoutes.teams).flush(teams);
      await signInAs(http(), ['admin'], undefined);
      await settle();
    };
    /** Chooses `action` in `team`'s actions menu, and returns the dialog it opens. */
    const startAction = async (team: string, action: string): Promise<HTMLElement> => {
      await openActions(team);
      byText<HTMLButtonElement>(overlay(), '[mat-menu-item]', action)?.click();
      await settle();
      return overlay().querySelector('mat-dialog-container') as HTMLElement;
    };

    afterEach(() => TestBed.inject(MatDialog).closeAll());

    it('is not offered to managers', async () => {
      http().expectOne(ApiRoutes.teams).flush(demoTeams());
      await signInAs(http(), ['manager', 'employee'], { id: DEMO_IDS.marco, name: 'Marco Rossi' });
      await settle();
      expect(page().querySelector('[data-testid="manage-teams"]')).toBeNull();
    });

    it('lets an admin add a sub-team, then reloads the tree and says what happened', async () => {
      await givenAdmin();
      expect(textOf(page().querySelector('[data-team-row="Service Desk"]'))).toContain('Has 3 members');

      const dialog = await startAction('IT Services', 'Add a sub-team');
      expect(textOf(dialog.querySelector('h2'))).toBe('Add a team');
      type(dialog.querySelector('input'), '  Field Support ');
      byText<HTMLButtonElement>(dialog, 'button', 'Add team')?.click();
      await settle();

      const post = http().expectOne(ApiRoutes.teams + '');
      expect(post.request.method).toBe('POST');
      expect(post.request.body).toEqual({ name: 'Field Support', parentId: DEMO_IDS.it });
      post.flush({ id: 'new', name: 'Field Support', parentId: DEMO_IDS.it });
      await settle();
      http().expectOne(ApiRoutes.teams).flush(demoTeams());
      await settle();
      expect(textOf(page().querySelector('[data-testid="teams-status"]'))).toBe('Field Support added under IT Services.');
    });

    it('shows the API refusal of a name next to the field and keeps the dialog open', async () => {
      await givenAdmin();
      const dialog = await startAction('Service Desk', 'Rename');
      type(dialog.querySelector('input'), 'Service Delivery');
      byText<HTMLButtonElement>(dialog, 'button', 'Rename')?.click();
      await settle();
      const patch = http().expectOne(ApiRoutes.team(DEMO_IDS.desk));
      expect(patch.request.body).toEqual({ name: 'Service Delivery' });
      patch.flush(
        {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          errors: [{ field: 'name', message: 'is already used by another team with the same parent' }],
        },
        { status: 409, statusText: 'Conflict' },
      );
      await settle();
      expect(textOf(dialog.querySelector('mat-error'))).toBe('Name is already used by another team with the same parent');
      expect(overlay().querySelector('mat-dialog-container')).not.toBeNull();
    });

    it('offers only possible parents when moving a team', async () => {
      await givenAdmin();
      const dialog = await startAction('IT Services', 'Move');
      (dialog.querySelector('mat-select') as HTMLElement).click();
      await settle();
      const options = Array.from(overlay().querySelectorAll('mat-option')).map(textOf);
      expect(options).toEqual(['None (a top-level team)', 'Proficio Demo Ltd', 'People & Culture']);
      byText<HTMLElement>(overlay(), 'mat-option', 'People & Culture')?.click();
      await settle();
      byText<HTMLButtonElement>(dialog, 'button', 'Move')?.click();
      await settle();
      const patch = http().expectOne(ApiRoutes.team(DEMO_IDS.it));
      expect(patch.request.body).toEqual({ parentId: DEMO_IDS.people });
      patch.flush({ id: DEMO_IDS.it, name: 'IT Services', parentId: DEMO_IDS.people });
      await settle();
      http().expectOne(ApiRoutes.teams).flush(demoTeams());
      await settle();
      expect(textOf(page().querySelector('[data-testid="teams-status"]'))).toBe('IT Services moved under People & Culture.');
    });

    it('deletes an empty team only after confirmation, and cannot delete one with members', async () => {
      await givenAdmin(withEmptyTeam());

      await openActions('Service Desk');
      const blocked = byText<HTMLButtonElement>(overlay(), '[mat-menu-item]', 'Delete');
      expect(textOf(blocked)).toBe('Delete (not possible: has 3 members)');
      expect(blocked?.disabled).toBe(true);
      TestBed.inject(MatDialog).closeAll();
      (document.activeElement as HTMLElement | null)?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
      await settle();

      const dialog = await startAction('Archive', 'Delete…');
      expect(textOf(dialog.querySelector('h2'))).toBe('Delete Archive?');
      http().expectNone(ApiRoutes.team(EMPTY_ID));
      byText<HTMLButtonElement>(dialog, 'button', 'Delete team')?.click();
      await settle();
      const remove = http().expectOne(ApiRoutes.team(EMPTY_ID));
      expect(remove.request.method).toBe('DELETE');
      remove.flush(null, { status: 204, statusText: 'No Content' });
      await settle();
      http().expectOne(ApiRoutes.teams).flush(demoTeams());
      await settle();
      expect(textOf(page().querySelector('[data-testid="teams-status"]'))).toBe('Archive deleted.');
    });
  });
});

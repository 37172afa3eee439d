import { BreakpointObserver } from '@angular/cdk/layout';
import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { IsActiveMatchOptions, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Me } from '@proficio/shared/contracts';
import { Access, SessionStore } from '@proficio/web/auth/data-access';
import { InboxStore } from '@proficio/web/evidence/data-access';
import { keptWhileLoading } from '@proficio/web/shared/util';
import { catchError, filter, map, of, switchMap, take } from 'rxjs';

interface NavLink {
  /** Where the link goes; a function for links that depend on who is signed in (`null`: no link for them). */
  readonly path: string | ((me: Me | null) => string | null);
  readonly label: string;
  /** Active only on an exact path match (for the root link and links whose pages have sub-pages of their own). */
  readonly exact: boolean;
  /** Who sees the link: it is shown only to people who may use the page (the route's guard agrees). */
  readonly access: Access;
  /** A count shown beside the label (what waits there). */
  readonly badge?: 'inbox';
}

const NAV_LINKS: readonly NavLink[] = [
  { path: '/', label: 'Home', exact: true, access: 'anyone' },
  // Everyone with an employee record (role 'employee') has a page of their own.
  {
    path: (me) => (me?.employee ? `/people/${encodeURIComponent(me.employee.id)}` : null),
    label: 'My profile',
    exact: true,
    access: ['employee'],
  },
  // Managers rate their reports in the team grid.
  { path: '/team', label: 'My team', exact: false, access: ['manager'] },
  // Performance reviews: their own for everyone, and those they review.
  { path: '/reviews', label: 'Reviews', exact: false, access: 'signed-in' },
  // Reviewers: evidence waiting for a verdict, with its count.
  { path: '/inbox', label: 'Inbox', exact: false, access: ['manager', 'admin'], badge: 'inbox' },
  { path: '/frameworks', label: 'Frameworks', exact: false, access: 'signed-in' },
  { path: '/role-profiles', label: 'Role profiles', exact: false, access: 'signed-in' },
  // Exact, so that it is not also marked as the current page on someone's profile (/people/<id>).
  { path: '/people', label: 'People', exact: true, access: ['manager', 'admin'] },
  { path: '/teams', label: 'Teams', exact: false, access: ['manager', 'admin'] },
  { path: '/review-cycles', label: 'Review cycles', exact: false, access: ['manager', 'admin'] },
  { path: '/people-imports', label: 'Import people', exact: false, access: ['admin'] },
  { path: '/audit-events', label: 'Audit log', exact: false, access: ['admin'] },
];

/** How a nav link is matched to the URL; the query (a search, a filter) never matters. */
const EXACT_MATCH: IsActiveMatchOptions = { paths: 'exact', queryParams: 'ignored', matrixParams: 'ignored', fragment: 'ignored' };
const PREFIX_MATCH: IsActiveMatchOptions = { paths: 'subset', queryParams: 'ignored', matrixParams: 'ignored', fragment: 'ignored' };

/** Screens at least this wide keep the navigation open beside the content. */
const WIDE_SCREEN = '(min-width: 960px)';

@Component({
  selector: 'app-root',
  imports: [
    MatButtonModule,
    MatListModule,
    MatSidenavModule,
    MatToolbarModule,
    NgComponentOutlet,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
  ],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly session = inject(SessionStore);

  protected readonly isSignedIn = this.session.isSignedIn;
  /**
   * The account menu (with Material's menu and overlay) lives in the lazy auth feature chunk,
   * fetched the first time someone is signed in, so it stays out of the initial bundle.
   */
  protected readonly meMenu = toSignal(
    toObservable(this.session.isSignedIn).pipe(
      filter(Boolean),
      take(1),
      switchMap(() => import('@proficio/web/auth/feature').then((m) => m.MeMenu)),
      // A chunk that fails to load (offline, a new deployment) must not break the shell.
      catchError(() => of(null)),
    ),
    { initialValue: null },
  );
  /** The bell with the unread notifications, fetched with the lazy toolbar parts the first time someone is signed in. */
  protected readonly notificationsBell = toSignal(
    toObservable(this.session.isSignedIn).pipe(
      filter(Boolean),
      take(1),
      switchMap(() => import('@proficio/web/evidence/feature').then((m) => m.NotificationsBell)),
      catchError(() => of(null)),
    ),
    { initialValue: null },
  );
  /** Reviewers' counts for the Inbox link, read again after each navigation and every minute. */
  private readonly inboxCounts = inject(InboxStore).counts(toObservable(computed(() => this.session.canAccess(['manager', 'admin']))));
  private readonly shownInboxCounts = keptWhileLoading(this.inboxCounts.state);
  protected readonly navLinks = computed(() => {
    const me = this.session.me();
    const waiting = this.shownInboxCounts()?.evidence ?? 0;
    return NAV_LINKS.filter((link) => this.session.canAccess(link.access)).flatMap((link) => {
      const path = typeof link.path === 'string' ? link.path : link.path(me);
      const badge = link.badge === 'inbox' && waiting > 0 ? { count: waiting, words: `${waiting} waiting` } : null;
      return path === null ? [] : [{ path, label: link.label, badge, matchOptions: link.exact ? EXACT_MATCH : PREFIX_MATCH }];
    });
  });

  protected readonly isWideScreen = toSignal(
    inject(BreakpointObserver)
      .observe(WIDE_SCREEN)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  /** Whether the navigation drawer is open on narrow screens. */
  private readonly drawerOpen = signal(false);

  protected readonly navMode = computed(() => (this.isWideScreen() ? 'side' : 'over'));
  protected readonly navOpened = computed(() => this.isWideScreen() || this.drawerOpen());

  protected toggleNavigation(): void {
    this.drawerOpen.update((open) => !open);
  }

  /** Keeps our state in step when the drawer closes itself (Escape, backdrop click). */
  protected syncNavigationOpened(opened: boolean): void {
    if (!this.isWideScreen()) {
      this.drawerOpen.set(opened);
    }
  }

  protected closeNavigationAfterSelect(): void {
    this.drawerOpen.set(false);
  }

  /** Moves focus to the page content without changing the URL. */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}

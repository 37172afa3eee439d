import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';

interface NavLink {
  readonly path: string;
  readonly label: string;
  /** Active only on an exact URL match (for the root link). */
  readonly exact: boolean;
}

/** Screens at least this wide keep the navigation open beside the content. */
const WIDE_SCREEN = '(min-width: 960px)';

@Component({
  selector: 'app-root',
  imports: [
    MatButtonModule,
    MatListModule,
    MatSidenavModule,
    MatToolbarModule,
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

  protected readonly navLinks: readonly NavLink[] = [
    { path: '/', label: 'Home', exact: true },
    { path: '/frameworks', label: 'Frameworks', exact: false },
    // Add People and Teams here once their pages exist.
  ];

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

import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, Type, computed, effect, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@proficio/web/auth/data-access';
import { HOME_CARDS, HomeCard, homeCardsFor } from '@proficio/web/shared/util';

/** A card's content: its component once fetched, or `failed` when its code could not be fetched. */
type CardContent = Type<unknown> | 'failed';

/**
 * `/`: the start page. Visitors who are not signed in read what Proficio is and sign in; signed-in
 * people see the cards for their roles (`HOME_CARDS`, added with `provideHomeCards`): an employee their
 * role and what to do next, a manager their team and what waits for them, an administrator the
 * organisation's counts and shortcuts. Each card loads, fails and is empty on its own.
 */
@Component({
  selector: 'app-home-page',
  imports: [MatButtonModule, MatProgressSpinnerModule, NgComponentOutlet, RouterLink],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  private readonly session = inject(SessionStore);
  private readonly cards = inject(HOME_CARDS, { optional: true }) ?? [];

  protected readonly signedIn = this.session.isSignedIn;
  protected readonly heading = computed(() => {
    const name = this.session.me()?.employee?.name;
    return this.signedIn() && name ? `Welcome, ${name}` : 'Welcome to Proficio';
  });
  protected readonly shown = computed(() => homeCardsFor(this.cards, { signedIn: this.signedIn(), roles: this.session.roles() }));

  /** The cards whose code has arrived (or failed to), by id. */
  protected readonly contents = signal<ReadonlyMap<string, CardContent>>(new Map());
  private readonly requested = new Set<string>();

  constructor() {
    // Fetches each card's code the first time it is shown (after a sign-in, the new role's cards).
    effect(() => {
      for (const card of this.shown()) {
        if (!this.requested.has(card.id)) this.fetch(card);
      }
    });
  }

  protected retry(card: HomeCard): void {
    this.fetch(card);
  }

  private fetch(card: HomeCard): void {
    this.requested.add(card.id);
    this.setContent(card.id, undefined);
    void card.load().then(
      (component) => this.setContent(card.id, component),
      () => this.setContent(card.id, 'failed'),
    );
  }

  private setContent(id: string, content: CardContent | undefined): void {
    this.contents.update((current) => {
      const next = new Map(current);
      if (content === undefined) next.delete(id);
      else next.set(id, content);
      return next;
    });
  }
}

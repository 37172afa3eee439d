import { InjectionToken, Provider, Type } from '@angular/core';
import { Role } from '@proficio/shared/contracts';

/** Who a home card is for: visitors who are not signed in, or people who hold a role. */
export type HomeCardAudience = 'signed-out' | Role;

/**
 * One card of the home page. The page shows a visitor every card for any of their audiences, in
 * `order`; a feature adds its own with `provideHomeCards(...)` in the app's providers, and the page
 * does not change.
 */
export interface HomeCard {
  /** Unique and stable: the card's test id is `home-card-<id>`. */
  readonly id: string;
  /** The card's heading. */
  readonly title: string;
  /** Shown to a signed-in person holding any of these roles, or, with `signed-out`, to visitors. */
  readonly for: readonly HomeCardAudience[];
  /**
   * Lower first. The app's cards: what waits for the person (10–39), their team (40–49), their own
   * role and next steps (50–69), the system's status (100). Leave gaps for others.
   */
  readonly order: number;
  /** Takes the whole width of the page. */
  readonly wide?: boolean;
  /** The card's content, fetched the first time it is shown (it stays out of the first download). */
  readonly load: () => Promise<Type<unknown>>;
}

/** Every home card the app knows (a multi provider: `provideHomeCards`). */
export const HOME_CARDS = new InjectionToken<readonly HomeCard[]>('HOME_CARDS');

/** Adds cards to the home page. */
export function provideHomeCards(...cards: HomeCard[]): Provider[] {
  return cards.map((card) => ({ provide: HOME_CARDS, useValue: card, multi: true }));
}

/** Who is looking at the home page. */
export interface HomeViewer {
  readonly signedIn: boolean;
  readonly roles: readonly Role[];
}

/** The cards `viewer` sees, in order (by `order`, then `id`); a card id given twice counts once (the first). */
export function homeCardsFor(cards: readonly HomeCard[], viewer: HomeViewer): HomeCard[] {
  const audiences: readonly HomeCardAudience[] = viewer.signedIn ? viewer.roles : ['signed-out'];
  const seen = new Set<string>();
  return cards
    .filter((card) => {
      if (seen.has(card.id)) return false;
      seen.add(card.id);
      return card.for.some((audience) => audiences.includes(audience));
    })
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

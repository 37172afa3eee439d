import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Role } from '@proficio/shared/contracts';
import { HOME_CARDS, HomeCard, HomeCardAudience, homeCardsFor, provideHomeCards } from './home-cards';

@Component({ template: '' })
class Stub {}

const card = (id: string, order: number, ...audiences: HomeCardAudience[]): HomeCard => ({
  id,
  title: id,
  for: audiences,
  order,
  load: () => Promise.resolve(Stub),
});

const CARDS: HomeCard[] = [
  card('status', 100, 'admin', 'signed-out'),
  card('my-role', 50, 'employee'),
  card('waiting', 10, 'manager'),
  card('organisation', 20, 'admin'),
  card('my-team', 40, 'manager'),
];

describe('homeCardsFor', () => {
  it.each<[string, boolean, Role[], string[]]>([
    ['a visitor who is not signed in', false, [], ['status']],
    ['an employee', true, ['employee'], ['my-role']],
    ['a manager', true, ['employee', 'manager'], ['waiting', 'my-team', 'my-role']],
    ['an administrator with an employee record', true, ['employee', 'admin'], ['organisation', 'my-role', 'status']],
    [
      'an administrator who manages people',
      true,
      ['admin', 'manager', 'employee'],
      ['waiting', 'organisation', 'my-team', 'my-role', 'status'],
    ],
    ['an account with no role', true, [], []],
  ])('shows %s the cards of their roles, in order', (_who, signedIn, roles, ids) => {
    expect(homeCardsFor(CARDS, { signedIn, roles }).map((shown) => shown.id)).toEqual(ids);
  });

  it('keeps the first of two cards with the same id, and orders cards of the same order by id', () => {
    const cards = [card('b', 5, 'employee'), card('a', 5, 'employee'), { ...card('a', 1, 'employee'), title: 'second a' }];
    expect(homeCardsFor(cards, { signedIn: true, roles: ['employee'] }).map((shown) => [shown.id, shown.title])).toEqual([
      ['a', 'a'],
      ['b', 'b'],
    ]);
  });

  it('collects the cards of every provideHomeCards call', () => {
    TestBed.configureTestingModule({ providers: [provideHomeCards(CARDS[0], CARDS[1]), provideHomeCards(CARDS[2])] });
    expect(TestBed.inject(HOME_CARDS).map((provided) => provided.id)).toEqual(['status', 'my-role', 'waiting']);
  });
});

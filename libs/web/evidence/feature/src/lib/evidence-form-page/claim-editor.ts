import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatRadioModule } from '@angular/material/radio';
import { CompetencyDetail, CompetencySearchHit, EVIDENCE_LIMITS } from '@proficio/shared/contracts';
import { FrameworksApi } from '@proficio/web/frameworks/data-access';
import { CompetencyHits, FallbackMarker, FormattedText } from '@proficio/web/frameworks/ui';
import { RoleProfilesApi } from '@proficio/web/role-profiles/data-access';
import { SearchField, WithFrameworkVersionPipe } from '@proficio/web/shared/ui';
import { ApiProblem, loaded, problemFromError, serverError } from '@proficio/web/shared/util';
import { combineLatest, of, startWith, switchMap } from 'rxjs';
import { competencyText } from '../shared/evidence-text';
import { ClaimForm, chosenLevel, fitToLevel, levelChoices } from './evidence-form';

/** How many search hits the competency search shows. */
export const CLAIM_SEARCH_SIZE = 10;

/**
 * One competency and level the evidence claims: the competency found with the same search as the role profiles'
 * picker, its levels with what each means, and for the chosen level its own prompts: each behavioural interview
 * question with its probing questions and an answer box (STAR: situation, your role, what you did, the outcome),
 * the behaviour indicators to tick, or else the level's description to write the narrative against.
 */
@Component({
  selector: 'app-claim-editor',
  imports: [
    CompetencyHits,
    WithFrameworkVersionPipe,
    FallbackMarker,
    FormattedText,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatRadioModule,
    ReactiveFormsModule,
    SearchField,
  ],
  templateUrl: './claim-editor.html',
  styleUrl: './claim-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClaimEditor {
  private readonly roleProfiles = inject(RoleProfilesApi);
  private readonly frameworks = inject(FrameworksApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);

  readonly claim = input.required<ClaimForm>();
  /** Position in the evidence's claims: ids and names ("Competency 2") follow it. */
  readonly index = input.required<number>();
  /** Whether the claim may be taken out (not the only one). */
  readonly removable = input(false);
  readonly remove = output<void>();

  protected readonly answerMax = EVIDENCE_LIMITS.answerLength;
  protected readonly competencyText = competencyText;
  protected readonly serverError = serverError;
  protected readonly prefix = computed(() => `claim-${this.index()}`);

  private readonly claim$ = toObservable(this.claim);
  protected readonly competency = toSignal(
    this.claim$.pipe(switchMap((claim) => claim.controls.competency.valueChanges.pipe(startWith(claim.controls.competency.value)))),
    { initialValue: null },
  );
  private readonly level = toSignal(
    this.claim$.pipe(switchMap((claim) => claim.controls.level.valueChanges.pipe(startWith(claim.controls.level.value)))),
    { initialValue: null },
  );
  protected readonly levels = computed(() => {
    const competency = this.competency();
    return competency ? levelChoices(competency) : [];
  });
  /** The chosen level with its questions and indicators. */
  protected readonly chosen = computed(() => {
    this.level();
    this.competency();
    return chosenLevel(this.claim());
  });
  protected readonly chosenChoice = computed(() => this.levels().find((choice) => choice.level === this.level()) ?? null);

  /** The search, while no competency is chosen. */
  protected readonly q = signal('');
  protected readonly hits = loaded(
    combineLatest([toObservable(this.q), toObservable(computed(() => this.competency() === null))]),
    ([q, searching]) => (searching ? this.roleProfiles.searchCompetencies({ q, pageSize: CLAIM_SEARCH_SIZE }) : of(null)),
  );
  /** The competency being fetched after a pick, and why it could not be. */
  protected readonly picking = signal<CompetencySearchHit | null>(null);
  protected readonly pickProblem = signal<ApiProblem | null>(null);

  protected search(q: string): void {
    this.q.set(q);
  }

  protected pick(hit: CompetencySearchHit): void {
    this.picking.set(hit);
    this.pickProblem.set(null);
    this.frameworks
      .getCompetency(hit.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (detail: CompetencyDetail) => {
          this.picking.set(null);
          const claim = this.claim();
          claim.controls.competency.setValue(detail);
          claim.controls.level.setValue(null);
          fitToLevel(claim);
          claim.markAsDirty();
          // The search is gone: the focus goes to the level choice.
          afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('.levels input[type="radio"]')?.focus(), {
            injector: this.injector,
          });
        },
        error: (error: unknown) => {
          this.picking.set(null);
          this.pickProblem.set(problemFromError(error));
        },
      });
  }

  /** Back to the search for another competency. */
  protected change(): void {
    const claim = this.claim();
    claim.controls.competency.setValue(null);
    claim.controls.level.setValue(null);
    fitToLevel(claim);
    claim.markAsDirty();
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLInputElement>('input[type="search"]')?.focus(), {
      injector: this.injector,
    });
  }

  protected chooseLevel(): void {
    fitToLevel(this.claim());
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  linkedSignal,
  viewChild,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, ParamMap, Router, RouterLink } from '@angular/router';
import { CompetencyDetail as CompetencyWithLevels, FrameworkStatus } from '@proficio/shared/contracts';
import { CompetencyDetailsStore, FrameworksApi } from '@proficio/web/frameworks/data-access';
import { LoadState, isAddressNotFound, loaded } from '@proficio/web/shared/util';
import {
  CategoryTree,
  CompetencyDetail,
  FallbackMarker,
  LevelGrid,
  LevelGridCell,
  OutlinedFramework,
  ScalePanel,
  WarningIndex,
  WarningTarget,
  WarningsBadge,
  WarningsPanel,
  competencyName,
  languageName,
  outlinedCompetencies,
  readOutline,
} from '@proficio/web/frameworks/ui';
import { combineLatest, distinctUntilChanged, map } from 'rxjs';
import { FrameworkExportMenu } from './framework-export-menu';
import { FrameworkScaleAction } from './framework-scale-action';
import { FrameworkVersionPipe, LocalNumberPipe } from '@proficio/web/shared/ui';

/** Languages the UI always offers, besides those the framework holds text in. */
export const UI_LANGUAGES = ['en', 'it'] as const;

export type BrowserView = 'competencies' | 'grid';

/** Everything a browser URL can say, so that every view is deep-linkable. */
interface BrowserParams {
  readonly lang: string | null;
  readonly competency: string | null;
  readonly level: number | null;
  readonly view: BrowserView;
}

function readParams(params: ParamMap): BrowserParams {
  const level = Number(params.get('level'));
  return {
    lang: params.get('lang') || null,
    competency: params.get('competency') || null,
    level: params.has('level') && Number.isInteger(level) ? level : null,
    view: params.get('view') === 'grid' ? 'grid' : 'competencies',
  };
}

const STATUS_LABELS: Record<FrameworkStatus, string> = { draft: 'Draft', published: 'Published', retired: 'Retired' };

/**
 * `/frameworks/:id`: one framework version — its category tree beside the
 * selected competency's levels, or a level grid — in the language of `?lang=`,
 * with `?competency=`, `?level=` and `?view=grid` in the URL.
 */
@Component({
  selector: 'app-framework-browser-page',
  imports: [
    LocalNumberPipe,
    FrameworkVersionPipe,
    CategoryTree,
    CompetencyDetail,
    FallbackMarker,
    FrameworkExportMenu,
    FrameworkScaleAction,
    LevelGrid,
    MatButtonModule,
    MatButtonToggleModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    RouterLink,
    ScalePanel,
    WarningsBadge,
    WarningsPanel,
  ],
  templateUrl: './framework-browser-page.html',
  styleUrl: './framework-browser-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrameworkBrowserPage {
  /** A mistyped, cut or out-of-date address: "not found", with no retry. */
  protected readonly isAddressNotFound = isAddressNotFound;
  private readonly api = inject(FrameworksApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly title = inject(Title);
  private readonly detailPane = viewChild<ElementRef<HTMLElement>>('detailPane');

  private readonly frameworkId$ = this.route.paramMap.pipe(
    map((params) => params.get('id') ?? ''),
    distinctUntilChanged(),
  );
  private readonly lang$ = this.route.queryParamMap.pipe(
    map((params) => params.get('lang') || undefined),
    distinctUntilChanged(),
  );

  protected readonly frameworkId = toSignal(this.frameworkId$, { requireSync: true });
  protected readonly params = toSignal(this.route.queryParamMap.pipe(map(readParams)), { requireSync: true });

  /**
   * The latest outline request (the framework without its competencies' levels, which are read one competency at a
   * time): a new id, a new language or a retry cancels one still in flight.
   */
  private readonly framework = loaded(combineLatest([this.frameworkId$, this.lang$]), ([id, lang]) =>
    this.api.getOutline(id, lang).pipe(map(readOutline)),
  );

  /** The outline on screen; kept while the same framework reloads in another language. */
  protected readonly tree = linkedSignal<LoadState<OutlinedFramework>, OutlinedFramework | null>({
    source: this.framework.state,
    computation: (state, previous) => {
      if (state.status === 'loaded') return state.value;
      const kept = previous?.value;
      return state.status === 'loading' && kept?.id === this.frameworkId() ? kept : null;
    },
  });

  protected readonly loading = this.framework.loading;
  protected readonly problem = this.framework.problem;

  protected readonly warningIndex = computed(() => {
    const tree = this.tree();
    return new WarningIndex(tree ?? { competencies: [], warnings: [] });
  });

  /** The language the texts were asked for: the URL's, else the one the API chose. */
  protected readonly language = computed(() => this.params().lang ?? this.tree()?.requestedLanguage ?? null);

  /** The framework's own languages plus the UI's, by name. */
  protected readonly languages = computed(() => {
    const codes = new Set<string>([...(this.tree()?.languages ?? []), ...UI_LANGUAGES]);
    return [...codes]
      .map((code) => ({ code, name: languageName(code), hasText: this.tree()?.languages.includes(code) ?? false }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });

  /** Set when the framework holds no text in the language asked for. */
  protected readonly missingLanguage = computed(() => {
    const tree = this.tree();
    if (!tree || tree.languages.includes(tree.requestedLanguage)) return null;
    return { requested: languageName(tree.requestedLanguage), shown: languageName(tree.defaultLanguage) };
  });

  /** `?competency=` (an id, or a key or code), else the first competency in the tree. */
  protected readonly selectedCompetency = computed(() => {
    const tree = this.tree();
    if (!tree) return null;
    const wanted = this.params().competency;
    const found =
      wanted !== null
        ? (tree.competencies.find((c) => c.id === wanted) ?? tree.competencies.find((c) => c.key === wanted || c.code === wanted))
        : undefined;
    return found ?? outlinedCompetencies(tree)[0]?.competency ?? null;
  });

  /** True when the URL names a competency this framework does not have. */
  protected readonly unknownCompetency = computed(() => {
    const wanted = this.params().competency;
    const selected = this.selectedCompetency();
    return wanted !== null && selected !== null && ![selected.id, selected.key, selected.code].includes(wanted);
  });

  /** `?level=` when the competency has that level (defined or not practised), else its first level. */
  protected readonly selectedLevel = computed(() => {
    const competency = this.selectedCompetency();
    if (!competency) return null;
    const levels = [...competency.levels, ...competency.notPractisedLevels];
    const wanted = this.params().level;
    return wanted !== null && levels.includes(wanted) ? wanted : (competency.levels[0] ?? Math.min(...levels));
  });

  protected readonly selectedCell = computed((): LevelGridCell | null => {
    const competency = this.selectedCompetency();
    const level = this.selectedLevel();
    return competency && level !== null ? { competencyId: competency.id, level } : null;
  });

  /** The selected competency's levels, read when it is selected (and kept by the store), in the language shown. */
  private readonly competency = inject(CompetencyDetailsStore).details(
    toObservable(
      computed(
        () => {
          const competency = this.selectedCompetency();
          return competency ? { id: competency.id, lang: this.language() ?? undefined } : null;
        },
        { equal: (a, b) => a?.id === b?.id && a?.lang === b?.lang },
      ),
    ),
  );

  /** The competency on screen; kept while the same competency reloads in another language. */
  protected readonly competencyShown = linkedSignal<LoadState<CompetencyWithLevels | null>, CompetencyWithLevels | null>({
    source: this.competency.state,
    computation: (state, previous) => {
      const selected = this.selectedCompetency()?.id;
      // The request follows the selection a moment later: never the levels of another competency under its name.
      if (state.status === 'loaded') return state.value?.id === selected ? state.value : null;
      const kept = previous?.value;
      return state.status === 'loading' && kept && kept.id === selected ? kept : null;
    },
  });

  protected readonly competencyProblem = this.competency.problem;
  protected readonly competencyName = competencyName;

  constructor() {
    effect(() => {
      const name = this.tree()?.name.text;
      if (name) this.title.setTitle(`${name} | Proficio`);
    });
  }

  protected statusLabel(status: FrameworkStatus): string {
    return STATUS_LABELS[status] ?? status;
  }

  protected switchLanguage(lang: string): void {
    void this.navigate({ lang });
  }

  protected switchView(view: BrowserView): void {
    void this.navigate({ view: view === 'grid' ? 'grid' : null });
  }

  protected selectCompetency(competencyId: string): void {
    void this.navigate({ competency: competencyId, level: null });
  }

  protected selectLevel(level: number): void {
    void this.navigate({ level });
  }

  /** A grid cell or a warning opens that competency at that level, beside the tree. */
  protected openCompetency(target: LevelGridCell | WarningTarget): void {
    void this.navigate({ competency: target.competencyId, level: target.level ?? null, view: null }).then(() =>
      afterNextRender(() => this.detailPane()?.nativeElement.focus(), { injector: this.injector }),
    );
  }

  protected retry(): void {
    this.framework.reload();
  }

  protected retryCompetency(): void {
    this.competency.reload();
  }

  private navigate(queryParams: Record<string, string | number | null>): Promise<boolean> {
    return this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }
}

import { CdkVirtualScrollViewport, ScrollingModule } from '@angular/cdk/scrolling';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  afterRenderEffect,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { LocalNumberPipe } from '@proficio/web/shared/ui';
import { CompetencyLabel, competencyLabel, competencyName, outlinePositions } from '../outline/competency-label';
import { OutlineNode, OutlineSource, categoryCode, frameworkOutline } from '../outline/framework-outline';
import { WarningIcon } from '../warnings/warning-icon';
import { WarningIndex } from '../warnings/warning-index';

/** The height of a row in pixels: rows are one line high, so that only those in view need to be in the page. */
export const OUTLINE_ROW_HEIGHT = 40;

/** How many frames a deep link waits at most for the viewport to be able to scroll to its row. */
const SCROLL_ATTEMPTS = 30;

/** How long a pause ends the letters typed to jump to a row. */
const TYPEAHEAD_PAUSE_MS = 500;

/** One visible row of the tree: a node with its place among its siblings. */
interface OutlineRow {
  readonly node: OutlineNode;
  /** 1 at the top. */
  readonly level: number;
  readonly setSize: number;
  readonly posInSet: number;
  readonly parentId: string | null;
  readonly expanded: boolean;
}

/**
 * The framework's categories (any depth) with their competencies, as an accessible tree that stays quick with tens of
 * thousands of nodes: only the rows in view are in the page (a virtual scroll viewport), the tree keeps the focus and
 * names the active row with aria-activedescendant. Arrow keys move and expand/collapse, Home and End go to the ends,
 * Enter or Space opens a competency or toggles a category, typing jumps to a matching code or title. A competency
 * without a code shows its place in the outline ("1.2.3") where the code goes.
 */
@Component({
  selector: 'app-category-tree',
  imports: [LocalNumberPipe, ScrollingModule, WarningIcon],
  templateUrl: './category-tree.html',
  styleUrl: './category-tree.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CategoryTree {
  readonly tree = input.required<OutlineSource & { readonly id: string }>();
  readonly warnings = input<WarningIndex>();
  /** Id of the competency shown beside the tree. */
  readonly selectedId = input<string | null>(null);
  readonly label = input('Categories and competencies');
  readonly competencySelected = output<string>();

  protected readonly rowHeight = OUTLINE_ROW_HEIGHT;
  protected readonly nodes = computed(() => frameworkOutline(this.tree()));
  private readonly positions = computed(() => outlinePositions(this.nodes()));
  private readonly viewport = viewChild(CdkVirtualScrollViewport);

  /** Categories closed by the user; every category is open when a framework is first shown (kept across languages). */
  private readonly collapsed = linkedSignal<string, ReadonlySet<string>>({
    source: () => this.tree().id,
    computation: (_id, previous) => (previous && previous.source === this.tree().id ? previous.value : new Set()),
  });

  /** The open part of the tree, depth first: what can be scrolled through. */
  protected readonly rows = computed((): OutlineRow[] => {
    const collapsed = this.collapsed();
    const rows: OutlineRow[] = [];
    const visit = (siblings: readonly OutlineNode[], level: number, parentId: string | null) =>
      siblings.forEach((node, index) => {
        const expanded = node.kind === 'category' && !collapsed.has(node.id);
        rows.push({ node, level, setSize: siblings.length, posInSet: index + 1, parentId, expanded });
        if (expanded) visit(node.children, level + 1, node.id);
      });
    visit(this.nodes(), 1, null);
    return rows;
  });

  private readonly rowIndex = computed(() => new Map(this.rows().map((row, index) => [row.node.id, index])));

  /** The row the keyboard acts on: the selected competency when it changes, else the one moved to. */
  protected readonly activeId = linkedSignal<string | null, string | null>({
    source: () => this.selectedId(),
    computation: (selected, previous) => selected ?? previous?.value ?? null,
  });

  /** The rows in the page now (the viewport's rendered range). */
  private readonly rendered = signal({ start: 0, end: 0 });

  /** The active row's element id while it is in the page; none while it is scrolled out (its element is not there). */
  protected readonly activeDescendant = computed(() => {
    const index = this.rowIndex().get(this.activeId() ?? '') ?? 0;
    const row = this.rows()[index];
    const { start, end } = this.rendered();
    return row && index >= start && index < end ? this.rowDomId(row) : null;
  });

  private scrolledTo: string | null = null;
  private destroyed = false;
  private typed = '';
  private typedAt = 0;

  constructor() {
    effect((onCleanup) => {
      const viewport = this.viewport();
      if (!viewport) return;
      const subscription = viewport.renderedRangeStream.subscribe((range) => this.rendered.set(range));
      onCleanup(() => subscription.unsubscribe());
    });
    // A competency selected from elsewhere (a link, the level grid, a warning) is opened in the tree and scrolled to.
    effect(() => {
      const selected = this.selectedId();
      if (selected) untracked(() => this.reveal(selected));
    });
    afterRenderEffect(() => {
      this.rows();
      this.viewport()?.checkViewportSize();
    });
    // Once per selection (not again as the user scrolls), as soon as the viewport can scroll that far.
    afterRenderEffect(() => {
      const selected = this.selectedId();
      if (selected && selected !== this.scrolledTo) untracked(() => this.scrollToSelected(selected, SCROLL_ATTEMPTS));
    });
    inject(DestroyRef).onDestroy(() => (this.destroyed = true));
  }

  protected readonly trackRow = (_index: number, row: OutlineRow): string => row.node.id;

  protected rowDomId(row: OutlineRow): string {
    return `outline-${this.tree().id}-${row.node.id}`;
  }

  protected warningCount(node: OutlineNode): number {
    return node.kind === 'competency' ? (this.warnings()?.inCompetency(node.id).length ?? 0) : 0;
  }

  protected categoryCode(node: OutlineNode): string | null {
    return node.kind === 'category' ? categoryCode(node) : null;
  }

  /** A competency's code, or its place in the outline when it has none. */
  protected codeLabel(node: OutlineNode): CompetencyLabel | null {
    return node.kind === 'competency' ? competencyLabel(node, this.positions().get(node.id)) : null;
  }

  /** A click opens a competency, or opens or closes a category. */
  protected activate(row: OutlineRow): void {
    this.activeId.set(row.node.id);
    if (row.node.kind === 'competency') this.competencySelected.emit(row.node.id);
    else this.toggle(row.node.id);
  }

  protected onKeydown(event: KeyboardEvent): void {
    const rows = this.rows();
    if (rows.length === 0) return;
    const index = Math.max(this.rowIndex().get(this.activeId() ?? '') ?? 0, 0);
    const row = rows[index] as OutlineRow;
    const page = Math.max(Math.floor((this.viewport()?.getViewportSize() ?? 0) / OUTLINE_ROW_HEIGHT) - 1, 1);
    switch (event.key) {
      case 'ArrowDown':
        return this.moveTo(event, index + 1);
      case 'ArrowUp':
        return this.moveTo(event, index - 1);
      case 'PageDown':
        return this.moveTo(event, index + page);
      case 'PageUp':
        return this.moveTo(event, index - page);
      case 'Home':
        return this.moveTo(event, 0);
      case 'End':
        return this.moveTo(event, rows.length - 1);
      case 'ArrowRight':
        if (row.node.kind !== 'category') return;
        return row.expanded ? this.moveTo(event, index + 1) : this.handled(event, () => this.toggle(row.node.id));
      case 'ArrowLeft':
        if (row.expanded) return this.handled(event, () => this.toggle(row.node.id));
        return row.parentId ? this.moveTo(event, this.rowIndex().get(row.parentId) ?? index) : undefined;
      case 'Enter':
      case ' ':
        return this.handled(event, () => this.activate(row));
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) this.typeahead(event, index);
    }
  }

  private handled(event: KeyboardEvent, act: () => void): void {
    event.preventDefault();
    act();
  }

  private moveTo(event: KeyboardEvent, index: number): void {
    const rows = this.rows();
    const row = rows[Math.min(Math.max(index, 0), rows.length - 1)];
    if (!row) return;
    event.preventDefault();
    this.activeId.set(row.node.id);
    this.scrollTo(row.node.id);
  }

  /** Letters typed in quick succession jump to the next row whose code or title starts with them. */
  private typeahead(event: KeyboardEvent, from: number): void {
    const now = Date.now();
    this.typed = now - this.typedAt > TYPEAHEAD_PAUSE_MS ? event.key : this.typed + event.key;
    this.typedAt = now;
    const wanted = this.typed.toLocaleLowerCase();
    const rows = this.rows();
    const start = this.typed.length === 1 ? from + 1 : from;
    for (let step = 0; step < rows.length; step++) {
      const row = rows[(start + step) % rows.length] as OutlineRow;
      const name = row.node.kind === 'competency' ? competencyName(row.node) : row.node.name.text;
      if (name.toLocaleLowerCase().startsWith(wanted)) return this.moveTo(event, (start + step) % rows.length);
    }
  }

  private toggle(id: string): void {
    this.collapsed.update((collapsed) => {
      const next = new Set(collapsed);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  /** Opens the categories around a competency, so that its row is there to scroll to. */
  private reveal(competencyId: string): void {
    const path: string[] = [];
    const find = (nodes: readonly OutlineNode[]): boolean =>
      nodes.some((node) => {
        if (node.id === competencyId) return true;
        if (node.kind === 'category' && find(node.children)) return path.push(node.id) > 0;
        return false;
      });
    if (!find(this.nodes()) || !path.some((id) => this.collapsed().has(id))) return;
    this.collapsed.update((collapsed) => new Set([...collapsed].filter((id) => !path.includes(id))));
  }

  /**
   * Scrolls the viewport just enough for the row to be in view. False while it cannot yet: the viewport has not measured
   * itself, or its content is not yet as tall as the rows (it is sized a render after the rows arrive).
   */
  private scrollTo(id: string): boolean {
    const viewport = this.viewport();
    const index = this.rowIndex().get(id);
    if (!viewport || index === undefined) return true;
    const size = viewport.getViewportSize();
    if (size === 0) return false;
    const top = index * OUTLINE_ROW_HEIGHT;
    const offset = viewport.measureScrollOffset();
    const target = top < offset ? top : top + OUTLINE_ROW_HEIGHT > offset + size ? top + OUTLINE_ROW_HEIGHT - size : offset;
    if (target !== offset) viewport.scrollToOffset(target);
    return Math.abs(viewport.measureScrollOffset() - target) < 1;
  }

  /** Scrolls to the selected row, trying again on the next frames until the viewport can (a deep link to a far row). */
  private scrollToSelected(id: string, attempts: number): void {
    if (this.destroyed || this.selectedId() !== id) return;
    if (this.scrollTo(id)) {
      this.scrolledTo = id;
      return;
    }
    if (attempts > 1) requestAnimationFrame(() => this.scrollToSelected(id, attempts - 1));
  }
}

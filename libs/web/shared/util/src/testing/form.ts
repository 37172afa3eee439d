import { textOf } from './dialog';

export interface FormFieldsOptions {
  /** Leave each field after typing into it (a blur), as a user tabbing on would. */
  readonly leaveAfterTyping?: boolean;
}

/**
 * For specs of a page with a form of Material fields: its fields found by their label, typing into
 * them, choosing from a select and submitting, each followed by `settle`.
 */
export function formFields(root: () => HTMLElement, settle: () => Promise<unknown>, options: FormFieldsOptions = {}) {
  const field = (label: string): HTMLElement => {
    const found = Array.from(root().querySelectorAll<HTMLElement>('mat-form-field')).find(
      (candidate) => textOf(candidate.querySelector('mat-label')) === label,
    );
    if (!found) throw new Error(`no field ${label}`);
    return found;
  };
  return {
    field,
    /** The error the field shows, or ''. */
    error: (label: string): string => textOf(field(label).querySelector('mat-error')),
    type: async (label: string, value: string): Promise<void> => {
      const input = field(label).querySelector('input') as HTMLInputElement;
      input.focus();
      input.value = value;
      input.dispatchEvent(new Event('input'));
      if (options.leaveAfterTyping) input.dispatchEvent(new Event('blur'));
      await settle();
    },
    /** Opens the field's select and picks the option with this text. */
    choose: async (label: string, option: string): Promise<void> => {
      (field(label).querySelector('mat-select') as HTMLElement).click();
      await settle();
      const found = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((candidate) => textOf(candidate) === option);
      if (!found) throw new Error(`no option ${option}`);
      found.click();
      await settle();
    },
    submit: async (): Promise<void> => {
      (root().querySelector('button[type="submit"]') as HTMLButtonElement).click();
      await settle();
    },
  };
}

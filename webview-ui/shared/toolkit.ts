/**
 * The one module that knows about `@vscode/webview-ui-toolkit`, shared by every webview
 * bundle. The toolkit is archived upstream (its successor is `@vscode-elements/elements`);
 * every control a panel uses is created here behind a small typed API, so swapping the
 * library means rewriting this file only. Nothing else under `webview-ui/` may import the
 * toolkit (lint rule in eslint.config.mjs).
 *
 * Why the toolkit and not styled native elements: its web components take VS Code's theme
 * (including high contrast) through design tokens, with focus rings and keyboard handling
 * that match the workbench. Its costs, measured here: ~120 KB of the 165 KB minified UI
 * bundle (FAST 100 KB + toolkit 18 KB, tree-shaken to the five components below; the page
 * still says `ready` ~150 ms after navigation start, and the first paint's critical path is
 * the layout worker's boot, not this bundle),
 * FAST's template engine needs one Trusted Types policy (`fast-html`, allowed by name in the
 * CSP), and its `:focus-visible` probe needs the style nonce (see `src/shared/webview/webviewHtml.ts`). Native
 * elements would save the bytes but re-implement theming and focus handling; not worth it yet.
 */
// This is the wrapper the lint rule points everyone else to.
import { provideVSCodeDesignSystem, vsCodeButton, vsCodeCheckbox, vsCodeDropdown, vsCodeOption, vsCodeTextField } from '@vscode/webview-ui-toolkit';

let registered = false;

/** Registers the components once (before the first control is created). */
function registerToolkit(): void {
  if (registered) return;
  registered = true;
  provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeCheckbox(), vsCodeDropdown(), vsCodeOption(), vsCodeTextField());
}

/** A push button. */
export interface ButtonOptions {
  /** Visible text (short: icons are not shipped). */
  readonly text: string;
  /** Accessible name and tooltip. */
  readonly title: string;
  /** `secondary` for the less important actions, `icon` for compact zoom buttons. */
  readonly appearance?: 'primary' | 'secondary' | 'icon';
  readonly onClick: () => void;
}

/** Creates a button. */
export function createButton(options: ButtonOptions): HTMLElement {
  registerToolkit();
  const button = document.createElement('vscode-button');
  button.textContent = options.text;
  button.setAttribute('title', options.title);
  button.setAttribute('aria-label', options.title);
  button.setAttribute('appearance', options.appearance ?? 'secondary');
  button.addEventListener('click', () => options.onClick());
  return button;
}

/** A checkbox with a label. */
export interface Checkbox {
  readonly element: HTMLElement;
  setChecked(checked: boolean): void;
}

/** Creates a checkbox; `onChange` fires on user changes only. */
export function createCheckbox(options: { readonly text: string; readonly checked: boolean; readonly onChange: (checked: boolean) => void }): Checkbox {
  registerToolkit();
  const box = document.createElement('vscode-checkbox') as HTMLElement & { checked: boolean };
  box.textContent = options.text;
  box.checked = options.checked;
  let programmatic = false;
  box.addEventListener('change', () => {
    if (!programmatic) options.onChange(box.checked);
  });
  return {
    element: box,
    setChecked(checked) {
      if (box.checked === checked) return;
      programmatic = true;
      box.checked = checked;
      programmatic = false;
    },
  };
}

/** A single-line text input. */
export interface TextField {
  readonly element: HTMLElement;
  value(): string;
  setValue(value: string): void;
}

/** Options of a text field. */
export interface TextFieldOptions {
  readonly placeholder: string;
  /** The accessible name (what a screen reader announces). */
  readonly label: string;
  /** Draw the label above the field too (default: for screen readers only; the placeholder shows). */
  readonly visibleLabel?: boolean;
  readonly onInput: (value: string) => void;
  /** On Enter (Shift+Enter: `backwards`). */
  readonly onEnter?: (backwards: boolean) => void;
}

/**
 * Creates a text field. The label is the element's text, not only its `aria-label`: the
 * toolkit's `connectedCallback` overwrites `aria-label` with the text content, or with the
 * generic "Text field" when there is none (what a screen reader then announced for the
 * diagram's search). The text also labels the inner `<input>` through its `<label for>`;
 * a hidden label stays in the accessibility tree (`label-hidden` in `base.css`).
 */
export function createTextField(options: TextFieldOptions): TextField {
  registerToolkit();
  const field = document.createElement('vscode-text-field') as HTMLElement & { value: string };
  field.setAttribute('placeholder', options.placeholder);
  field.textContent = options.label;
  field.setAttribute('aria-label', options.label);
  if (!options.visibleLabel) field.classList.add('label-hidden');
  field.addEventListener('input', () => options.onInput(field.value ?? ''));
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') options.onEnter?.(event.shiftKey);
  });
  return {
    element: field,
    value: () => field.value ?? '',
    setValue(value) {
      field.value = value;
    },
  };
}

/** A drop-down list. */
export interface Dropdown {
  readonly element: HTMLElement;
  /** Replaces the choices (values and labels are plain text) and selects `selected`. */
  setOptions(choices: readonly { readonly value: string; readonly label: string }[], selected: string): void;
  value(): string;
}

/** Creates a drop-down list. */
export function createDropdown(options: { readonly label: string; readonly onChange: (value: string) => void }): Dropdown {
  registerToolkit();
  const dropdown = document.createElement('vscode-dropdown') as HTMLElement & { value: string };
  dropdown.setAttribute('aria-label', options.label);
  dropdown.setAttribute('title', options.label);
  let programmatic = false;
  dropdown.addEventListener('change', () => {
    if (!programmatic) options.onChange(dropdown.value);
  });
  return {
    element: dropdown,
    setOptions(choices, selected) {
      programmatic = true;
      const elements = choices.map(({ value, label }) => {
        const option = document.createElement('vscode-option');
        option.setAttribute('value', value);
        option.textContent = label;
        if (value === selected) option.setAttribute('selected', '');
        return option;
      });
      dropdown.replaceChildren(...elements);
      dropdown.value = selected;
      programmatic = false;
    },
    value: () => dropdown.value,
  };
}

// Small SLDS building blocks: cards, labelled inputs and selects, alerts, spinners, badges.
import type { ComponentChildren } from 'preact';

export function Card(props: {
  title: string;
  children: ComponentChildren;
  actions?: ComponentChildren;
  id?: string;
}) {
  const headingId = `${props.id ?? props.title.replace(/\W+/g, '-').toLowerCase()}-heading`;
  return (
    <article class="slds-card" aria-labelledby={headingId}>
      <div class="slds-card__header slds-grid">
        <header class="slds-media slds-media_center slds-has-flexi-truncate">
          <div class="slds-media__body">
            <h2 class="slds-card__header-title slds-text-heading_small" id={headingId}>
              {props.title}
            </h2>
          </div>
        </header>
        {props.actions === undefined ? null : <div class="slds-no-flex">{props.actions}</div>}
      </div>
      <div class="slds-card__body slds-card__body_inner">{props.children}</div>
    </article>
  );
}

export function TextInput(props: {
  id: string;
  label: string;
  value: string;
  onInput: (v: string) => void;
  type?: 'text' | 'password' | 'number' | 'date' | 'datetime-local' | 'url' | 'email';
  placeholder?: string;
  required?: boolean;
  help?: string;
}) {
  return (
    <div class="slds-form-element">
      <label class="slds-form-element__label" for={props.id}>
        {props.required === true ? (
          <abbr class="slds-required" title="required">
            *{' '}
          </abbr>
        ) : null}
        {props.label}
      </label>
      <div class="slds-form-element__control">
        <input
          id={props.id}
          class="slds-input"
          // preact's input typings split `type` by kind, which tsc needs narrowed and the linter's project
          // does not: any of ours takes a string value.
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
          type={(props.type ?? 'text') as 'text'}
          value={props.value}
          placeholder={props.placeholder}
          required={props.required}
          aria-describedby={props.help === undefined ? undefined : `${props.id}-help`}
          onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
        />
      </div>
      {props.help === undefined ? null : (
        <div class="slds-form-element__help" id={`${props.id}-help`}>
          {props.help}
        </div>
      )}
    </div>
  );
}

export function Select(props: {
  id: string;
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (v: string) => void;
}) {
  return (
    <div class="slds-form-element">
      <label class="slds-form-element__label" for={props.id}>
        {props.label}
      </label>
      <div class="slds-form-element__control">
        <div class="slds-select_container">
          <select
            id={props.id}
            class="slds-select"
            value={props.value}
            onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}
          >
            {props.options.map(([value, text]) => (
              <option value={value} key={value}>
                {text}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}

export function Checkbox(props: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <div class="slds-form-element">
      <div class="slds-form-element__control">
        <div class="slds-checkbox">
          <input
            type="checkbox"
            id={props.id}
            checked={props.checked}
            onChange={(e) => props.onChange((e.target as HTMLInputElement).checked)}
          />
          <label class="slds-checkbox__label" for={props.id}>
            <span class="slds-checkbox_faux"></span>
            <span class="slds-form-element__label">{props.label}</span>
          </label>
        </div>
      </div>
    </div>
  );
}

export function Alert(props: {
  kind: 'error' | 'info' | 'success' | 'warning';
  children: ComponentChildren;
}) {
  return (
    <div
      class={`slds-notify slds-notify_alert slds-alert_${props.kind === 'info' ? 'info' : props.kind} slds-m-bottom_small`}
      role={props.kind === 'error' ? 'alert' : 'status'}
    >
      <h2>{props.children}</h2>
    </div>
  );
}

export function Loading(props: { what: string }) {
  return (
    <p class="slds-text-color_weak" role="status">
      Loading {props.what}…
    </p>
  );
}

export function Badge(props: {
  children: ComponentChildren;
  tone?: 'success' | 'error' | 'warning' | 'inverse';
}) {
  const tone =
    props.tone === undefined
      ? ''
      : props.tone === 'inverse'
        ? ' slds-badge_inverse'
        : ` slds-theme_${props.tone}`;
  return <span class={`slds-badge${tone}`}>{props.children}</span>;
}

/** An SLDS data table: its accessible name as an assistive caption, one header cell per column (a leading
 *  "Select" column for tables with a checkbox per row), and the rows the page renders as children. */
export function DataTable(props: {
  caption: ComponentChildren;
  columns: readonly string[];
  children: ComponentChildren;
  selectColumn?: boolean;
  testId?: string;
  class?: string;
  headClass?: string;
}) {
  const extra = props.class === undefined ? '' : ` ${props.class}`;
  return (
    <table class={`slds-table slds-table_bordered slds-table_cell-buffer${extra}`} data-testid={props.testId}>
      <caption class="slds-assistive-text">{props.caption}</caption>
      <thead>
        <tr class={props.headClass}>
          {props.selectColumn === true ? (
            <th scope="col">
              <span class="slds-assistive-text">Select</span>
            </th>
          ) : null}
          {props.columns.map((h) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}

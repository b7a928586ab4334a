/**
 * @module The place picker: an autocomplete combobox (WAI-ARIA 1.2 combobox pattern, list autocomplete) over
 * `GET …/places/search` — communes and meeting points offline, addresses too when the territory's address API is
 * configured. Type, move with ↑/↓ (Alt+↓ opens, Home/End move in the text), choose with Enter or a click, close with
 * Escape (Escape again clears). The result count is announced in a polite live region. Forms drop it in and receive the
 * chosen place (label, lat, lon, commune, kind, meeting point id); they keep a cell or the meeting point, never an address.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { getApi } from '../core/api.ts';
import { toApiError } from '../core/api-error.ts';
import { placesApi, type PlaceCandidate, type SearchAnswer } from './types.ts';
import { usePlacesI18n } from './use-places-i18n.ts';
import './places.css';

export interface PlacePickerProps {
  /** The territory's slug. */
  slug: string;
  /** Unique within the page: the input's id, and the prefix of the list's and options' ids. */
  id: string;
  label: string;
  /** A hint of the form's own, shown before the picker's. */
  hint?: string;
  /** The form's error for this field, shown above the input and tied to it. */
  error?: string;
  value: PlaceCandidate | null;
  onChange: (place: PlaceCandidate | null) => void;
  /** Favour places around this point (the person's commune, the other end of a trip). */
  near?: { lat: number; lon: number } | undefined;
  /** Show the sentence saying the exact address is never stored (on for residents' forms). */
  privacyNote?: boolean;
}

type Status = { kind: 'idle' } | { kind: 'searching' } | { kind: 'results'; count: number } | { kind: 'none' } | { kind: 'unavailable' } | { kind: 'failed' };

/** Waits this long after the last key before asking the server (a fast typist sends one request per word). */
const TYPING_PAUSE_MS = 250;
const MIN_LENGTH = 2;

export function PlacePicker({ slug, id, label, hint, error, value, onChange, near, privacyNote = false }: PlacePickerProps) {
  const { p, pp } = usePlacesI18n();
  const [text, setText] = useState(value?.label ?? '');
  const [options, setOptions] = useState<PlaceCandidate[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [addresses, setAddresses] = useState(false);
  const query = useRef<{ timer?: number; controller?: AbortController }>({});
  const listId = `${id}-options`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const statusId = `${id}-status`;

  // A value chosen or cleared by the form shows in the input.
  useEffect(() => setText(value?.label ?? ''), [value?.label]);
  useEffect(() => () => {
    window.clearTimeout(query.current.timer);
    query.current.controller?.abort();
  }, []);

  const search = (typed: string) => {
    window.clearTimeout(query.current.timer);
    query.current.controller?.abort();
    if (typed.trim().length < MIN_LENGTH) {
      setOptions([]);
      setOpen(false);
      setStatus({ kind: 'idle' });
      return;
    }
    setStatus({ kind: 'searching' });
    query.current.timer = window.setTimeout(() => {
      const controller = new AbortController();
      query.current.controller = controller;
      getApi<SearchAnswer>(placesApi.search(slug, typed.trim(), near), controller.signal)
        .then((answer) => {
          setAddresses(answer.source === 'ban');
          setOptions(answer.items);
          setActive(-1);
          setOpen(answer.items.length > 0);
          setStatus(answer.items.length > 0 ? { kind: 'results', count: answer.items.length } : { kind: 'none' });
        })
        .catch((caught: unknown) => {
          if (controller.signal.aborted) return;
          const problem = toApiError(caught);
          setOptions([]);
          setOpen(false);
          setStatus(problem.status === 502 || problem.status === 503 ? { kind: 'unavailable' } : { kind: 'failed' });
        });
    }, TYPING_PAUSE_MS);
  };

  const choose = (place: PlaceCandidate) => {
    onChange(place);
    setText(place.label);
    setOpen(false);
    setActive(-1);
    setStatus({ kind: 'idle' });
  };

  const onInput = (event: Event) => {
    const typed = (event.currentTarget as HTMLInputElement).value;
    setText(typed);
    // Typing again means the chosen place no longer holds.
    if (value) onChange(null);
    search(typed);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const count = options.length;
    if (event.key === 'ArrowDown') {
      if (count === 0) return;
      event.preventDefault();
      if (!open) {
        setOpen(true);
        if (event.altKey) return;
      }
      setActive((i) => (i + 1) % count);
    } else if (event.key === 'ArrowUp') {
      if (count === 0) return;
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i <= 0 ? count - 1 : i - 1));
    } else if (event.key === 'Enter') {
      if (open && active >= 0 && options[active]) {
        event.preventDefault();
        choose(options[active]);
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text) {
        event.preventDefault();
        setText('');
        setOptions([]);
        setStatus({ kind: 'idle' });
        if (value) onChange(null);
      }
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  const statusText =
    status.kind === 'searching' ? p('picker.searching')
    : status.kind === 'results' ? pp('picker.results', status.count)
    : status.kind === 'none' ? p('picker.none')
    : status.kind === 'unavailable' ? p('picker.unavailable')
    : status.kind === 'failed' ? p('picker.failed')
    : '';
  const describedBy = [hintId, error ? errorId : '', statusId].filter(Boolean).join(' ');

  return (
    <div class={error ? 'field field-invalid place-picker' : 'field place-picker'}>
      <label for={id}>{label}</label>
      <p class="field-hint" id={hintId}>
        {hint ? `${hint} ` : ''}
        {p('picker.hint', { address: addresses ? p('picker.hintAddress') : '' })}
        {privacyNote ? ` ${p('picker.privacy')}` : ''}
      </p>
      {error ? (
        <p class="field-error" id={errorId}>
          <span class="error-prefix">{p('error.prefix')}</span> {error}
        </p>
      ) : null}
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${id}-option-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={error ? 'true' : undefined}
        value={text}
        onInput={onInput}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul class="place-picker-options" id={listId} role="listbox" aria-label={label} hidden={!open}>
        {options.map((option, i) => (
          <li
            key={`${option.kind}-${option.meetingPointId ?? ''}-${option.label}-${i}`}
            id={`${id}-option-${i}`}
            class="place-picker-option"
            role="option"
            aria-selected={i === active ? 'true' : 'false'}
            // mousedown would blur the input and close the list before the click lands.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
          >
            <span>{option.label}</span>
            <span class="place-picker-kind">{p(`kind.${option.kind}`)}</span>
          </li>
        ))}
      </ul>
      <p class="place-picker-status" id={statusId} role="status" aria-live="polite">
        {statusText}
      </p>
      {value ? (
        <p class="place-picker-chosen">
          <span>{p('picker.chosen', { label: value.label })}</span>
          <button
            type="button"
            class="button button-small"
            onClick={() => {
              onChange(null);
              setText('');
              document.getElementById(id)?.focus();
            }}
          >
            {p('picker.clear')}
          </button>
        </p>
      ) : null}
    </div>
  );
}

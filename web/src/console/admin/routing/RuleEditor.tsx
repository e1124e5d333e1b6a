import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/index.js';
import { isProblem } from '../../../shared/api.js';
import { ErrorSummary } from '../../../shared/form/ErrorSummary.js';
import { FieldErrorsContext } from '../../../shared/form/errors.js';
import { FieldMessages } from '../../../shared/form/FieldMessages.js';
import { TextField } from '../../../shared/form/TextField.js';
import { useStaffApi } from '../../use-staff-api.js';
import type { VersionDetail } from '../types.js';
import { positionOfPointer, syntaxErrorOf, type TextPosition } from './pointer-position.js';

interface PlacedError {
  pointer: string;
  message: string;
  at: TextPosition | undefined;
}

const editorId = 'routing-rules';
const noteId = 'routing-note';

/**
 * The rules as JSON text (format `routing-rules/v1`, whose schema the server publishes). The
 * server checks them when they are saved as a new version; each error it names by JSON
 * pointer is listed with its line and column, and "Show" selects it in the text.
 */
export function RuleEditor({
  initial,
  basedOn,
  onSaved,
}: {
  initial: string;
  basedOn: number | null;
  onSaved(version: VersionDetail): void;
}) {
  const { t } = useI18n();
  const api = useStaffApi();
  const editor = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(initial);
  const [note, setNote] = useState('');
  const [placed, setPlaced] = useState<PlacedError[]>([]);
  const [fieldErrors, setFieldErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [general, setGeneral] = useState<string[]>([]);

  function show(at: TextPosition | undefined) {
    const area = editor.current;
    if (!area || !at) return;
    area.focus();
    area.setSelectionRange(at.offset, at.offset + Math.max(at.length, 1));
  }

  function report(list: PlacedError[], noteError?: string, others: string[] = []) {
    setPlaced(list);
    const map = new Map<string, string>();
    if (list.length > 0) map.set(editorId, t('admin.routing-problems', { count: list.length }));
    if (noteError) map.set(noteId, noteError);
    setFieldErrors(map);
    setGeneral(others);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const syntax = syntaxErrorOf(text);
    if (syntax) return report([{ pointer: '', message: t('admin.routing-not-json'), at: syntax }]);
    report([]);
    try {
      const body = { ruleSet: JSON.parse(text) as unknown, ...(note.trim() ? { note: note.trim() } : {}), ...(basedOn ? { basedOn } : {}) };
      onSaved(await api<VersionDetail>('/api/routing/versions', { method: 'POST', body }));
      setNote('');
    } catch (failure) {
      if (!isProblem(failure)) return report([], undefined, [t('common.network-error')]);
      const list: PlacedError[] = [];
      let noteError: string | undefined;
      const others: string[] = [];
      for (const field of failure.errors) {
        const pointer = field.pointer ?? '';
        if (pointer.startsWith('#/ruleSet'))
          list.push({
            pointer: pointer.slice('#/ruleSet'.length) || '/',
            message: field.detail,
            at: positionOfPointer(text, pointer, '/ruleSet'),
          });
        else if (pointer === '#/note') noteError = field.detail;
        else others.push(field.detail);
      }
      if (list.length === 0 && !noteError && others.length === 0) others.push(failure.detail ?? failure.title);
      report(list, noteError, others);
    }
  }

  const error = fieldErrors.get(editorId);
  const describedBy = ['routing-rules-hint', error ? `${editorId}-error routing-rules-problems` : ''].filter(Boolean).join(' ');
  return (
    <FieldErrorsContext.Provider value={fieldErrors}>
      <form className="admin-form rule-editor" onSubmit={(event) => void save(event)} noValidate aria-labelledby="rule-editor-title">
        <h2 id="rule-editor-title">{basedOn ? t('admin.routing-editor-based', { version: basedOn }) : t('admin.routing-editor')}</h2>
        <ErrorSummary title={t('common.error-summary')} errors={fieldErrors} general={general} />
        <div className={`field${error ? ' has-error' : ''}`}>
          <label htmlFor={editorId}>{t('admin.routing-rules-json')}</label>
          <p className="hint" id="routing-rules-hint">
            {t('admin.routing-rules-hint')} <a href="/api/schemas/routing-rules/v1.json">{t('admin.routing-schema')}</a>
          </p>
          <FieldMessages id={editorId} error={error} />
          <textarea
            id={editorId}
            ref={editor}
            value={text}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => setText(event.target.value)}
          />
          {placed.length > 0 && (
            <ul className="pointer-errors" id="routing-rules-problems" data-testid="rule-problems">
              {placed.map((problem, index) => (
                <li key={`${problem.pointer}-${index}`}>
                  {problem.at ? t('admin.routing-at', { line: problem.at.line, column: problem.at.column }) : ''}{' '}
                  {problem.pointer && <code>{problem.pointer}</code>} {problem.message}{' '}
                  {problem.at && (
                    <button type="button" className="link-button" onClick={() => show(problem.at)}>
                      {t('admin.routing-show', { line: problem.at.line })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
        <TextField
          id={noteId}
          label={t('admin.routing-note')}
          hint={t('admin.routing-note-hint')}
          value={note}
          maxLength={2000}
          onChange={setNote}
        />
        <div className="actions">
          <button type="submit" className="primary">
            {t('admin.routing-save')}
          </button>
        </div>
      </form>
    </FieldErrorsContext.Provider>
  );
}

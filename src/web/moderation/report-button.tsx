/**
 * @module "Signaler": a button that opens a small report form in place (reason, optional details). Drop it next to any
 * reportable thing: `<ReportButton slug={slug} subjectType="aid_request" subjectId={id} />`. It loads its own
 * dictionary, announces the result in the polite live region, and says when it was already reported.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { callApi } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { RadioGroup } from '../core/choice-fields.tsx';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { useSession } from '../core/session.tsx';
import { onlyErrors, useForm } from '../core/use-form.ts';
import type { ModerationKey } from '../i18n/moderation-fr.ts';
import { moderationReason, REPORT_REASONS as REASONS, type ReportAnswer, type ReportReason as Reason } from './types.ts';
import { moderationApi, useModerationI18n, type SubjectType } from './use-moderation-i18n.ts';

export interface ReportButtonProps {
  slug: string;
  subjectType: SubjectType;
  subjectId: string;
  /** Words for the accessible name, e.g. the message's author or the community's name ("Signaler : …"). */
  what?: string;
  /** Called after a report is recorded (e.g. to reload a list the content may have left). */
  onReported?: (hidden: boolean) => void;
}

function thisThing(type: SubjectType): ModerationKey {
  return type === 'community' || type === 'carpool_message' || type === 'user' ? `subject.this.${type}` : 'subject.this.other';
}

export function ReportButton({ slug, subjectType, subjectId, what, onReported }: ReportButtonProps) {
  const { s } = useModerationI18n();
  const { me } = useSession();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState('');
  const [reason, setReason] = useState<Reason | ''>('');
  const [comment, setComment] = useState('');
  const prefix = `report-${subjectType}-${subjectId}`;
  const form = useForm(prefix, ['reason', 'comment']);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Opening moves focus to the reasons, so keyboard and screen-reader users land in the form.
  useEffect(() => {
    if (open) document.getElementById(form.fieldId('reason'))?.focus();
  }, [open, form]);
  if (!me) return null;

  const close = () => {
    setOpen(false);
    form.clear();
    // The button is back on the next render.
    setTimeout(() => buttonRef.current?.focus(), 0);
  };
  const finish = (message: string) => {
    setDone(message);
    announce(message);
    setOpen(false);
  };
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ reason: reason ? undefined : s('report.chooseReason') }),
      action: async () => {
        const body = { subjectType, subjectId, reason, ...(comment.trim() ? { comment: comment.trim() } : {}) };
        const res = await callApi<ReportAnswer>('POST', moderationApi.reports(slug), { body });
        finish(s(res.hidden ? 'report.sentHidden' : 'report.sent'));
        onReported?.(res.hidden);
      },
      explain: (error) => {
        const reason = moderationReason(error);
        if (reason === 'already_reported') {
          finish(s('report.already'));
          return { message: s('report.already') };
        }
        if (reason === 'self_report') return { message: s('report.self') };
        return null;
      },
    });

  if (done) return <p class="meta report-done">{done}</p>;
  const label = s('report.buttonLabel', { what: what ?? s(thisThing(subjectType)) });
  return (
    <div class="report">
      {open ? null : (
        <button ref={buttonRef} type="button" class="button button-quiet" aria-label={label} aria-expanded="false" onClick={() => setOpen(true)}>
          {s('report.button')}
        </button>
      )}
      {open ? (
        <form class="report-form" onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-title`}>
          <h4 id={`${prefix}-title`}>{s('report.title')}</h4>
          <p class="meta">{s('report.intro')}</p>
          <FormErrors form={form} />
          <RadioGroup
            form={form}
            name="reason"
            legend={s('report.reason')}
            value={reason as Reason}
            onValue={setReason}
            options={REASONS.map((r) => ({ value: r, label: s(`report.reason.${r}`) }))}
          />
          <TextField form={form} name="comment" multiline optional label={s('report.comment')} hint={s('report.commentHint')} value={comment} onValue={setComment} />
          <p class="actions">
            <SubmitButton form={form} label={s('report.send')} />
            <button type="button" class="button button-quiet" onClick={close}>
              {s('action.cancel')}
            </button>
          </p>
        </form>
      ) : null}
    </div>
  );
}

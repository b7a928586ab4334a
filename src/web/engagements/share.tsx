/**
 * @module « Partager »: a commitment's link with a copy button (clipboard, else the link selected and a visible hint),
 * the phone's own share sheet when it has one, the QR code the server draws (an SVG that prints sharp), and a poster
 * to print: the wording, the deadline in words, the QR code and the address, nothing else on the page.
 */
import { useRef, useState } from 'preact/hooks';
import { announce } from '../core/announce.ts';
import { territoryPath } from '../core/api.ts';
import { paths } from '../core/paths.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { lastSigningDay } from './deadline.ts';
import type { Engagement } from './types.ts';
import './engagements.css';

/** The QR code's address: the API under /api, a plain image anyone who may read the commitment may load. */
export const qrCodePath = (slug: string, id: string) => `/api${territoryPath(slug, `/commitments/${encodeURIComponent(id)}/qr.svg`)}`;

export function ShareEngagement({ slug, engagement: e }: { slug: string; engagement: Engagement }) {
  const { m, locale } = useMobilityI18n();
  const input = useRef<HTMLInputElement>(null);
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  const link = `${location.origin}${paths.engagement(slug, e.id)}`;
  const deadline = m('engagement.deadlineValue', { date: lastSigningDay(e.signingDeadline, locale, new Date().getFullYear()) });
  const qrAlt = m('engagement.share.qrAlt', { url: link });

  const copy = () => {
    const fallback = () => {
      input.current?.focus();
      input.current?.select();
      setFeedback({ ok: false, text: m('engagement.share.copyFallback') });
    };
    if (!navigator.clipboard) return fallback();
    navigator.clipboard.writeText(link).then(() => {
      setFeedback({ ok: true, text: m('engagement.share.copied') });
      announce(m('engagement.share.copied'));
    }, fallback);
  };
  const canShare = typeof navigator.share === 'function';
  const share = () => {
    // Cancelling the share sheet rejects: nothing to say then.
    navigator.share({ title: e.wording, text: m('engagement.share.text', { wording: e.wording, deadline }), url: link }).catch(() => undefined);
  };

  return (
    <section aria-labelledby="share-title" class="share-engagement">
      <h2 id="share-title">{m('engagement.share.title')}</h2>
      <p>{m('engagement.share.intro')}</p>
      <div class="field">
        <label for="engagement-link">{m('engagement.share.link')}</label>
        <input id="engagement-link" ref={input} type="text" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
      </div>
      <p class="actions">
        <button type="button" class="button button-primary" onClick={copy}>
          {m('engagement.share.copy')}
        </button>
        {canShare ? (
          <button type="button" class="button" onClick={share}>
            {m('engagement.share.native')}
          </button>
        ) : null}
        <button type="button" class="button" onClick={() => window.print()}>
          {m('engagement.share.print')}
        </button>
      </p>
      {feedback ? (
        <p class={feedback.ok ? 'notice notice-success' : 'notice'} role="status" data-testid="share-feedback">
          {feedback.text}
        </p>
      ) : null}
      <figure class="share-qr">
        <img src={qrCodePath(slug, e.id)} alt={qrAlt} width={180} height={180} loading="lazy" />
        <figcaption class="meta">{m('engagement.share.qrHint')}</figcaption>
      </figure>
      <div class="share-poster" aria-hidden="true">
        <p class="share-poster-call">{m('engagement.share.printTitle')}</p>
        <p class="share-poster-wording">{e.wording}</p>
        <p class="share-poster-deadline">{m('engagement.deadline', { date: lastSigningDay(e.signingDeadline, locale, new Date().getFullYear()) })}</p>
        <img src={qrCodePath(slug, e.id)} alt="" width={320} height={320} />
        <p class="share-poster-url">{link}</p>
        <p>{m('engagement.share.printCall')}</p>
      </div>
    </section>
  );
}

/** @module "People I blocked" on the account page: names, since when, unblock. */
import { useFetch } from '../core/use-fetch.ts';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { BlockButton } from './block-button.tsx';
import type { BlockList } from './types.ts';
import { moderationApi, useModerationI18n } from './use-moderation-i18n.ts';


export function BlockedPeople({ slug }: { slug: string }) {
  const { s, formatDate } = useModerationI18n();
  const list = useFetch<BlockList>(moderationApi.blocks(slug));
  return (
    <section aria-labelledby="blocked-title">
      <h2 id="blocked-title">{s('blocks.title')}</h2>
      <p>{s('blocks.intro')}</p>
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data?.items.length === 0 ? <p>{s('blocks.none')}</p> : null}
      <ul class="cards" data-testid="blocked-people">
        {(list.data?.items ?? []).map((b) => (
          <li key={b.userId} class="card">
            <p class="card-text">
              {b.displayName} <span class="meta">· {s('blocks.since', { date: formatDate(b.blockedAt) })}</span>
            </p>
            <BlockButton slug={slug} userId={b.userId} name={b.displayName} blocked onChange={() => list.reload()} />
          </li>
        ))}
      </ul>
    </section>
  );
}

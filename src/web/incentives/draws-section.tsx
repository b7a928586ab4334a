/** @module A lottery campaign's weekly draws (commitment, revealed seed, winners, "your ticket") and how anyone can recompute them. */
import { territoryPath } from '../core/api.ts';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { incentiveApi } from './paths.ts';
import type { DrawView } from './types.ts';
import { useIncentivesI18n } from './use-incentives-i18n.ts';

export function DrawsSection({ slug, campaignId }: { slug: string; campaignId: string }) {
  const { c } = useIncentivesI18n();
  const draws = useFetch<{ items: DrawView[] }>(territoryPath(slug, incentiveApi.draws(campaignId)));
  const items = draws.data?.items ?? [];
  const myTicket = items.find((d) => d.myTicket)?.myTicket ?? null;
  return (
    <section aria-labelledby="draws-title">
      <h2 id="draws-title">{c('draws.title')}</h2>
      <p>{c('draws.intro')}</p>
      {draws.error ? <ErrorNotice error={draws.error} /> : null}
      {!draws.data && !draws.error ? <Loading /> : null}
      {draws.data && items.length === 0 ? <p>{c('draws.none')}</p> : null}
      {myTicket ? <p class="notice notice-info" data-testid="my-ticket">{c('draws.yourTicket', { ticket: myTicket })}</p> : null}
      {items.length > 0 ? (
        <div class="table-scroll" role="region" aria-labelledby="draws-caption" tabIndex={0}>
          <table class="data-table draws-table">
            <caption id="draws-caption">{c('draws.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{c('draws.col.week')}</th>
                <th scope="col">{c('draws.col.commitment')}</th>
                <th scope="col">{c('draws.col.seed')}</th>
                <th scope="col">{c('draws.col.winners')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((draw) => (
                <DrawRow key={draw.weekStart} draw={draw} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <details class="method">
        <summary>{c('draws.howTitle')}</summary>
        <ol class="numbered">
          <li>{c('draws.how.commit')}</li>
          <li>{c('draws.how.list')}</li>
          <li>{c('draws.how.stream')}</li>
          <li>{c('draws.how.uniform')}</li>
          <li>{c('draws.how.weighted')}</li>
        </ol>
      </details>
    </section>
  );
}

function DrawRow({ draw }: { draw: DrawView }) {
  const { c, cp, day, euros } = useIncentivesI18n();
  return (
    <tr>
      <th scope="row">
        {day(draw.weekStart.slice(0, 10))}
        {draw.myTicket ? <span class="mine"><br />{c('draws.yourTicket', { ticket: draw.myTicket })}</span> : null}
      </th>
      <td><code class="hash">{draw.seedCommitment}</code></td>
      <td>{draw.seed ? <code class="hash">{draw.seed}</code> : c('draws.seedHidden')}</td>
      <td>
        {draw.winners === null ? (
          draw.drawsOn ? c('draws.drawsOn', { date: day(draw.drawsOn.slice(0, 10)) }) : c('draws.notDrawn')
        ) : draw.winners.length === 0 ? (
          c('draws.noWinner')
        ) : (
          <ul>
            {draw.winners.map((winner) => (
              <li key={winner.ticket} class={winner.ticket === draw.myTicket ? 'mine' : undefined}>
                <code>{c('draws.winner', { ticket: winner.ticket, amount: euros(winner.cents) })}</code>
                {winner.ticket === draw.myTicket ? ` ${c('draws.youWon')}` : null}
              </li>
            ))}
          </ul>
        )}
        {draw.participants ? (
          <details>
            <summary>{cp('draws.participants', draw.participants.length)}</summary>
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">{c('draws.col.ticket')}</th>
                  <th scope="col" class="numeric">{c('draws.col.points')}</th>
                </tr>
              </thead>
              <tbody>
                {draw.participants.map((p) => (
                  <tr key={p.ticket} class={p.ticket === draw.myTicket ? 'mine' : undefined}>
                    <th scope="row">
                      <code>{p.ticket}</code>
                      {p.ticket === draw.myTicket ? ` ${c('draws.mine')}` : null}
                    </th>
                    <td class="numeric">{p.points}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ) : null}
      </td>
    </tr>
  );
}

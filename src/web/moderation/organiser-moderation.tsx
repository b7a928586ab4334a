/** @module Inside a community page, for its organisers: the open reports about the community, with the decision form. */
import { ModerationQueue } from './moderation-queue.tsx';
import { moderationPaths, useModerationI18n } from './use-moderation-i18n.ts';

export function OrganiserModeration({ slug, communityId }: { slug: string; communityId: string }) {
  const { s } = useModerationI18n();
  return (
    <section aria-labelledby="community-moderation-title">
      <h2 id="community-moderation-title">{s('queue.organiserTitle')}</h2>
      <ModerationQueue slug={slug} communityId={communityId} headingLevel={3} />
      <p>
        <a href={moderationPaths.queue(slug)}>{s('queue.organiserLink')}</a>
      </p>
    </section>
  );
}

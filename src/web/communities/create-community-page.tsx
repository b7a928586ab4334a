/** @module Creates a community; its creator becomes its organiser and lands on its page. */
import { useLocation } from 'preact-iso';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { useI18n } from '../core/i18n.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { Loading } from '../core/status.tsx';
import type { Community } from '../core/types.ts';
import { CommunityForm, type CommunityValues } from './community-form.tsx';
import { useEnsureResident } from './use-ensure-resident.ts';

const BLANK: CommunityValues = { name: '', description: '', kind: 'neighbourhood', visibility: 'public', joinPolicy: 'open', emailDomain: null };

export function CreateCommunityPage({ territory: slug }: { territory: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { route } = useLocation();
  const ensureResident = useEnsureResident(slug);
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={t('create.title')} />;

  const create = async (values: CommunityValues) => {
    await ensureResident();
    const body = { ...values, emailDomain: values.emailDomain ?? undefined };
    const community = await callApi<Community>('POST', territoryPath(slug, '/communities'), { body });
    announce(community.name);
    route(paths.community(slug, community.id));
  };

  return (
    <section class="page page-narrow">
      <PageHeading title={t('create.title')} />
      <CommunityForm idPrefix="create-community" initial={BLANK} submitLabel={t('create.submit')} withKind onSave={create} />
    </section>
  );
}

/** @module The admin screens' frame: sign-in first, then the roles a screen needs; the page heading and a way back. */
import type { ComponentChildren } from 'preact';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { Loading } from '../core/status.tsx';
import { adminPaths } from './paths.ts';
import { useAdminI18n } from './use-admin-i18n.ts';
import './admin.css';

/** Renders `children` for a member holding one of `roles` (admins, or operators too where the screen allows it). */
export function AdminGate({ slug, title, roles, back = true, children }: { slug: string; title: string; roles: readonly string[]; back?: boolean; children: ComponentChildren }) {
  const { a } = useAdminI18n();
  const { me } = useSession();
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={title} />;
  const held = me.territories.find((t) => t.slug === slug)?.roles ?? [];
  const allowed = held.some((r) => roles.includes(r));
  return (
    <div class="page admin-page">
      {back && held.includes('admin') ? (
        <p class="admin-back">
          <a href={adminPaths.home(slug)}>{a('admin.back')}</a>
        </p>
      ) : null}
      <PageHeading title={title} />
      {allowed ? children : <p>{a(roles.includes('operator') ? 'admin.notStaff' : 'admin.notAdmin')}</p>}
    </div>
  );
}

/** @module Page frame: skip link, header, main landmark, footer and the shared aria-live region. */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useDevMailAvailable } from '../dev/use-dev-mail.ts';
import { ActingSlot } from '../mediation/acting-slot.tsx';
import { VerifyEmailNotice } from '../accounts/verify-email-notice.tsx';
import { rememberTerritory, useDefaultTerritorySlug, useTerritory } from '../territories/load-territory.ts';
import { ANNOUNCER_ID } from './announce.ts';
import { useI18n } from './i18n.tsx';
import { paths, territoryOfPath } from './paths.ts';
import { useSession } from './session.tsx';
import { SiteHeader } from './site-header.tsx';

export function Layout({ children }: { children: ComponentChildren }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const { me } = useSession();
  const devMail = useDevMailAvailable();
  const fromPath = territoryOfPath(path);
  const fallback = useDefaultTerritorySlug();
  const slug = fromPath ?? fallback ?? me?.territories[0]?.slug ?? null;
  const { territory } = useTerritory(slug);

  useEffect(() => {
    if (fromPath && territory) rememberTerritory(fromPath);
  }, [fromPath, territory]);

  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <SiteHeader slug={slug} territoryName={territory?.name} />
      <ActingSlot />
      <VerifyEmailNotice />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <p>{t('app.footer')}</p>
        <ul class="footer-links">
          <li>
            <a href="/api/openapi.json">{t('app.openApi')}</a>
          </li>
          {devMail ? (
            <li>
              <a href={paths.devMail()}>{t('nav.devMail')}</a>
            </li>
          ) : null}
        </ul>
      </footer>
      <div id={ANNOUNCER_ID} class="visually-hidden" aria-live="polite" aria-atomic="true" />
    </>
  );
}

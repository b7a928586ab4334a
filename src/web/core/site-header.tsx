/** @module Site header: wordmark, territory name, main navigation, language switch and sign-out. */
import { useLocation } from 'preact-iso';
import { translate } from '../i18n/translate.ts';
import { useI18n } from './i18n.tsx';
import { announce } from './announce.ts';
import { paths } from './paths.ts';
import { useSession } from './session.tsx';
import { toApiError } from './api-error.ts';
import { describeApiError } from './error-message.ts';

function NavLink({ href, label, current }: { href: string; label: string; current: string }) {
  const exact = current === href;
  const within = !exact && href.split('/').length > 3 && current.startsWith(`${href}/`);
  return (
    <li>
      <a href={href} aria-current={exact ? 'page' : within ? 'true' : undefined}>
        {label}
      </a>
    </li>
  );
}

export function SiteHeader({ slug, territoryName }: { slug: string | null; territoryName: string | undefined }) {
  const { t, locale, setLocale } = useI18n();
  const { me, signOut } = useSession();
  const { path, route } = useLocation();

  const switchLanguage = () => {
    const next = locale === 'fr' ? 'en' : 'fr';
    setLocale(next);
    announce(translate(next, 'lang.changed'));
  };
  const handleSignOut = () => {
    signOut().then(
      () => {
        announce(t('nav.signedOut'));
        route(slug ? paths.home(slug) : paths.root());
      },
      (error: unknown) => announce(describeApiError(toApiError(error), t)),
    );
  };

  return (
    <header class="site-header">
      <div class="header-bar">
        <p class="brand">
          <a class="wordmark" href={slug ? paths.home(slug) : paths.root()}>
            {t('app.name')}
          </a>
          {territoryName ? <span class="territory-name">{territoryName}</span> : null}
        </p>
        <div class="header-tools">
          <button type="button" class="button button-quiet" lang={t('lang.switchToCode')} onClick={switchLanguage}>
            {t('lang.switchTo')}
          </button>
          {me ? (
            <button type="button" class="button button-quiet" onClick={handleSignOut}>
              {t('nav.signOut')}
            </button>
          ) : null}
        </div>
      </div>
      {slug ? (
        <nav aria-label={t('nav.label')}>
          <ul class="nav-list">
            <NavLink href={paths.home(slug)} label={t('nav.home')} current={path} />
            <NavLink href={paths.directory(slug)} label={t('nav.communities')} current={path} />
            <NavLink href={paths.myCommunities(slug)} label={t('nav.mine')} current={path} />
            {me ? (
              <NavLink href={paths.account(slug)} label={t('nav.account')} current={path} />
            ) : (
              <NavLink href={paths.signIn(slug)} label={t('nav.signIn')} current={path} />
            )}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

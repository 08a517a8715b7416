import { Trans, useTranslation } from 'react-i18next';

// The commands are code; Trans maps the resources' <code> tags to real elements (no HTML is ever injected).
const codeTag = { code: <code /> };

/** Shown when the page has neither the Electron bridge nor a host token: how to open Focal Desk properly. */
export function NoCoreScreen() {
  const { t } = useTranslation();
  return (
    <main className="no-core" id="main-content">
      <div className="no-core__card">
        <h1>{t('noCore.title')}</h1>
        <p>{t('noCore.intro')}</p>
        <ul className="no-core__ways">
          <li>
            <Trans i18nKey="noCore.desktop" components={codeTag} />
          </li>
          <li>
            <Trans i18nKey="noCore.browser" components={codeTag} />
          </li>
        </ul>
        <p>{t('noCore.restarted')}</p>
      </div>
    </main>
  );
}
